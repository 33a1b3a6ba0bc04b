import type { Kysely } from 'kysely';

// One time representation everywhere: ISO-8601 UTC text with milliseconds (`toISOString()`), which
// sorts and compares as text in the same order as in time on SQLite and PostgreSQL alike. Session
// expiry was the one time kept as epoch milliseconds; it is converted here. Frozen in time: no app
// imports.
interface Old {
	session: { id: string; expires_at: number | string; expires_iso: string };
}

export async function up(db: Kysely<unknown>): Promise<void> {
	const old = db as unknown as Kysely<Old>;
	await db.schema.alterTable('session').addColumn('expires_iso', 'text', (c) => c.notNull().defaultTo('')).execute();
	for (const s of await old.selectFrom('session').select(['id', 'expires_at']).execute())
		await old
			.updateTable('session')
			.set({ expires_iso: new Date(Number(s.expires_at)).toISOString() })
			.where('id', '=', s.id)
			.execute();
	await db.schema.alterTable('session').dropColumn('expires_at').execute();
	await db.schema.alterTable('session').renameColumn('expires_iso', 'expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	const old = db as unknown as Kysely<{ session: { id: string; expires_at: string; expires_ms: number } }>;
	await db.schema.alterTable('session').addColumn('expires_ms', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
	for (const s of await old.selectFrom('session').select(['id', 'expires_at']).execute())
		await old.updateTable('session').set({ expires_ms: Date.parse(s.expires_at) }).where('id', '=', s.id).execute();
	await db.schema.alterTable('session').dropColumn('expires_at').execute();
	await db.schema.alterTable('session').renameColumn('expires_ms', 'expires_at').execute();
}
