// One-time password reset links, for staff (who have no recovery code) and any account: an
// administrator issues a link on /admin and hands it to the person (in person, by phone, by their
// own mail). The link carries a random 160-bit token; only its SHA-256 is stored. It expires after
// RESET_LINK_HOURS and works once. Using it sets the new password and ends every session of the
// account. Spejl has no mail transport; with one, the same link would be sent to the account's email
// instead of being shown to the administrator.
import type { Db } from '../db';
import { checkPassword, type FieldError, type SignInContext } from './accounts';
import { sessionOrSecondStep } from './second-step';
import { generateSessionToken, hashPassword, sessionIdOf as sha256Hex } from './auth';
import { insertAuditEvent } from '../repositories/audit';
import { claimResetLink, findResetLink, replaceResetLink } from '../repositories/password-resets';
import { deleteSessionsOf } from '../repositories/sessions';
import { findUserById, updateUser } from '../repositories/users';

const HOUR = 60 * 60 * 1000;

export type ResetLinkState = 'ok' | 'used' | 'expired' | 'unknown';

/**
 * A new reset link for `userId` (earlier unused links of the account stop working). Returns the URL
 * (shown once to the administrator) and when it expires; audited as `admin.password-reset.issued`.
 */
export async function issueResetLink(
	db: Db,
	admin: { id: string; role: string },
	userId: string,
	options: { origin: string; hours: number },
	now = new Date()
): Promise<{ ok: true; url: string; email: string; expiresAt: string } | { ok: false }> {
	if (admin.role !== 'admin') throw new Error('only administrators issue reset links');
	const user = await findUserById(db, userId);
	if (!user?.email) return { ok: false };
	const token = generateSessionToken();
	const expiresAt = new Date(now.getTime() + options.hours * HOUR).toISOString();
	await replaceResetLink(db, { id: sha256Hex(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt });
	await insertAuditEvent(db, { actorId: admin.id, action: 'admin.password-reset.issued', subjectId: userId, at: now });
	return { ok: true, url: `${options.origin}/reset/${token}`, email: user.email, expiresAt };
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

/**
 * Sets a new password with a reset link: the link is claimed first (so it works once even if two
 * requests race), then the password is set, every session of the account ends and this browser is
 * signed in. A password that is too weak is refused before the link is claimed, so the person can
 * try again with the same link.
 */
export async function useResetLink(
	db: Db,
	ctx: SignInContext,
	token: string,
	password: string,
	now = new Date()
): Promise<{ ok: true; userId: string; secondStep: boolean } | { ok: false; state: Exclude<ResetLinkState, 'ok'> } | { ok: false; errors: FieldError[] }> {
	const checked = await checkResetLink(db, token, now);
	if (checked.state !== 'ok') return { ok: false, state: checked.state };
	const weak = checkPassword(password, [checked.email]);
	if (weak.length) return { ok: false, errors: weak };
	const id = sha256Hex(token);
	const passwordHash = await hashPassword(password);
	if (!(await claimResetLink(db, id, now.toISOString()))) return { ok: false, state: 'used' };
	const link = (await findResetLink(db, id))!;
	await updateUser(db, link.user_id, { password_hash: passwordHash, must_set_password: 0 });
	await deleteSessionsOf(db, link.user_id);
	await insertAuditEvent(db, { actorId: link.user_id, action: 'account.password.reset', subjectId: link.user_id, at: now });
	// With two-factor sign-in, the code from the app is still asked for before a session exists.
	const secondStep = (await sessionOrSecondStep(db, ctx, link.user_id, now)) === 'second-step';
	return { ok: true, userId: link.user_id, secondStep };
}
