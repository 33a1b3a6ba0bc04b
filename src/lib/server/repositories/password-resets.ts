import type { Db } from '../db';
import type { PasswordReset } from '../db/schema';

/**
 * Stores a new link (its id is the SHA-256 of the token) and drops the person's earlier unused ones.
 * Two statements: the caller runs them in its transaction (with the audit event of the action).
 */
export async function replaceResetLink(db: Db, link: { id: string; user_id: string; created_at: string; expires_at: string }): Promise<void> {
	await db.deleteFrom('password_reset').where('user_id', '=', link.user_id).where('used_at', 'is', null).execute();
	await db.insertInto('password_reset').values({ ...link, used_at: null }).execute();
}

export const findResetLink = (db: Db, id: string): Promise<PasswordReset | undefined> =>
	db.selectFrom('password_reset').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Marks the link used if it is still unused and unexpired, in one statement: of two requests with the
 * same link at once, exactly one gets true.
 */
export async function claimResetLink(db: Db, id: string, at: string): Promise<boolean> {
	const r = await db
		.updateTable('password_reset')
		.set({ used_at: at })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('expires_at', '>', at)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** Deletes links that expired before `cutoff` (the retention job). */
export async function deleteEndedResetLinks(db: Db, cutoff: string): Promise<void> {
	await db.deleteFrom('password_reset').where('expires_at', '<=', cutoff).execute();
}
