import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import type { DB } from './schema';

export type Db = Kysely<DB>;

/** Opens (creating if needed) an SQLite database; `:memory:` for tests. */
export function createDb(filename: string): Db {
	if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
	const sqlite = new Database(filename);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
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
