// The second step of a two-factor sign-in. After a correct password (or a password set with a
// recovery code or an administrator's reset link) an account with two-factor sign-in gets no
// session: it gets a pending sign-in, a random token in a short-lived cookie whose SHA-256 is stored
// with the account and an expiry a few minutes away. The token opens nothing but the code page
// (/login/two-factor); a current code from the app or one unused recovery code turns it into a
// session. Wrong codes are slowed like wrong passwords: per account (a growing delay, never a lock)
// and per address (throttle.ts).
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import { err, ok, type Failure, type Result } from '../../result';
import { signIn, signInWithPassword, type SignInContext } from './accounts';
import { generateSessionToken, invalidateSession, readSessionToken, sessionIdOf as sha256Hex } from './auth';
import { parseResumeCode, resumeCodeHash } from './resume-code';
import { accountTrySucceeded, addressWaitSeconds, claimAccountTry, signInFailed, waitMessage } from './throttle';
import { matchingStep } from './totp';
import { cleanCode, hasTwoFactor } from './two-factor';
import { insertAuditEvent } from '../repositories/audit';
import {
	claimPendingSignIn,
	claimRecoveryCode,
	claimStep,
	countRecoveryCodes,
	findPendingSignIn,
	findTwoFactor,
	insertPendingSignIn
} from '../repositories/two-factor';

/** How long the code page waits for the code after the password. */
export const PENDING_MINUTES = 5;
/** The limiter scope of wrong second-step codes, per account (its id). */
export const SECOND_STEP_SCOPE = 'second-step-account';

const cookieName = (secure: boolean) => (secure ? '__Host-spejl_second_step' : 'spejl_second_step');
const TOKEN = /^[a-z2-7]{32}$/;

/** The pending sign-in this browser holds, if any. */
export const readPendingToken = (cookies: Cookies, secure: boolean): string | null => cookies.get(cookieName(secure)) ?? null;

