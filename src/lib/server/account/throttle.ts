// Throttling that protects the owner. A failed sign-in counts three times: against the address at
// the account (a growing delay: after a few failures each next try from that address waits 1 s,
// doubling, capped), against the account from every address (a window limit), and against the
// address over every email (a window limit, which stops password spraying). The account is never
// locked and one address's failures never hold back another's: the right password from an address
// that has not failed at the account is checked at once, whatever other addresses did, so nobody can
// keep the owner out by failing on purpose. Registrations are limited per address. Everything is
// counted in the database, so it holds across restarts and across app servers (./rate-limit.ts).
import type { Db } from '../db';
import { err, ok, type Failure, type Problem, type Result } from '../../result';
import { createRateLimiter } from '../rate-limit';
import {
	ACCOUNT_SCOPE,
	accountDelayMs,
	accountKey,
	addressKey,
	HOUR,
	MINUTE,
	PAIR_SCOPE,
	pairKey,
	throttlePolicy,
	type ThrottlePolicy
} from '../throttle-policy';

/** Failures against an account are forgotten a day after the last one. */
const ACCOUNT_MEMORY_MS = 24 * HOUR;

/** Failed sign-ins per address, over every email (SIGN_IN_ADDRESS_LIMIT in 15 minutes). */
export const signInAddressLimiter = createRateLimiter({
	scope: 'sign-in-address',
	limit: () => throttlePolicy().signInAddressLimit,
	windowMs: 15 * MINUTE
});

/** Failed sign-ins per account, from every address (SIGN_IN_ACCOUNT_LIMIT in an hour). */
export const signInAccountLimiter = createRateLimiter({
	scope: ACCOUNT_SCOPE,
	limit: () => throttlePolicy().signInAccountLimit,
	windowMs: HOUR
});

/** Registrations per address, new or taken email alike (REGISTER_ADDRESS_LIMIT an hour). */
export const registerLimiter = createRateLimiter({
	scope: 'register',
	limit: () => throttlePolicy().registerAddressLimit,
	windowMs: HOUR
});

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
 * May this sign-in try have its password checked? Refused while the address is over its limit over
 * every email; while this address waits at this account (its own failures there: the growing delay);
 * and while the account is over its limit from every address, if this address has failed at the
 * account in the last day. An address that has not failed at the account is never held back by the
 * account's other failures. An admitted try is counted against this address at the account at once
 * (one statement that only succeeds when no wait is running), so many tries sent together from one
 * address cannot all slip through at the end of a wait; `signInSucceeded` forgets them again.
 * Refused with the wait (`throttle.signIn.*`, see `waitMessage`).
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
	const waitAccount = await signInAccountLimiter.blockedForMs(db, accountKey(email), now);
	if (waitAccount > 0 && (await hasFailedAt(db, email, address, now))) return mustWait('signIn', seconds(waitAccount));
	const claimed = await claimAccountTry(db, PAIR_SCOPE, pairKey(email, address), now, policy);
	return claimed.ok ? ok({ address, email }) : claimed;
}

/** Whether `address` has a failure at the account of `email` that is still remembered (a day). */
async function hasFailedAt(db: Db, email: string, address: string, now: number): Promise<boolean> {
	const row = await db
		.selectFrom('rate_limit')
		.select(['failures', 'resets_at'])
		.where('scope', '=', PAIR_SCOPE)
		.where('key', '=', pairKey(email, address))
		.executeTakeFirst();
	return !!row && Number(row.failures) > 0 && row.resets_at > new Date(now).toISOString();
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

/**
 * The password (or a second-step code) was wrong: the try stays counted against the address at the
 * account, and is counted against the address over every email and, with an email, against the account.
 */
export async function signInFailed(db: Db, admitted: { address: string; email?: string }, now = Date.now()): Promise<void> {
	await signInAddressLimiter.fail(db, addressKey(admitted.address), now);
	if (admitted.email) await signInAccountLimiter.fail(db, accountKey(admitted.email), now);
}

/**
 * The right password: this address's count at the account starts again (the account's count over
 * every address and the address's count over every email do not).
 */
export async function signInSucceeded(db: Db, admitted: Admitted): Promise<void> {
	await db.deleteFrom('rate_limit').where('scope', '=', PAIR_SCOPE).where('key', '=', pairKey(admitted.email, admitted.address)).execute();
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

/** Seconds until `address` may try at the account behind `email` again (0: now). */
export async function accountWaitSeconds(db: Db, email: string, address: string, now = Date.now()): Promise<number> {
	const row = await db
		.selectFrom('rate_limit')
		.select('blocked_until')
		.where('scope', '=', PAIR_SCOPE)
		.where('key', '=', pairKey(email, address))
		.executeTakeFirst();
	const pair = row?.blocked_until ? Date.parse(row.blocked_until) - now : 0;
	const account = (await hasFailedAt(db, email, address, now)) ? await signInAccountLimiter.blockedForMs(db, accountKey(email), now) : 0;
	const left = Math.max(pair, account);
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
