// Account recovery codes: a client who forgot their password resets it with their email and the
// recovery code they were shown at registration, without any mail server. The code is made like a
// resume code (16 characters without look-alikes, about 78 bits, in groups of four; resume-code.ts)
// and only its SHA-256 is stored. Using it sets the new password, ends every session of the account
// and replaces the code, so each code works once.
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db';
import { checkPassword, type SignInContext } from './accounts';
import { err, errs, ok, type Result } from '../../result';
import { sessionOrSecondStep } from './second-step';
import { hashPassword } from './auth';
import { createRateLimiter } from '../rate-limit';
import { generateResumeCode, parseResumeCode, resumeCodeHash } from './resume-code';
import { insertAuditEvent } from '../repositories/audit';
import { deleteSessionsOf } from '../repositories/sessions';
import { revokeAllApiTokens } from './tokens';
import { findUserByEmail, findUserById, updateUser } from '../repositories/users';

/** Wrong recovery attempts per address: 10 in 15 minutes leave a 78-bit code unguessable. */
export const recoveryLimiter = createRateLimiter({ scope: 'recovery', limit: 10, windowMs: 15 * 60_000 });

/**
 * A new recovery code for the account; the old one stops working at once. Returns the code (shown
 * once). The code and the audit event `account.recovery-code.issued` are written in one transaction.
 */
export async function issueRecoveryCode(db: Db, userId: string, now = new Date()): Promise<string> {
	const code = generateResumeCode();
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, userId, { recovery_code_hash: resumeCodeHash(code) });
		await insertAuditEvent(trx, { actorId: userId, action: 'account.recovery-code.issued', subjectId: userId, at: now });
	});
	return code;
}

/** Whether the account has a recovery code (accounts from before codes existed have none until they make one). */
export async function hasRecoveryCode(db: Db, userId: string): Promise<boolean> {
	return Boolean((await findUserById(db, userId))?.recovery_code_hash);
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

// Compared against when the email is unknown, so both answers take the same path.
const NO_HASH = '0'.repeat(64);

/**
 * Resets a forgotten password with email + recovery code. Checks, in this order: the address is not
 * paused (`auth.error.tooMany`, `n` minutes), the code is well-formed (`recovery.error.empty`,
 * `.length`, `.character`), the new password is strong enough (its problems, about `password`); only
 * then are email and code compared (`recovery.error.wrong`: a wrong pair counts against the address
 * and is answered the same whichever was wrong). On success the new password, the new code, the
 * ended sessions and the audit event `account.recovered` are written in one transaction; then this
 * browser is signed in (or sent to the second step of a two-factor sign-in). The value carries the
 * new code (shown once).
 */
export async function recoverAccount(
	db: Db,
	ctx: SignInContext & { address: string },
	input: { email: string; code: string; password: string },
	now = new Date()
): Promise<Result<{ userId: string; code: string; secondStep: boolean; tokensEnded: number }>> {
	const key = ctx.address.slice(0, 64);
	const minutes = await recoveryLimiter.blockedFor(db, key, now.getTime());
	if (minutes > 0) return err('auth.error.tooMany', { n: minutes }, 'code');
	const parsed = parseResumeCode(input.code.slice(0, 100), 'recovery');
	if (!parsed.ok) return parsed;
	const [weak, ...weaker] = checkPassword(input.password, [input.email]);
	if (weak) return errs([weak, ...weaker]);
	const user = input.email && input.email.length <= 254 ? await findUserByEmail(db, input.email) : undefined;
	if (!sameHash(user?.recovery_code_hash ?? NO_HASH, resumeCodeHash(parsed.value)) || !user) {
		await recoveryLimiter.fail(db, key, now.getTime());
		return err('recovery.error.wrong', undefined, 'code');
	}
	await recoveryLimiter.reset(db, key);
	const code = generateResumeCode();
	// The slow hash before the transaction, which holds the database while it runs.
	const passwordHash = await hashPassword(input.password);
	// Whoever had the account before the owner took it back loses every way in: sessions and API tokens.
	const tokensEnded = await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { password_hash: passwordHash, recovery_code_hash: resumeCodeHash(code) });
		await deleteSessionsOf(trx, user.id);
		await insertAuditEvent(trx, { actorId: user.id, action: 'account.recovered', subjectId: user.id, at: now });
		return revokeAllApiTokens(trx, user.id, now);
	});
	// With two-factor sign-in, the code from the app is still asked for before a session exists.
	const secondStep = (await sessionOrSecondStep(db, ctx, user.id, now)) === 'second-step';
	return ok({ userId: user.id, code, secondStep, tokensEnded });
}
