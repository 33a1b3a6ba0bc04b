import type { Kysely } from 'kysely';

// Two-factor sign-in with an authenticator app (account/two-factor.ts). `two_factor` holds the
// person's TOTP key (hex) while they set it up (enabled_at null) and once it is on, with the last
// time step a code was accepted for, so the same code is never taken twice. `two_factor_recovery`
// holds the SHA-256 of each one-time recovery code; a used one is deleted. `sign_in_pending` is the
// state between a correct password and the second step: the SHA-256 of a short-lived token, never a
// session. Times are ISO text set by the code. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('two_factor')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('secret', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('enabled_at', 'text')
		.addColumn('last_step', 'bigint')
		.execute();
	await db.schema
		.createTable('two_factor_recovery')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('two_factor_recovery_user').on('two_factor_recovery').column('user_id').execute();
	await db.schema
		.createTable('sign_in_pending')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sign_in_pending_user').on('sign_in_pending').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('sign_in_pending').execute();
	await db.schema.dropTable('two_factor_recovery').execute();
	await db.schema.dropTable('two_factor').execute();
}
