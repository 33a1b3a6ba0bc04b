import type { Db } from '../db';

/** A client's decision step with the counsellor's comment on it (who by name or email), or undefined. */
export const getDecision = (db: Db, userId: string) =>
	db
		.selectFrom('decision')
		.leftJoin('user as commenter', 'commenter.id', 'decision.comment_by')
		.select([
			'decision.data',
			'decision.updated_at',
			'decision.comment',
			'decision.comment_at',
			'commenter.display_name as commenter_name',
			'commenter.email as commenter_email'
		])
		.where('decision.user_id', '=', userId)
		.executeTakeFirst();

/** Writes the client's decision data; the counsellor's comment stays. */
export async function upsertDecision(db: Db, userId: string, data: string, now: Date): Promise<void> {
	await db
		.insertInto('decision')
		.values({ user_id: userId, data, updated_at: now.toISOString() })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ data, updated_at: now.toISOString() }))
		.execute();
}

/** Sets (or clears, with null) a counsellor's comment on the decision; false when there is none yet. */
export async function setDecisionComment(db: Db, userId: string, comment: string | null, by: string, now: Date): Promise<boolean> {
	const r = await db
		.updateTable('decision')
		.set({ comment, comment_by: comment === null ? null : by, comment_at: comment === null ? null : now.toISOString() })
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

export const getInterpretation = (db: Db, clientId: string, counsellorId: string) =>
	db
		.selectFrom('interpretation')
		.select(['body', 'updated_at'])
		.where('client_id', '=', clientId)
		.where('counsellor_id', '=', counsellorId)
		.executeTakeFirst();

/** Every interpretation written about a client, with who wrote it ("download all my data"). */
export const listInterpretationsAbout = (db: Db, clientId: string) =>
	db
		.selectFrom('interpretation')
		.innerJoin('user', 'user.id', 'interpretation.counsellor_id')
		.select(['interpretation.body', 'interpretation.updated_at', 'user.email as counsellor'])
		.where('interpretation.client_id', '=', clientId)
		.orderBy('interpretation.updated_at')
		.execute();

/** Writes a counsellor's interpretation; an empty one deletes it. */
export async function putInterpretation(db: Db, clientId: string, counsellorId: string, body: string, now: Date): Promise<void> {
	if (!body) {
		await db.deleteFrom('interpretation').where('client_id', '=', clientId).where('counsellor_id', '=', counsellorId).execute();
		return;
	}
	await db
		.insertInto('interpretation')
		.values({ client_id: clientId, counsellor_id: counsellorId, body, updated_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['client_id', 'counsellor_id']).doUpdateSet({ body, updated_at: now.toISOString() }))
		.execute();
}
