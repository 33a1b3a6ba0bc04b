// One-time password reset links, for staff (who have no recovery code) and any account: an
// administrator issues a link on /admin and hands it to the person (in person, by phone, by their
// own mail). The link carries a random 160-bit token; only its SHA-256 is stored. It expires after
// RESET_LINK_HOURS and works once. Using it sets the new password and ends every session of the
// account. Spejl has no mail transport; with one, the same link would be sent to the account's email
// instead of being shown to the administrator.
import type { Db } from '../db';
import { checkPassword, type SignInContext } from './accounts';
import { sessionOrSecondStep } from './second-step';
import { generateSessionToken, hashPassword, sessionIdOf as sha256Hex } from './auth';
import { insertAuditEvent } from '../repositories/audit';
import { claimResetLink, findResetLink, replaceResetLink } from '../repositories/password-resets';
import { deleteSessionsOf } from '../repositories/sessions';
import { revokeAllApiTokens } from './tokens';
import { findUserById, updateUser } from '../repositories/users';
import { err, errs, ok, type Result } from '../../result';

const HOUR = 60 * 60 * 1000;

export type ResetLinkState = 'ok' | 'used' | 'expired' | 'unknown';

/**
 * A new reset link for `userId` (earlier unused links of the account stop working). Returns the URL
 * (shown once to the administrator) and when it expires; refused with `reset.admin.notIssued` for an
 * account without an email. The link and the audit event `admin.password-reset.issued` are written
 * in one transaction.
 */
export async function issueResetLink(
	db: Db,
	admin: { id: string; role: string },
	userId: string,
	options: { origin: string; hours: number },
	now = new Date()
): Promise<Result<{ url: string; email: string; expiresAt: string }>> {
	if (admin.role !== 'admin') throw new Error('only administrators issue reset links');
	const user = await findUserById(db, userId);
	if (!user?.email) return err('reset.admin.notIssued');
	const token = generateSessionToken();
	const expiresAt = new Date(now.getTime() + options.hours * HOUR).toISOString();
	await db.transaction().execute(async (trx) => {
		await replaceResetLink(trx, { id: sha256Hex(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt });
		await insertAuditEvent(trx, { actorId: admin.id, action: 'admin.password-reset.issued', subjectId: userId, at: now });
	});
	return ok({ url: `${options.origin}/reset/${token}`, email: user.email, expiresAt });
}

const TOKEN = /^[a-z2-7]{32}$/;

/** What a link is: usable (with the account's email), used, expired or unknown. */
export async function checkResetLink(db: Db, token: string, now = new Date()): Promise<{ state: 'ok'; email: string } | { state: Exclude<ResetLinkState, 'ok'> }> {
	if (!TOKEN.test(token)) return { state: 'unknown' };
	const link = await findResetLink(db, sha256Hex(token));
	if (!link) return { state: 'unknown' };
	if (link.used_at) return { state: 'used' };
	if (link.expires_at <= now.toISOString()) return { state: 'expired' };
	const user = await findUserById(db, link.user_id);
	return user?.email ? { state: 'ok', email: user.email } : { state: 'unknown' };
}

/** The refusal of a link that cannot be used: `reset.used`, `reset.expired` or `reset.unknown`. */
export const LINK_REFUSALS = { 'reset.used': 'used', 'reset.expired': 'expired', 'reset.unknown': 'unknown' } as const;

const refusedLink = (state: Exclude<ResetLinkState, 'ok'>) =>
	state === 'used' ? err('reset.used') : state === 'expired' ? err('reset.expired') : err('reset.unknown');

/**
 * Sets a new password with a reset link: the link is claimed (so it works once even if two requests
 * race), the password is set, every session of the account ends and the audit event
 * `account.password.reset` is written, all in one transaction; then this browser is signed in. A
 * link that cannot be used is refused with one of LINK_REFUSALS; a password that is too weak with
 * its problems (field `password`) before the link is claimed, so the person can try again with the
 * same link.
 */
export async function useResetLink(
	db: Db,
	ctx: SignInContext,
	token: string,
	password: string,
	now = new Date()
): Promise<Result<{ userId: string; secondStep: boolean }>> {
	const checked = await checkResetLink(db, token, now);
	if (checked.state !== 'ok') return refusedLink(checked.state);
	const [first, ...rest] = checkPassword(password, [checked.email]);
	if (first) return errs([first, ...rest]);
	const id = sha256Hex(token);
	// The slow hash before the transaction, which holds the database while it runs.
	const passwordHash = await hashPassword(password);
	const userId = await db.transaction().execute(async (trx) => {
		if (!(await claimResetLink(trx, id, now.toISOString()))) return null;
		const link = (await findResetLink(trx, id))!;
		await updateUser(trx, link.user_id, { password_hash: passwordHash, must_set_password: 0 });
		await deleteSessionsOf(trx, link.user_id);
		await insertAuditEvent(trx, { actorId: link.user_id, action: 'account.password.reset', subjectId: link.user_id, at: now });
		await revokeAllApiTokens(trx, link.user_id, now);
		return link.user_id;
	});
	if (!userId) return refusedLink('used');
	// With two-factor sign-in, the code from the app is still asked for before a session exists.
	const secondStep = (await sessionOrSecondStep(db, ctx, userId, now)) === 'second-step';
	return ok({ userId, secondStep });
}
