// The person's own sessions (list, end one, end all, API tokens too if asked) and the steps that need
// the password again: changing it ends every other session (and API tokens if asked); deleting the account and creating an API token ask for it.
import { describeUserAgent } from '$lib/device';
import type { Db } from '../db';
import { checkPassword, signIn, type SignInContext } from './accounts';
import { err, errs, ok, type Result } from '../../result';
import { hashPassword, verifyPassword } from './auth';
import { createRateLimiter } from '../rate-limit';
import { insertAuditEvent } from '../repositories/audit';
import { deleteSessionOf, deleteSessionsOf, listSessionsOf } from '../repositories/sessions';
import { findUserById, updateUser } from '../repositories/users';
import { revokeAllApiTokens } from './tokens';

export interface SessionView {
	id: string;
	current: boolean;
	browser: string | null;
	system: string | null;
	address: string | null;
	createdAt: string | null;
	lastUsedAt: string | null;
}

export async function listSessions(db: Db, userId: string, currentId: string | null): Promise<SessionView[]> {
	const rows = await listSessionsOf(db, userId);
	return rows
		.map((r) => ({
			id: r.id,
			current: r.id === currentId,
			...describeUserAgent(r.user_agent),
			address: r.address,
			createdAt: r.created_at,
			lastUsedAt: r.last_used_at
		}))
		.sort((a, b) => Number(b.current) - Number(a.current));
}

export const endSession = (db: Db, userId: string, sessionId: string) => deleteSessionOf(db, userId, sessionId);

/**
 * Ends every session of the person, and with `endTokens` every API token too, and records it in their
 * access log, in one transaction. Returns how many sessions and tokens ended.
 */
export async function endAllSessions(db: Db, userId: string, endTokens = false, now = new Date()): Promise<{ sessions: number; tokens: number }> {
	return db.transaction().execute(async (trx) => {
		const sessions = await deleteSessionsOf(trx, userId);
		await insertAuditEvent(trx, { actorId: userId, action: 'account.sessions.ended', subjectId: userId, at: now });
		const tokens = endTokens ? await revokeAllApiTokens(trx, userId, now) : 0;
		return { sessions, tokens };
	});
}

/** Wrong passwords typed while signed in (re-entering it), per account: a stolen session cannot guess on. */
export const reauthLimiter = createRateLimiter({ scope: 'reauth', limit: 10, windowMs: 15 * 60_000 });

/**
 * Checks the password of the signed-in person, counting wrong ones. Refused, about `field` (the form
 * field the password was typed in): `trust.error.currentPassword`, or `auth.error.tooMany` (`n`
 * minutes) after too many wrong ones.
 */
export async function confirmPassword(db: Db, userId: string, password: string, field = 'password'): Promise<Result> {
	const minutes = await reauthLimiter.blockedFor(db, userId);
	if (minutes > 0) return err('auth.error.tooMany', { n: minutes }, field);
	const user = await findUserById(db, userId);
	// A client without an account (resume code only) has no password to type again.
	if (user && user.password_hash === null) return ok();
	if (user && user.password_hash && password && password.length <= 200 && (await verifyPassword(user.password_hash, password))) {
		await reauthLimiter.reset(db, userId);
		return ok();
	}
	await reauthLimiter.fail(db, userId);
	return err('trust.error.currentPassword', undefined, field);
}

/**
 * Sets a new password after checking the current one, ends every session of the person (other
 * devices included) and starts a fresh one on this browser. The new password, the ended sessions and
 * the audit event `account.password.changed` are written in one transaction. Refusals name their
 * field: `current` (wrong or too many tries) or `password` (too weak, the same as before).
 */
export async function changePassword(
	db: Db,
	ctx: SignInContext,
	user: { id: string; email: string | null; display_name?: string | null },
	input: { current: string; next: string; endTokens?: boolean }
): Promise<Result<{ ended: number; tokensEnded: number }>> {
	const confirmed = await confirmPassword(db, user.id, input.current, 'current');
	if (!confirmed.ok) return errs([confirmed.error]);
	const [first, ...rest] = checkPassword(input.next, [user.email ?? '', user.display_name ?? '']);
	if (first) return errs([first, ...rest]);
	if (input.next === input.current) return err('trust.error.samePassword', undefined, 'password');
	// The slow hash before the transaction, which holds the database while it runs.
	const passwordHash = await hashPassword(input.next);
	const [ended, tokensEnded] = await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { password_hash: passwordHash });
		const n = await deleteSessionsOf(trx, user.id);
		await insertAuditEvent(trx, { actorId: user.id, action: 'account.password.changed', subjectId: user.id });
		return [n, input.endTokens ? await revokeAllApiTokens(trx, user.id) : 0] as const;
	});
	await signIn(db, ctx, user.id);
	// The session in use was among those ended and replaced: only the others count for the message.
	return ok({ ended: Math.max(0, ended - 1), tokensEnded });
}
