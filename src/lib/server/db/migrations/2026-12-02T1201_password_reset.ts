import type { Kysely } from 'kysely';

// One-time password reset links an administrator issues (account/password-reset.ts): the id is the
// SHA-256 of the link's token, which is never stored. A link expires, and works once (used_at).
// Staff accounts an administrator creates must choose their own password at first sign-in
// (must_set_password 1 until they have). Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('password_reset')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema.createIndex('password_reset_user').on('password_reset').column('user_id').execute();
	await db.schema.alterTable('user').addColumn('must_set_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('user').dropColumn('must_set_password').execute();
	await db.schema.dropTable('password_reset').execute();
}
