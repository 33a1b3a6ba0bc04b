import type { Db } from '../db';
import type { ApiToken } from '../db/schema';

export async function insertApiToken(db: Db, token: ApiToken): Promise<void> {
	await db.insertInto('api_token').values(token).execute();
}

/** A user's tokens that still work, newest first. */
export const listActiveApiTokens = (db: Db, userId: string) =>
	db
		.selectFrom('api_token')
		.selectAll()
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.execute();

export const countActiveApiTokens = async (db: Db, userId: string): Promise<number> =>
	Number(
		(
			await db
				.selectFrom('api_token')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('user_id', '=', userId)
				.where('revoked_at', 'is', null)
				.executeTakeFirstOrThrow()
		).n
	);

/** A token by id (the SHA-256 of the secret), revoked or not. */
export const findApiToken = (db: Db, id: string) =>
	db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();

/** Revokes one of the user's own tokens; returns the revoked row, or undefined if it was not theirs or already revoked. */
export const revokeApiToken = (db: Db, userId: string, id: string, at: string) =>
	db
		.updateTable('api_token')
		.set({ revoked_at: at })
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.returningAll()
		.executeTakeFirst();

export async function touchApiToken(db: Db, id: string, at: string): Promise<void> {
	await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Revokes every token of the user that still works; returns the revoked rows. */
export const revokeApiTokensOf = (db: Db, userId: string, at: string) =>
	db.updateTable('api_token').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).returningAll().execute();
