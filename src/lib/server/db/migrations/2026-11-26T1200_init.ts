import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Portable across SQLite and PostgreSQL (the same schema on both): an integer key the database
// numbers itself is AUTOINCREMENT on SQLite and an identity column on PostgreSQL.
const serialKey = (db: Kysely<unknown>) => (c: ColumnDefinitionBuilder) =>
	db.getExecutor().adapter instanceof PostgresAdapter ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

// Frozen in time: migrations never import app code.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('user')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('display_name', 'text')
		.addColumn('locale', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('session_user').on('session').column('user_id').execute();
	await db.schema
		.createTable('instrument_version')
		.addColumn('id', 'integer', serialKey(db))
		.addColumn('instrument_id', 'text', (c) => c.notNull())
		.addColumn('version', 'text', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('first_loaded_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('instrument_version_sha', ['instrument_id', 'version', 'sha256'])
		.execute();
	await db.schema
		.createTable('response')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('instrument_id', 'text', (c) => c.notNull())
		.addColumn('instrument_version_id', 'integer', (c) =>
			c.notNull().references('instrument_version.id')
		)
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('answers', 'text', (c) => c.notNull())
		.addColumn('current_page', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('result', 'text')
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('completed_at', 'text')
		.execute();
	await db.schema
		.createIndex('response_user_instrument')
		.on('response')
		.columns(['user_id', 'instrument_id', 'status'])
		.execute();
	await db.schema
		.createTable('scale_score')
		.addColumn('response_id', 'text', (c) => c.notNull().references('response.id').onDelete('cascade'))
		.addColumn('scale_id', 'text', (c) => c.notNull())
		.addColumn('score', 'double precision')
		.addColumn('answered', 'integer', (c) => c.notNull())
		.addColumn('reason', 'text')
		.addColumn('z', 'double precision')
		.addColumn('t', 'double precision')
		.addColumn('percentile', 'double precision')
		.addColumn('sten', 'integer')
		.addColumn('band', 'integer')
		.addPrimaryKeyConstraint('scale_score_pk', ['response_id', 'scale_id'])
		.execute();
	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'integer', serialKey(db))
		.addColumn('actor_id', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text')
		.addColumn('detail', 'text')
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('audit_subject').on('audit_event').columns(['subject_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const t of ['audit_event', 'scale_score', 'response', 'instrument_version', 'session', 'user'])
		await db.schema.dropTable(t).execute();
}
