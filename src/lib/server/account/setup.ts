// First run: the first administrator is created once. Several app servers may receive first-run
// requests at the same moment, so the check ("no administrator yet") and the insert run in one
// transaction that first writes the `first-run` lock row: on PostgreSQL a second transaction waits
// on that row until the first commits, on SQLite on the database's write lock. Whoever comes second
// then sees the administrator and is refused.
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { checkCredentials, type FieldError } from './accounts';
import { hashPassword } from './auth';
import { countUsersWithRole, findUserByEmail, insertUser } from '../repositories/users';
import { insertAuditEvent } from '../repositories/audit';

export type FirstAdminResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'done' }
	| { ok: false; reason: 'invalid'; errors: FieldError[] };

/** True while the installation has no administrator (so /setup is open). */
export const setupNeeded = async (db: Db): Promise<boolean> => (await countUsersWithRole(db, 'admin')) === 0;

export async function createFirstAdmin(
	db: Db,
	input: { email: string; password: string; locale: string | null },
	now = new Date()
): Promise<FirstAdminResult> {
	if (!(await setupNeeded(db))) return { ok: false, reason: 'done' };
	const errors = checkCredentials(input.email, input.password);
	if (errors.length) return { ok: false, reason: 'invalid', errors };
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
			if (!(await setupNeeded(trx))) return { ok: false, reason: 'done' } as const;
			if (await findUserByEmail(trx, input.email))
				return { ok: false, reason: 'invalid', errors: [{ field: 'email', key: 'auth.error.taken' }] } as const;
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
			return { ok: true, id } as const;
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, reason: 'invalid', errors: [{ field: 'email', key: 'auth.error.taken' }] };
		throw e;
	}
}
