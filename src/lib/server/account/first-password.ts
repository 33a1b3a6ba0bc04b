// A staff account an administrator created starts with a password the administrator chose: until
// the person has chosen their own, every page sends them to /account/set-password (hooks.server.ts).
import type { Db } from '../db';
import { checkPassword, signIn, type FieldError, type SignInContext } from './accounts';
import { hashPassword, verifyPassword } from './auth';
import { insertAuditEvent } from '../repositories/audit';
import { deleteSessionsOf } from '../repositories/sessions';
import { findUserById, updateUser } from '../repositories/users';

/** Where a person who must still choose their password may go: that page, signing out, the language switch. */
export const WITHOUT_OWN_PASSWORD = /^\/(account\/set-password|logout|language)\/?$/;

/** Whether the signed-in person must choose their own password before anything else. */
export const mustSetPassword = (user: { must_set_password?: number | boolean | null }): boolean => Boolean(user.must_set_password);

/**
 * Replaces the administrator's password with the person's own (strength rules; not the same one),
 * ends every session of the account and signs this browser in again.
 */
export async function setOwnPassword(
	db: Db,
	ctx: SignInContext,
	userId: string,
	password: string
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
	const user = await findUserById(db, userId);
	if (!user?.password_hash) return { ok: false, errors: [{ field: 'password', key: 'trust.error.currentPassword' }] };
	const problems = checkPassword(password, [user.email ?? '', user.display_name ?? '']);
	if (problems.length) return { ok: false, errors: problems };
	if (await verifyPassword(user.password_hash, password)) return { ok: false, errors: [{ field: 'password', key: 'trust.error.samePassword' }] };
	await updateUser(db, userId, { password_hash: await hashPassword(password), must_set_password: 0 });
	await deleteSessionsOf(db, userId);
	await signIn(db, ctx, userId);
	await insertAuditEvent(db, { actorId: userId, action: 'account.password.set', subjectId: userId });
	return { ok: true };
}
