import { sql, type Kysely } from 'kysely';

// At most one unfinished response per client and instrument, so two first saves racing each other
// (two tabs, a retry) cannot start two attempts.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`CREATE UNIQUE INDEX response_one_open ON response (user_id, instrument_id) WHERE status = 'in_progress'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP INDEX response_one_open`.execute(db);
}
