import type { Kysely } from 'kysely';

// The decision step: one row per client with their balance sheets, want-vs-likely grid and action
// plan (JSON text, written by src/lib/core/decision), a counsellor's comment on it, and the
// counsellor's written interpretation for the report (one per client and counsellor). Deleting the
// client deletes both. Frozen in time: no app imports. Portable types only; times set by the code.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('decision')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('data', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('comment_by', 'text', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('comment_at', 'text')
		.execute();
	await db.schema
		.createTable('interpretation')
		.addColumn('client_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('counsellor_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('interpretation_pk', ['client_id', 'counsellor_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('interpretation').execute();
	await db.schema.dropTable('decision').execute();
}