function forgetPending(cookies: Cookies, secure: boolean) {
	cookies.delete(cookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * After the password: signs in when the account has no two-factor sign-in; otherwise ends the
 * session this browser had (as signing in would), starts a pending sign-in and returns 'second-step'
 * (the caller sends the person to /login/two-factor).
 */
export async function signInOrSecondStep(db: Db, ctx: SignInContext, userId: string, now = new Date()): Promise<'signed-in' | 'second-step'> {
	if (!(await hasTwoFactor(db, userId))) {
		await signInWithPassword(db, ctx, userId);
		return 'signed-in';
	}
	await startSecondStep(db, ctx, userId, now);
	return 'second-step';
}

/**
 * The same after a password set with a recovery code or a reset link (which record their own
 * events): a session without an access-log sign-in, or the second step.
 */
export async function sessionOrSecondStep(db: Db, ctx: SignInContext, userId: string, now = new Date()): Promise<'signed-in' | 'second-step'> {
	if (!(await hasTwoFactor(db, userId))) {
		await signIn(db, ctx, userId);
		return 'signed-in';
	}
	await startSecondStep(db, ctx, userId, now);
	return 'second-step';
}

/** Starts a pending sign-in for an account with two-factor sign-in (see above). */
export async function startSecondStep(db: Db, ctx: SignInContext, userId: string, now = new Date()): Promise<void> {
	const previous = readSessionToken(ctx.cookies, ctx.secure);
	if (previous) await invalidateSession(db, previous);
	const token = generateSessionToken();
	const expires = new Date(now.getTime() + PENDING_MINUTES * 60_000);
	await insertPendingSignIn(db, { id: sha256Hex(token), user_id: userId, created_at: now.toISOString(), expires_at: expires.toISOString() });
	ctx.cookies.set(cookieName(ctx.secure), token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.secure, expires });
}

/** Whether this browser has a pending sign-in that has not ended. */
export async function hasPendingSignIn(db: Db, cookies: Cookies, secure: boolean, now = new Date()): Promise<boolean> {
	const token = readPendingToken(cookies, secure);
	if (!token || !TOKEN.test(token)) return false;
	const row = await findPendingSignIn(db, sha256Hex(token));
	return Boolean(row && row.expires_at > now.toISOString());
}

type Checked = Result<{ recoveryCode: boolean }>;

/** Is `typed` a current, unused code of the account's app, or one of its unused recovery codes? Uses it up if so. */
async function useCode(db: Db, userId: string, typed: string, now: number): Promise<Checked> {
	if (/^\d{6}$/.test(typed)) {
		const row = await findTwoFactor(db, userId);
		const step = row?.enabled_at ? matchingStep(row.secret, typed, now) : null;
		if (step === null) return err('twoFactor.error.wrong', undefined, 'code');
		if (!(await claimStep(db, userId, step))) return err('twoFactor.error.reused', undefined, 'code');
		return ok({ recoveryCode: false });
	}
	const parsed = parseResumeCode(typed);
	if (parsed.ok && (await claimRecoveryCode(db, userId, resumeCodeHash(parsed.value)))) return ok({ recoveryCode: true });
	return err('twoFactor.error.wrong', undefined, 'code');
}

/** A refusal for a try that must wait: the message, and `retryAfter` (seconds) for the Retry-After header. */
function mustWait(seconds: number): Failure {
	const wait = waitMessage('signIn', seconds);
	return err(wait.code, wait.params, 'code');
}

/**
 * The second step: with a right code, the pending sign-in becomes a session on this browser (in the
 * access log as a sign-in, and the use of a recovery code too: the used code, the session and the
 * events are written in one transaction). Returns how many recovery codes are left when one was used. Refusals: the pending sign-in ended (sign in again), a wait is running,
 * an empty, wrong or already used code.
 */
export async function completeSecondStep(
	db: Db,
	ctx: SignInContext,
	code: string,
	now = new Date()
): Promise<Result<{ recoveryCode: boolean; codesLeft: number }>> {
	const token = readPendingToken(ctx.cookies, ctx.secure);
	const pending = token && TOKEN.test(token) ? await findPendingSignIn(db, sha256Hex(token)) : undefined;
	if (!pending || pending.expires_at <= now.toISOString()) {
		forgetPending(ctx.cookies, ctx.secure);
		return err('twoFactor.error.expired');
	}
	const typed = cleanCode(code);
	if (!typed) return err('twoFactor.error.empty', undefined, 'code');
	const address = ctx.address ?? '';
	const addressWait = await addressWaitSeconds(db, address, now.getTime());
	if (addressWait > 0) return mustWait(addressWait);
	const admitted = await claimAccountTry(db, SECOND_STEP_SCOPE, pending.user_id, now.getTime());
	if (!admitted.ok) return err(admitted.error.code, admitted.error.params, 'code');
	// The used code, the claimed pending sign-in, the session and their audit events in one transaction.
	const used = await db.transaction().execute(async (trx) => {
		const checked = await useCode(trx, pending.user_id, typed, now.getTime());
		if (!checked.ok) return checked;
		if (!(await claimPendingSignIn(trx, pending.id))) return err('twoFactor.error.expired');
		await accountTrySucceeded(trx, SECOND_STEP_SCOPE, pending.user_id);
		await insertAuditEvent(trx, { actorId: pending.user_id, action: 'account.signed-in', subjectId: pending.user_id, at: now });
		if (checked.value.recoveryCode)
			await insertAuditEvent(trx, { actorId: pending.user_id, action: 'account.two-factor.recovery-code-used', subjectId: pending.user_id, at: now });
		await signIn(trx, ctx, pending.user_id);
		return checked;
	});
	if (!used.ok) {
		if (used.error.code !== 'twoFactor.error.expired') await signInFailed(db, { address }, now.getTime());
		return used;
	}
	forgetPending(ctx.cookies, ctx.secure);
	return ok({ recoveryCode: used.value.recoveryCode, codesLeft: used.value.recoveryCode ? await countRecoveryCodes(db, pending.user_id) : 0 });
}
