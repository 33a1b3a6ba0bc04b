import type { Db } from '../db';

/** A client's shortlist, oldest first (the order they starred in). */
export const listShortlist = (db: Db, userId: string) =>
	db
		.selectFrom('shortlist_item')
		.leftJoin('user as commenter', 'commenter.id', 'shortlist_item.comment_by')
		.select([
			'shortlist_item.set_id',
			'shortlist_item.opportunity_id',
			'shortlist_item.title',
			'shortlist_item.added_at',
			'shortlist_item.comment',
			'shortlist_item.comment_at',
			'commenter.display_name as commenter_name',
			'commenter.email as commenter_email'
		])
		.where('shortlist_item.user_id', '=', userId)
		.orderBy('shortlist_item.added_at')
		.orderBy('shortlist_item.opportunity_id')
		.execute();

export async function countShortlist(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('shortlist_item')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Stars an opportunity; starring it again changes nothing. */
export async function addShortlistItem(
	db: Db,
	item: { userId: string; setId: string; opportunityId: string; title: string; now: Date }
): Promise<void> {
	await db
		.insertInto('shortlist_item')
		.values({
			user_id: item.userId,
			set_id: item.setId,
			opportunity_id: item.opportunityId,
			title: item.title,
			added_at: item.now.toISOString()
		})
		.onConflict((oc) => oc.columns(['user_id', 'set_id', 'opportunity_id']).doNothing())
		.execute();
}

export async function removeShortlistItem(db: Db, userId: string, setId: string, opportunityId: string): Promise<void> {
	await db
		.deleteFrom('shortlist_item')
		.where('user_id', '=', userId)
		.where('set_id', '=', setId)
		.where('opportunity_id', '=', opportunityId)
		.execute();
}

/** Sets (or clears, with null) the counsellor's comment on one item; false when the item does not exist. */
export async function setShortlistComment(
	db: Db,
	c: { userId: string; setId: string; opportunityId: string; comment: string | null; by: string; now: Date }
): Promise<boolean> {
	const result = await db
		.updateTable('shortlist_item')
		.set({ comment: c.comment, comment_by: c.comment === null ? null : c.by, comment_at: c.comment === null ? null : c.now.toISOString() })
		.where('user_id', '=', c.userId)
		.where('set_id', '=', c.setId)
		.where('opportunity_id', '=', c.opportunityId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function getPreparationLevel(db: Db, userId: string): Promise<string | null> {
	const row = await db.selectFrom('user').select('preparation_level').where('id', '=', userId).executeTakeFirst();
	return row?.preparation_level ?? null;
}

export async function setPreparationLevel(db: Db, userId: string, level: string): Promise<void> {
	await db.updateTable('user').set({ preparation_level: level }).where('id', '=', userId).execute();
}
