import type { Kysely } from 'kysely';

// A completion is stored once: the page sends an idempotency key made when it opened, and the
// completed response keeps it. The unique index on (user_id, completion_key) lets the database refuse
// a second row for the same key, whichever server or process sends it (NULLs, completions without a
// key, are distinct on both SQLite and PostgreSQL). Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('response').addColumn('completion_key', 'text').execute();
	await db.schema.createIndex('response_completion_key').unique().on('response').columns(['user_id', 'completion_key']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('response_completion_key').execute();
	await db.schema.alterTable('response').dropColumn('completion_key').execute();
}
