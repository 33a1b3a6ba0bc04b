import type { Kysely } from 'kysely';

// Scale scores have one home: the result JSON stored on the completed response (response.result, full
// double precision as text), which the profile, exports, reports and backups read. The scale_score table
// held a second copy that nothing read, so it goes. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('scale_score').ifExists().execute();
}

// Brings the table back as it was, empty: its rows were a copy of what response.result still holds.
export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('scale_score')
		.addColumn('response_id', 'text', (c) => c.notNull().references('response.id').onDelete('cascade'))
		.addColumn('scale_id', 'text', (c) => c.notNull())
		.addColumn('score', 'double precision')
		.addColumn('answered', 'integer', (c) => c.notNull())
		.addColumn('reason', 'text')
		.addColumn('z', 'double precision')
		.addColumn('t', 'double precision')
		.addColumn('percentile', 'double precision')
		.addColumn('sten', 'integer')
		.addColumn('band', 'integer')
		.addPrimaryKeyConstraint('scale_score_pk', ['response_id', 'scale_id'])
		.execute();
}
