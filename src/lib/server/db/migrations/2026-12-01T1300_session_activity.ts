import type { Kysely } from 'kysely';

// Sessions remember when they began and were last used (for the idle timeout and the absolute
// lifetime) and on which browser and from which address they were opened (so the person can
// recognise and end them). Existing sessions count as begun and used now. Frozen in time: no app imports.
interface Before {
	session: { created_at: string | null; last_used_at: string | null };
}

export async function up(db: Kysely<Before>): Promise<void> {
	await db.schema.alterTable('session').addColumn('created_at', 'text').execute();
	await db.schema.alterTable('session').addColumn('last_used_at', 'text').execute();
	await db.schema.alterTable('session').addColumn('user_agent', 'text').execute();
	await db.schema.alterTable('session').addColumn('address', 'text').execute();
	const now = new Date().toISOString();
	await db.updateTable('session').set({ created_at: now, last_used_at: now }).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const column of ['address', 'user_agent', 'last_used_at', 'created_at'])
		await db.schema.alterTable('session').dropColumn(column).execute();
}
