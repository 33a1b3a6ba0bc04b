// A staff account an administrator created starts with a password the administrator chose: until
// the person has chosen their own, every page sends them to /account/set-password (hooks.server.ts).
import type { Db } from '../db';
import { checkPassword, signIn, type SignInContext } from './accounts';
import { err, errs, ok, type Result } from '../../result';
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
 * ends every session of the account and signs this browser in again. The new password, the ended
 * sessions and the audit event `account.password.set` are written in one transaction.
 */
export async function setOwnPassword(db: Db, ctx: SignInContext, userId: string, password: string): Promise<Result> {
	const user = await findUserById(db, userId);
	if (!user?.password_hash) return err('trust.error.currentPassword', undefined, 'password');
	const [first, ...rest] = checkPassword(password, [user.email ?? '', user.display_name ?? '']);
	if (first) return errs([first, ...rest]);
	if (await verifyPassword(user.password_hash, password)) return err('trust.error.samePassword', undefined, 'password');
	// The slow hash before the transaction, which holds the database while it runs.
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, userId, { password_hash: passwordHash, must_set_password: 0 });
		await deleteSessionsOf(trx, userId);
		await insertAuditEvent(trx, { actorId: userId, action: 'account.password.set', subjectId: userId });
	});
	await signIn(db, ctx, userId);
	return ok();
}
