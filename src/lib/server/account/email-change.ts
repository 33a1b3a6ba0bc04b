// Changing the email a person signs in with. It asks for the password again (like deleting the
// account or creating an API token): a session left open on a shared computer must not be enough to
// take the account over by moving its sign-in to another address.
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { err, errs, ok, type Result } from '../../result';
import { checkEmail, normalizeEmail } from './accounts';
import { confirmPassword } from './account-sessions';
import { insertAuditEvent } from '../repositories/audit';
import { findUserByEmail, findUserById, updateUser } from '../repositories/users';

/**
 * Sets a new email for the signed-in person after checking their password. The new email is
 * normalised as at registration; refusals name their field: `email` (not an email, control
 * characters, the same as now, in use by another account) or `password` (wrong, or too many tries).
 * The change and its audit event `account.email.changed` are written in one transaction; the event
 * does not hold either address, so the access log keeps no copy of an email the person gave up.
 */
export async function changeEmail(db: Db, userId: string, input: { email: string; password: string }): Promise<Result<{ email: string }>> {
	const email = normalizeEmail(input.email);
	const [bad] = checkEmail(email);
	if (bad) return errs([bad]);
	const user = await findUserById(db, userId);
	if (!user || user.email === null) return err('trust.email.error.noAccount', undefined, 'email');
	if (email === user.email) return err('trust.email.error.same', undefined, 'email');
	const confirmed = await confirmPassword(db, userId, input.password);
	if (!confirmed.ok) return errs([confirmed.error]);
	try {
		const changed = await db.transaction().execute(async (trx) => {
			if (await findUserByEmail(trx, email)) return false;
			await updateUser(trx, userId, { email });
			await insertAuditEvent(trx, { actorId: userId, action: 'account.email.changed', subjectId: userId });
			return true;
		});
		return changed ? ok({ email }) : err('trust.email.error.taken', undefined, 'email');
	} catch (e) {
		// Another account took the email between the check and the update.
		if (isUniqueViolation(e)) return err('trust.email.error.taken', undefined, 'email');
		throw e;
	}
}
