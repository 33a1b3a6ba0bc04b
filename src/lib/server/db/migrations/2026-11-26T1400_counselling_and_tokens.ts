import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Portable across SQLite and PostgreSQL (the same schema on both): an integer key the database
// numbers itself is AUTOINCREMENT on SQLite and an identity column on PostgreSQL.
const serialKey = (db: Kysely<unknown>) => (c: ColumnDefinitionBuilder) =>
	db.getExecutor().adapter instanceof PostgresAdapter ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

// Sharing with counsellors, notes, assignments and API tokens. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('user').addColumn('share_code', 'text').execute();
	await db.schema.createIndex('user_share_code').unique().on('user').column('share_code').execute();
	await db.schema
		.createTable('share')
		.addColumn('id', 'integer', serialKey(db))
		.addColumn('client_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('counsellor_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('granted_at', 'text', (c) => c.notNull())
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('share_counsellor').on('share').columns(['counsellor_id', 'revoked_at']).execute();
	await db.schema.createIndex('share_client').on('share').columns(['client_id', 'revoked_at']).execute();
	await sql`CREATE UNIQUE INDEX share_one_active ON share (client_id, counsellor_id) WHERE revoked_at IS NULL`.execute(db);
	await db.schema
		.createTable('note')
		.addColumn('id', 'integer', serialKey(db))
		.addColumn('client_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('counsellor_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('author_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('note_thread').on('note').columns(['client_id', 'counsellor_id', 'created_at']).execute();
	await db.schema
		.createTable('assignment')
		.addColumn('id', 'integer', serialKey(db))
		.addColumn('counsellor_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('client_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('instrument_id', 'text', (c) => c.notNull())
		.addColumn('message', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('cancelled_at', 'text')
		.execute();
	await db.schema.createIndex('assignment_client').on('assignment').columns(['client_id', 'created_at']).execute();
	await db.schema.createIndex('assignment_counsellor').on('assignment').columns(['counsellor_id', 'client_id']).execute();
	await db.schema
		.createTable('api_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const t of ['api_token', 'assignment', 'note', 'share']) await db.schema.dropTable(t).execute();
	await db.schema.dropIndex('user_share_code').execute();
	await db.schema.alterTable('user').dropColumn('share_code').execute();
}
