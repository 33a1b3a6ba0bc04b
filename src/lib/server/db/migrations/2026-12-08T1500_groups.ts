import type { Kysely } from 'kysely';

// Groups: a counsellor's class, workshop or outreach campaign, joined through a short code. A
// membership row holds only who joined when: the counsellor sees totals of the members' results
// (groups/groups.ts), never a member's own. Deleting the group deletes its memberships. Frozen in
// time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('counsellor_group')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('counsellor_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		// JSON array of instrument ids, in the order the counsellor chose.
		.addColumn('instruments', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'text')
		.execute();
	await db.schema.createIndex('counsellor_group_owner').on('counsellor_group').column('counsellor_id').execute();
	await db.schema
		.createTable('group_member')
		.addColumn('group_id', 'text', (c) => c.notNull().references('counsellor_group.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('joined_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('group_member_pk', ['group_id', 'user_id'])
		.execute();
	await db.schema.createIndex('group_member_user').on('group_member').column('user_id').execute();
	// The few fields of a completed result that group totals count (a JSON array), taken out of the
	// result once, so a group page of thousands of members does not read every whole result again.
	// Deleted with its response (and so with the person).
	await db.schema
		.createTable('result_summary')
		.addColumn('response_id', 'text', (c) => c.notNull().references('response.id').onDelete('cascade'))
		.addColumn('fields_key', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull())
		.addColumn('instrument_id', 'text', (c) => c.notNull())
		.addColumn('completed_at', 'text', (c) => c.notNull())
		.addColumn('fields', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('result_summary_pk', ['response_id', 'fields_key'])
		.execute();
	await db.schema.createIndex('result_summary_user').on('result_summary').columns(['user_id', 'instrument_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('result_summary').execute();
	await db.schema.dropTable('group_member').execute();
	await db.schema.dropTable('counsellor_group').execute();
}
