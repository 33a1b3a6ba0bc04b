import type { Kysely } from 'kysely';

// State that every app server must agree on lives in the database, not in process memory: failed
// attempts counted by the rate limiters, and named locks (the first-run setup). Times are ISO-8601
// UTC text, like every other time in the schema. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('rate_limit')
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('resets_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limit_pk', ['scope', 'key'])
		.execute();
	await db.schema.createIndex('rate_limit_resets').on('rate_limit').columns(['scope', 'resets_at']).execute();
	await db.schema
		.createTable('app_lock')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('taken_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('app_lock').execute();
	await db.schema.dropTable('rate_limit').execute();
}
