import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import type { DB } from './schema';
import { withStatementCache } from './statement-cache';

export type Db = Kysely<DB>;

/**
 * How hard SQLite pushes each commit to disk. NORMAL (the default): in WAL mode a committed transaction is
 * in the operating system's file cache before the request is answered, so a crash or kill -9 of the app
 * loses nothing acknowledged; a power cut or OS crash may lose the last moments. FULL (SQLITE_SYNCHRONOUS=full)
 * also waits for the disk on every commit (fsync), which costs milliseconds per completion.
 */
function synchronousMode(): 'NORMAL' | 'FULL' {
	const mode = (process.env.SQLITE_SYNCHRONOUS ?? 'normal').toUpperCase();
	if (mode !== 'NORMAL' && mode !== 'FULL') throw new Error(`SQLITE_SYNCHRONOUS must be normal or full (got "${process.env.SQLITE_SYNCHRONOUS}")`);
	return mode;
}

/** Opens (creating if needed) an SQLite database; `:memory:` for tests. */
export function createDb(filename: string): Db {
	if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
	const sqlite = new Database(filename);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma(`synchronous = ${synchronousMode()}`);
	return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

// Bundled by Vite (and by vitest), so migrations also exist inside build/.
const modules = import.meta.glob<Migration>('./migrations/*.ts', { eager: true });
const provider: MigrationProvider = {
	getMigrations: async () =>
		Object.fromEntries(
			Object.entries(modules).map(([path, m]) => [path.replace(/^.*\/|\.ts$/g, ''), m])
		)
};

/** Brings the schema up to date; throws if a migration fails. */
export async function migrateToLatest(db: Db): Promise<void> {
	const { error } = await new Migrator({ db, provider }).migrateToLatest();
	if (error) throw error;
}

/** Brings the schema to exactly the migration `name` (tests of a migration's effect on existing rows). */
export async function migrateTo(db: Db, name: string): Promise<void> {
	const { error } = await new Migrator({ db, provider }).migrateTo(name);
	if (error) throw error;
}
