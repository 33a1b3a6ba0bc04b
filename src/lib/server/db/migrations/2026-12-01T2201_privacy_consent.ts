import type { Kysely } from 'kysely';

// Which version of the privacy notice a person agreed to, and when (ISO time), so that a changed
// notice can be put to them again and counsellors see only clients who agreed. Accounts from before
// stay null and are asked at their next visit. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('user').addColumn('privacy_version', 'text').execute();
	await db.schema.alterTable('user').addColumn('privacy_agreed_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('user').dropColumn('privacy_agreed_at').execute();
	await db.schema.alterTable('user').dropColumn('privacy_version').execute();
}
