import type { Kysely } from 'kysely';

// A client's account recovery code (they reset a forgotten password with it): only its SHA-256 is
// stored, like resume codes. Null for accounts that have none yet (made before, or staff).
// Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('user').addColumn('recovery_code_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('user').dropColumn('recovery_code_hash').execute();
}
