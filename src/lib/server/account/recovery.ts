// Account recovery codes: a client who forgot their password resets it with their email and the
// recovery code they were shown at registration, without any mail server. The code is made like a
// resume code (16 characters without look-alikes, about 78 bits, in groups of four; resume-code.ts)
// and only its SHA-256 is stored. Using it sets the new password, ends every session of the account
// and replaces the code, so each code works once.
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db';
import { checkPassword, type FieldError, type SignInContext } from './accounts';
import { sessionOrSecondStep } from './second-step';
import { hashPassword } from './auth';
import { createRateLimiter } from '../rate-limit';
import { generateResumeCode, parseResumeCode, resumeCodeHash } from './resume-code';
import { insertAuditEvent } from '../repositories/audit';
import { deleteSessionsOf } from '../repositories/sessions';
import { findUserByEmail, findUserById, updateUser } from '../repositories/users';

/** Wrong recovery attempts per address: 10 in 15 minutes leave a 78-bit code unguessable. */
export const recoveryLimiter = createRateLimiter({ scope: 'recovery', limit: 10, windowMs: 15 * 60_000 });

/** A new recovery code for the account; the old one stops working at once. Returns the code (shown once). */
export async function issueRecoveryCode(db: Db, userId: string, now = new Date()): Promise<string> {
	const code = generateResumeCode();
	await updateUser(db, userId, { recovery_code_hash: resumeCodeHash(code) });
	await insertAuditEvent(db, { actorId: userId, action: 'account.recovery-code.issued', subjectId: userId, at: now });
	return code;
}

/** Whether the account has a recovery code (accounts from before codes existed have none until they make one). */
export async function hasRecoveryCode(db: Db, userId: string): Promise<boolean> {
	return Boolean((await findUserById(db, userId))?.recovery_code_hash);
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

// Compared against when the email is unknown, so both answers take the same path.
const NO_HASH = '0'.repeat(64);

export type RecoverResult =
	| { ok: true; userId: string; code: string; secondStep: boolean }
	| { ok: false; status: 400 | 429; errors: FieldError[] };

/**
 * Resets a forgotten password with email + recovery code. Checks, in this order: the address is not
 * paused, the code is well-formed, the new password is strong enough; only then are email and code
 * compared (a wrong pair counts against the address and is answered the same whichever was wrong).
 * On success every session of the account ends, this browser is signed in and a new code is issued.
 */
export async function recoverAccount(
	db: Db,
	ctx: SignInContext & { address: string },
	input: { email: string; code: string; password: string },
	now = new Date()
): Promise<RecoverResult> {
	const key = ctx.address.slice(0, 64);
	const minutes = await recoveryLimiter.blockedFor(db, key, now.getTime());
	if (minutes > 0) return { ok: false, status: 429, errors: [{ field: 'code', key: 'auth.error.tooMany', params: { n: minutes } }] };
	const parsed = parseResumeCode(input.code.slice(0, 100), 'recovery');
	if (!parsed.ok) return { ok: false, status: 400, errors: [{ field: 'code', key: parsed.error.code, params: parsed.error.params as Record<string, number> }] };
	const weak = checkPassword(input.password, [input.email]);
	if (weak.length) return { ok: false, status: 400, errors: weak };
	const user = input.email && input.email.length <= 254 ? await findUserByEmail(db, input.email) : undefined;
	if (!sameHash(user?.recovery_code_hash ?? NO_HASH, resumeCodeHash(parsed.value)) || !user) {
		await recoveryLimiter.fail(db, key, now.getTime());
		return { ok: false, status: 400, errors: [{ field: 'code', key: 'recovery.error.wrong' }] };
	}
	await recoveryLimiter.reset(db, key);
	const code = generateResumeCode();
	await updateUser(db, user.id, { password_hash: await hashPassword(input.password), recovery_code_hash: resumeCodeHash(code) });
	await deleteSessionsOf(db, user.id);
	await insertAuditEvent(db, { actorId: user.id, action: 'account.recovered', subjectId: user.id, at: now });
	// With two-factor sign-in, the code from the app is still asked for before a session exists.
	const secondStep = (await sessionOrSecondStep(db, ctx, user.id, now)) === 'second-step';
	return { ok: true, userId: user.id, code, secondStep };
}
