import type { Kysely } from 'kysely';

// The counsellor's client list shows each client's last activity (latest response.updated_at) and
// open assignments; with thousands of sharing clients these must be index look-ups, not scans.
// Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.createIndex('response_user_updated').on('response').columns(['user_id', 'updated_at']).execute();
	await db.schema
		.createIndex('assignment_counsellor_client_open')
		.on('assignment')
		.columns(['counsellor_id', 'client_id', 'cancelled_at'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('assignment_counsellor_client_open').execute();
	await db.schema.dropIndex('response_user_updated').execute();
}
