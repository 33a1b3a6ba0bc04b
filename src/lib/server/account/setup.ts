// First run: the first administrator is created once. Several app servers may receive first-run
// requests at the same moment, so the check ("no administrator yet") and the insert run in one
// transaction that first writes the `first-run` lock row: on PostgreSQL a second transaction waits
// on that row until the first commits, on SQLite on the database's write lock. Whoever comes second
// then sees the administrator and is refused.
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { checkCredentials } from './accounts';
import { hashPassword } from './auth';
import { countUsersWithRole, findUserByEmail, insertUser } from '../repositories/users';
import { insertAuditEvent } from '../repositories/audit';
import { err, errs, ok, type Result } from '../../result';

/** True while the installation has no administrator (so /setup is open). */
export const setupNeeded = async (db: Db): Promise<boolean> => (await countUsersWithRole(db, 'admin')) === 0;

/**
 * Creates the first administrator. Refused with `setup.done` once one exists, or with the problems
 * of the email and password (each naming its field).
 */
export async function createFirstAdmin(
	db: Db,
	input: { email: string; password: string; locale: string | null },
	now = new Date()
): Promise<Result<{ id: string }>> {
	if (!(await setupNeeded(db))) return err('setup.done');
	const [first, ...rest] = checkCredentials(input.email, input.password);
	if (first) return errs([first, ...rest]);
	// Hashed before the transaction: the lock is held for a few quick statements only.
	const passwordHash = await hashPassword(input.password);
	const id = crypto.randomUUID();
	try {
		return await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('app_lock')
				.values({ name: 'first-run', taken_at: now.toISOString() })
				.onConflict((oc) => oc.column('name').doUpdateSet({ taken_at: now.toISOString() }))
				.execute();
			if (!(await setupNeeded(trx))) return err('setup.done');
			if (await findUserByEmail(trx, input.email)) return err('auth.error.taken', undefined, 'email');
			await insertUser(trx, {
				id,
				email: input.email,
				password_hash: passwordHash,
				role: 'admin',
				display_name: null,
				locale: input.locale,
				created_at: now.toISOString()
			});
			await insertAuditEvent(trx, { actorId: id, action: 'account.created', subjectId: id, detail: 'admin', at: now });
			return ok({ id });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return err('auth.error.taken', undefined, 'email');
		throw e;
	}
}
