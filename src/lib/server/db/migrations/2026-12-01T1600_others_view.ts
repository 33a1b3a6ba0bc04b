import type { Kysely } from 'kysely';

// "How others see me": the client's invitation links and the answers of the people they invited.
// Invitees are not users: an answer row holds only the picks, an optional text and a hash of a random
// id kept in the invitee's browser (so they can change their answer). No name, email or address.
// Deleting the client (or the invitation) deletes the answers with it. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('others_invite')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('instrument_id', 'text', (c) => c.notNull())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('shown_name', 'text', (c) => c.notNull())
		.addColumn('nickname', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('others_invite_owner').on('others_invite').columns(['user_id', 'instrument_id']).execute();
	await db.schema
		.createTable('others_answer')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('invite_id', 'text', (c) => c.notNull().references('others_invite.id').onDelete('cascade'))
		.addColumn('qualities', 'text', (c) => c.notNull())
		.addColumn('free_text', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('others_answer_invite').on('others_answer').column('invite_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('others_answer').execute();
	await db.schema.dropTable('others_invite').execute();
}
