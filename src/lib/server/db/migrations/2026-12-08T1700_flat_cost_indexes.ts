import type { Kysely } from 'kysely';

// Deleting an account replaces the person's id in the audit log by a pseudonym: as the actor and as
// the detail of share events (the counsellor's id), besides the subject (audit_subject). Without
// these indexes each look-up read the whole audit log, holding SQLite's only write lock meanwhile.
// The retention job deletes audit events older than the audit period, oldest first in small
// batches: audit_at finds them without a scan. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.createIndex('audit_actor').on('audit_event').column('actor_id').execute();
	await db.schema.createIndex('audit_detail').on('audit_event').column('detail').execute();
	await db.schema.createIndex('audit_at').on('audit_event').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('audit_at').execute();
	await db.schema.dropIndex('audit_detail').execute();
	await db.schema.dropIndex('audit_actor').execute();
}
