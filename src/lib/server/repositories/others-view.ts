import type { Db } from '../db';
import type { OthersInvite } from '../db/schema';

// Invitation links and invitees' answers of "How others see me" (tables others_invite, others_answer).

export async function insertInvite(db: Db, invite: OthersInvite): Promise<void> {
	await db.insertInto('others_invite').values(invite).execute();
}

export const findInviteByCode = (db: Db, code: string) =>
	db.selectFrom('others_invite').selectAll().where('code', '=', code).executeTakeFirst();

/** The client's invitations of one exercise, newest first. */
export const listInvites = (db: Db, userId: string, instrumentId: string) =>
	db
		.selectFrom('others_invite')
		.selectAll()
		.where('user_id', '=', userId)
		.where('instrument_id', '=', instrumentId)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();

/** Closes the link now; true when it was the client's own open link. */
export async function revokeInvite(db: Db, userId: string, inviteId: string, now: Date): Promise<boolean> {
	const r = await db
		.updateTable('others_invite')
		.set({ revoked_at: now.toISOString() })
		.where('id', '=', inviteId)
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

/** Every answer to the client's invitations of one exercise, without any link to who or which link. */
export const listAnswersFor = (db: Db, userId: string, instrumentId: string) =>
	db
		.selectFrom('others_answer')
		.innerJoin('others_invite', 'others_invite.id', 'others_answer.invite_id')
		.select(['others_answer.qualities', 'others_answer.free_text'])
		.where('others_invite.user_id', '=', userId)
		.where('others_invite.instrument_id', '=', instrumentId)
		.orderBy('others_answer.id')
		.execute();

export const findAnswer = (db: Db, answerId: string, inviteId: string) =>
	db
		.selectFrom('others_answer')
		.select(['qualities', 'free_text'])
		.where('id', '=', answerId)
		.where('invite_id', '=', inviteId)
		.executeTakeFirst();

export async function countAnswersOfInvite(db: Db, inviteId: string): Promise<number> {
	const row = await db
		.selectFrom('others_answer')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('invite_id', '=', inviteId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Inserts or replaces the answer with this id (the invitee changing their mind). */
export async function upsertAnswer(
	db: Db,
	a: { id: string; inviteId: string; qualities: string[]; text: string | null; now: Date }
): Promise<void> {
	const at = a.now.toISOString();
	await db
		.insertInto('others_answer')
		.values({ id: a.id, invite_id: a.inviteId, qualities: JSON.stringify(a.qualities), free_text: a.text, created_at: at, updated_at: at })
		.onConflict((oc) => oc.column('id').doUpdateSet({ qualities: JSON.stringify(a.qualities), free_text: a.text, updated_at: at }))
		.execute();
}

/** Deletes the client's invitations of one exercise; their answers go with them (ON DELETE CASCADE). */
export async function deleteInvites(db: Db, userId: string, instrumentId: string): Promise<void> {
	await db.deleteFrom('others_invite').where('user_id', '=', userId).where('instrument_id', '=', instrumentId).execute();
}

/** Every invitation of a person, for their "download all my data" (without the answers). */
export const listAllOthersInvitesOf = (db: Db, userId: string) =>
	db.selectFrom('others_invite').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();

/** Deletes every response of `userId` to `instrumentId` (the client's own picks in the exercise). */
export async function deleteResponsesTo(db: Db, userId: string, instrumentId: string): Promise<void> {
	await db.deleteFrom('response').where('user_id', '=', userId).where('instrument_id', '=', instrumentId).execute();
}
