// Throttling that protects the owner. A failed sign-in counts twice: against the account (its email,
// from any address) and against the address (over every email). The account is never locked: after
// a few failures each next try waits a little longer (1 s, doubling, capped), so a stranger guessing
// slows guessing down but the owner, from anywhere, still gets in after the wait. The address has a
// window limit, which stops one address from trying many emails (password spraying). Registrations
// are limited per address. Everything is counted in the database, so it holds across restarts and
// across app servers (./rate-limit.ts).
import type { Db } from '../db';
import { err, ok, type Failure, type Problem, type Result } from '../../result';
import { createRateLimiter } from '../rate-limit';
import { ACCOUNT_SCOPE, accountDelayMs, accountKey, HOUR, MINUTE, throttlePolicy, type ThrottlePolicy } from '../throttle-policy';

/** Failures against an account are forgotten a day after the last one. */
const ACCOUNT_MEMORY_MS = 24 * HOUR;

/** Failed sign-ins per address, over every email (SIGN_IN_ADDRESS_LIMIT in 15 minutes). */
export const signInAddressLimiter = createRateLimiter({
	scope: 'sign-in-address',
	limit: () => throttlePolicy().signInAddressLimit,
	windowMs: 15 * MINUTE
});

/** Registrations per address, new or taken email alike (REGISTER_ADDRESS_LIMIT an hour). */
export const registerLimiter = createRateLimiter({
	scope: 'register',
	limit: () => throttlePolicy().registerAddressLimit,
	windowMs: HOUR
});

const addressKey = (address: string) => address.slice(0, 64);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** An admitted try: the address and email it is counted against. */
export interface Admitted {
	address: string;
	email: string;
}

/**
 * A try that must wait `seconds`: the message of `waitMessage`, whose `retryAfter` parameter is the
 * wait in seconds for the Retry-After header. No field: the route puts it beside its form's field.
 */
function mustWait(kind: 'signIn' | 'register', seconds: number): Failure {
	const wait = waitMessage(kind, seconds);
	return err(wait.code, wait.params);
}

/**
 * May this sign-in try have its password checked? If so, the try is counted against the account at
 * once (one statement that only succeeds when no wait is running), so many tries sent together
 * cannot all slip through at the end of a wait; `signInSucceeded` forgets them again. Refused with
 * the wait (`throttle.signIn.*`, see `waitMessage`).
 */
export async function admitSignIn(
	db: Db,
	address: string,
	email: string,
	now = Date.now(),
	policy: ThrottlePolicy = throttlePolicy()
): Promise<Result<Admitted>> {
	const waitAddress = await signInAddressLimiter.blockedForMs(db, addressKey(address), now);
	if (waitAddress > 0) return mustWait('signIn', seconds(waitAddress));
	if (!email) return ok({ address, email });
	const claimed = await claimAccountTry(db, ACCOUNT_SCOPE, accountKey(email), now, policy);
	return claimed.ok ? ok({ address, email }) : claimed;
}

/**
 * Counts one try against an account key of `scope` if no wait is running for it (the growing delay
 * of SIGN_IN_FREE_FAILURES and SIGN_IN_MAX_DELAY_SECONDS); the password step and the second step of
 * a two-factor sign-in each have their own scope. Refused with the wait (`throttle.signIn.*`).
 */
