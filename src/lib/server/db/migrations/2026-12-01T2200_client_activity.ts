import type { Kysely } from 'kysely';

// Client accounts are now deleted after a period without use, counted from `last_active_at`,
// which until now was kept only for anonymous clients. Accounts with an email get the time of this
// migration, so nobody's period counts from before they could know. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	const k = db as Kysely<{ user: { email: string | null; last_active_at: string | null } }>;
	await k
		.updateTable('user')
		.set({ last_active_at: new Date().toISOString() })
		.where('email', 'is not', null)
		.where('last_active_at', 'is', null)
		.execute();
}

export async function down(): Promise<void> {
	// The times written above cannot be told apart from real ones; nothing to undo.
}
