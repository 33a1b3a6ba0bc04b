import type { Kysely } from 'kysely';

// Failed sign-ins to one account make the next try wait (a delay that grows with each failure):
// the time the wait ends, as ISO-8601 UTC text like every other time; null for the windows of the
// other limiters. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('rate_limit').addColumn('blocked_until', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('rate_limit').dropColumn('blocked_until').execute();
}
