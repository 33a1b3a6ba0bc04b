import type { Db } from '../db';
import type { Session, User } from '../db/schema';

export async function insertSession(db: Db, session: Session): Promise<void> {
	await db.insertInto('session').values(session).execute();
}

export const findSessionWithUser = (db: Db, id: string) =>
	db
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.user_id')
		.select(['session.id as session_id', 'session.expires_at'])
		.selectAll('user')
		.where('session.id', '=', id)
		.executeTakeFirst() as Promise<(User & { session_id: string; expires_at: number }) | undefined>;

export async function updateSessionExpiry(db: Db, id: string, expiresAt: number): Promise<void> {
	await db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', id).execute();
}
