import type { Db } from '../db';

export const findActiveShare = (db: Db, clientId: string, counsellorId: string) =>
	db
		.selectFrom('share')
		.selectAll()
		.where('client_id', '=', clientId)
		.where('counsellor_id', '=', counsellorId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();

/** The active share, if the client has also agreed to a privacy notice (what a counsellor may see). */
export const findVisibleShare = (db: Db, clientId: string, counsellorId: string) =>
	db
		.selectFrom('share')
		.innerJoin('user', 'user.id', 'share.client_id')
		.select('share.id')
		.where('share.client_id', '=', clientId)
		.where('share.counsellor_id', '=', counsellorId)
		.where('share.revoked_at', 'is', null)
		.where('user.privacy_agreed_at', 'is not', null)
		.executeTakeFirst();

/** Grants access; an already active share is kept as it is (unique index on active shares). */
/** Starts a share; false when one is active already (the unique index on active shares decides). */
export async function insertShare(db: Db, clientId: string, counsellorId: string, now: Date): Promise<boolean> {
	const r = await db
		.insertInto('share')
		.values({ client_id: clientId, counsellor_id: counsellorId, granted_at: now.toISOString(), revoked_at: null })
		.onConflict((oc) => oc.doNothing())
		.executeTakeFirst();
	return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Revokes the active share; true when there was one. */
export async function revokeShare(db: Db, clientId: string, counsellorId: string, now: Date): Promise<boolean> {
	const r = await db
		.updateTable('share')
		.set({ revoked_at: now.toISOString() })
		.where('client_id', '=', clientId)
		.where('counsellor_id', '=', counsellorId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

/** The counsellors a client shares with now, with since when. */
export const listActiveSharesOfClient = (db: Db, clientId: string) =>
	db
		.selectFrom('share')
		.innerJoin('user', 'user.id', 'share.counsellor_id')
		.select(['share.counsellor_id', 'share.granted_at', 'user.email', 'user.display_name'])
		.where('share.client_id', '=', clientId)
		.where('share.revoked_at', 'is', null)
		.orderBy('share.granted_at', 'desc')
		.execute();

export const findUserByShareCode = (db: Db, code: string) =>
	db
		.selectFrom('user')
		.select(['id', 'email', 'display_name', 'role'])
		.where('share_code', '=', code)
		.where('role', '=', 'counsellor')
		.executeTakeFirst();

export async function setShareCode(db: Db, userId: string, code: string): Promise<void> {
	await db.updateTable('user').set({ share_code: code }).where('id', '=', userId).execute();
}
