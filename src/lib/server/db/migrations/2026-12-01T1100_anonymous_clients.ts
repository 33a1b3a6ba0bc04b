import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Anonymous clients: a client may have no email and no password, only a resume code (stored as its
// SHA-256, like session tokens). `last_active_at` lets anonymous clients be deleted after a period
// without use. Frozen in time: no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await db.schema.alterTable('user').alterColumn('email', (c) => c.dropNotNull()).execute();
		await db.schema.alterTable('user').alterColumn('password_hash', (c) => c.dropNotNull()).execute();
	} else await dropNotNullSqlite(db, ['email', 'password_hash']);
	await db.schema.alterTable('user').addColumn('resume_code_hash', 'text').execute();
	await db.schema.alterTable('user').addColumn('last_active_at', 'text').execute();
	await db.schema.createIndex('user_resume_code').unique().on('user').column('resume_code_hash').execute();
}

/**
 * SQLite cannot drop NOT NULL in place: the table is rebuilt from its own stored definition with the
 * constraint removed, following https://www.sqlite.org/lang_altertable.html#otheralter (foreign keys
 * off, copy, drop, rename, recreate the indexes, check the foreign keys). Starting from the stored
 * definition keeps every column and constraint added by earlier migrations.
 */
async function dropNotNullSqlite(db: Kysely<unknown>, columns: string[]): Promise<void> {
	const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'user'`.execute(db);
	const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'user' and sql is not null`.execute(db);
	let definition = table.rows[0]?.sql;
	if (!definition) throw new Error('table "user" is missing');
	for (const c of columns) {
		const pattern = new RegExp(`("${c}"\\s+text)\\s+not null`, 'i');
		if (!pattern.test(definition)) throw new Error(`column "${c}" of "user" is not "text not null": ${definition}`);
		definition = definition.replace(pattern, '$1');
	}
	definition = definition.replace(/^create table\s+"user"/i, 'create table "user_rebuilt"');
	await sql`pragma foreign_keys = off`.execute(db);
	try {
		await sql`begin`.execute(db);
		await sql.raw(definition).execute(db);
		await sql`insert into "user_rebuilt" select * from "user"`.execute(db);
		await sql`drop table "user"`.execute(db);
		await sql`alter table "user_rebuilt" rename to "user"`.execute(db);
		for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
		const broken = await sql`pragma foreign_key_check`.execute(db);
		if (broken.rows.length > 0) throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
		await sql`commit`.execute(db);
	} catch (e) {
		await sql`rollback`.execute(db).catch(() => {});
		throw e;
	} finally {
		await sql`pragma foreign_keys = on`.execute(db);
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('user_resume_code').execute();
	await db.schema.alterTable('user').dropColumn('last_active_at').execute();
	await db.schema.alterTable('user').dropColumn('resume_code_hash').execute();
}
