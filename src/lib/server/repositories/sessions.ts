import type { Db } from '../db';
import type { Session, User } from '../db/schema';
import { precompiled } from '../db/precompiled';

/**
 * A session as the code sees it: the expiry in epoch milliseconds. It is stored as ISO text, like every
 * other time (docs/architecture.md, "Times").
 */
export type SessionRecord = Omit<Session, 'expires_at'> & { expires_at: number };

const toRecord = <T extends { expires_at: string }>(row: T): Omit<T, 'expires_at'> & { expires_at: number } => ({
	...row,
	expires_at: Date.parse(row.expires_at)
});

export async function insertSession(db: Db, session: SessionRecord): Promise<void> {
	await db
		.insertInto('session')
		.values({ ...session, expires_at: new Date(session.expires_at).toISOString() })
		.execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRecord | undefined> {
	const row = await db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toRecord(row);
}

export type SessionWithUser = User & {
	session_id: string;
	expires_at: number;
	session_created_at: string | null;
	last_used_at: string | null;
};

const sessionWithUser = precompiled(1, (db: Db, id: string) =>
	db
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.user_id')
		.select(['session.id as session_id', 'session.expires_at', 'session.created_at as session_created_at', 'session.last_used_at'])
		.selectAll('user')
		.where('session.id', '=', id)
);

/** The session and its user: runs on every request, so the query is compiled once (see precompiled.ts). */
export async function findSessionWithUser(db: Db, id: string): Promise<SessionWithUser | undefined> {
	const [row] = await sessionWithUser(db, id);
	return row && toRecord(row);
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
	await db.updateTable('session').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', id).execute();
}

/** The person's sessions, most recently used first. */
export async function listSessionsOf(db: Db, userId: string) {
	const rows = await db
		.selectFrom('session')
		.select(['id', 'created_at', 'last_used_at', 'user_agent', 'address', 'expires_at'])
		.where('user_id', '=', userId)
		.orderBy('last_used_at', 'desc')
		.orderBy('id')
		.execute();
	return rows.map(toRecord);
}

/** Ends one of the person's own sessions; false when they have no such session. */
export async function deleteSessionOf(db: Db, userId: string, id: string): Promise<boolean> {
	const r = await db.deleteFrom('session').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
	return Number(r.numDeletedRows) > 0;
}

/** Ends every session of the person, but `keepId` when given. */
export async function deleteSessionsOf(db: Db, userId: string, keepId?: string): Promise<number> {
	let q = db.deleteFrom('session').where('user_id', '=', userId);
	if (keepId) q = q.where('id', '!=', keepId);
	const r = await q.executeTakeFirst();
	return Number(r.numDeletedRows);
}

/** Deletes the sessions past their absolute end (`now`) or unused since `idleSince` (ISO times). Returns how many. */
export async function deleteEndedSessions(db: Db, now: string, idleSince: string): Promise<number> {
	const r = await db
		.deleteFrom('session')
		.where((eb) => eb.or([eb('expires_at', '<=', now), eb(eb.fn.coalesce('last_used_at', 'created_at'), '<=', idleSince)]))
		.executeTakeFirst();
	return Number(r.numDeletedRows);
}
