import type { Kysely } from 'kysely';

// A client's shortlist of opportunities (with a counsellor's comment per item) and the preparation
// level they chose on the matches page. Frozen in time: no app imports. Portable types only; the
// timestamps are set by the code.
export async function up(db: Kysely<unknown>): Promise<void> {
	// null = not asked yet; 'all' = every level; otherwise the level number as text.
	await db.schema.alterTable('user').addColumn('preparation_level', 'text').execute();
	await db.schema
		.createTable('shortlist_item')
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('set_id', 'text', (c) => c.notNull())
		.addColumn('opportunity_id', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('added_at', 'text', (c) => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('comment_by', 'text', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('comment_at', 'text')
		.addPrimaryKeyConstraint('shortlist_item_pk', ['user_id', 'set_id', 'opportunity_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('shortlist_item').execute();
	await db.schema.alterTable('user').dropColumn('preparation_level').execute();
}