export async function claimAccountTry(
	db: Db,
	scope: string,
	key: string,
	now = Date.now(),
	policy: ThrottlePolicy = throttlePolicy()
): Promise<Result> {
	const at = new Date(now).toISOString();
	await db
		.insertInto('rate_limit')
		.values({ scope, key, failures: 0, resets_at: at, blocked_until: null })
		.onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
		.execute();
	const row = await db
		.selectFrom('rate_limit')
		.select(['failures', 'resets_at', 'blocked_until'])
		.where('scope', '=', scope)
		.where('key', '=', key)
		.executeTakeFirst();
	if (!row) return mustWait('signIn', 1); // erased between the two statements
	if (row.blocked_until && row.blocked_until > at) return mustWait('signIn', seconds(Date.parse(row.blocked_until) - now));
	const failures = (row.resets_at <= at ? 0 : Number(row.failures)) + 1;
	const claimed = await db
		.updateTable('rate_limit')
		.set({
			failures,
			resets_at: new Date(now + ACCOUNT_MEMORY_MS).toISOString(),
			blocked_until: new Date(now + accountDelayMs(failures, policy)).toISOString()
		})
		.where('scope', '=', scope)
		.where('key', '=', key)
		// Only if nobody else counted a try since the read: otherwise this one waits its turn.
		.where('failures', '=', row.failures)
		.where('resets_at', '=', row.resets_at)
		.where((eb) => (row.blocked_until === null ? eb('blocked_until', 'is', null) : eb('blocked_until', '=', row.blocked_until)))
		.executeTakeFirst();
	if (Number(claimed.numUpdatedRows) !== 1) return mustWait('signIn', 1);
	return ok();
}

/** The password was wrong: the try stays counted against the account, and is counted against the address. */
export async function signInFailed(db: Db, admitted: { address: string }, now = Date.now()): Promise<void> {
	await signInAddressLimiter.fail(db, addressKey(admitted.address), now);
}

/** The right password: the account's count starts again (the address's does not). */
export async function signInSucceeded(db: Db, admitted: { email: string }): Promise<void> {
	await db.deleteFrom('rate_limit').where('scope', '=', ACCOUNT_SCOPE).where('key', '=', accountKey(admitted.email)).execute();
}

/** The right answer at a `claimAccountTry` scope: the key's count starts again. */
export async function accountTrySucceeded(db: Db, scope: string, key: string): Promise<void> {
	await db.deleteFrom('rate_limit').where('scope', '=', scope).where('key', '=', key).execute();
}

/** Whether `address` may try now (its window limit over every sign-in failure); seconds to wait if not. */
export async function addressWaitSeconds(db: Db, address: string, now = Date.now()): Promise<number> {
	const wait = await signInAddressLimiter.blockedForMs(db, addressKey(address), now);
	return wait > 0 ? seconds(wait) : 0;
}

/** Seconds until the account behind `email` takes a try again (0: now). */
export async function accountWaitSeconds(db: Db, email: string, now = Date.now()): Promise<number> {
	const row = await db
		.selectFrom('rate_limit')
		.select('blocked_until')
		.where('scope', '=', ACCOUNT_SCOPE)
		.where('key', '=', accountKey(email))
		.executeTakeFirst();
	const left = row?.blocked_until ? Date.parse(row.blocked_until) - now : 0;
	return left > 0 ? seconds(left) : 0;
}

/**
 * May this address register (or add an email to an anonymous account) now? Counts the try if so.
 * Refused with the wait (`throttle.register.*`).
 */
export async function admitRegistration(db: Db, address: string, now = Date.now()): Promise<Result<Admitted>> {
	const wait = await registerLimiter.blockedForMs(db, addressKey(address), now);
	if (wait > 0) return mustWait('register', seconds(wait));
	await registerLimiter.fail(db, addressKey(address), now);
	return ok({ address, email: '' });
}

/**
 * The problem of a refused try: its message in seconds for a short wait, in minutes for a long one
 * (`n`), and `retryAfter`, the wait in seconds (for the Retry-After header).
 */
export function waitMessage(kind: 'signIn' | 'register', retryAfterSeconds: number): Problem {
	const retryAfter = retryAfterSeconds;
	if (retryAfter <= 1) return { code: `throttle.${kind}.one`, params: { n: 1, retryAfter } };
	if (retryAfter < 120) return { code: `throttle.${kind}.seconds`, params: { n: retryAfter, retryAfter } };
	return { code: `throttle.${kind}.minutes`, params: { n: Math.ceil(retryAfter / 60), retryAfter } };
}

/** The wait of a refused try in seconds (the Retry-After header), or undefined when the refusal is no wait. */
export function retryAfterOf(p: Problem): number | undefined {
	const s = p.params?.retryAfter;
	return typeof s === 'number' ? s : undefined;
}
