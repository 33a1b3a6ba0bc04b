import Database from 'better-sqlite3';
import pg from 'pg';
import { ownerOnlyFile } from './file-mode';
import {
	Kysely,
	Migrator,
	PostgresAdapter,
	PostgresDialect,
	type Migration,
	type MigrationProvider
} from 'kysely';
import type { DB } from './schema';
import { withStatementCache } from './statement-cache';
import { DEFAULTS } from '../config';
import { LockingSqliteDialect } from './sqlite-migration-lock';

export type Db = Kysely<DB>;
export type Dialect = 'sqlite' | 'postgres';

// PostgreSQL returns int8 (count(*), bigint columns) as strings, since they may exceed 2^53; every
// such value here is a count or an id far below that, so it is read as a number, as SQLite does.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** True for a `postgres://` or `postgresql://` connection URL. */
export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

export interface DbOptions {
	/** PostgreSQL: connections in the pool (default: DEFAULTS.poolSize in config.ts). */
	poolSize?: number;
	/** PostgreSQL: close idle connections after this many ms (default: DEFAULTS.poolIdleMs). */
	idleTimeoutMs?: number;
	/**
	 * SQLite: how hard each commit is pushed to disk (the config's SQLITE_SYNCHRONOUS). `normal` (the
	 * default): in WAL mode a committed transaction is in the operating system's file cache before the
	 * request is answered, so a crash or kill -9 of the app loses nothing acknowledged; a power cut or OS
	 * crash may lose the last moments. `full` also waits for the disk on every commit (fsync), which
	 * costs milliseconds per completion.
	 */
	synchronous?: 'normal' | 'full';
}

/**
 * Opens the database: PostgreSQL for a `postgres://` URL (Kysely's PostgresDialect on a `pg` pool),
 * otherwise an SQLite file (created if needed; WAL mode), or `:memory:`.
 */
export function createDb(target: string, options: DbOptions = {}): Db {
	if (isPostgresUrl(target)) {
		const pool = new pg.Pool({
			connectionString: target,
			max: options.poolSize ?? DEFAULTS.poolSize,
			idleTimeoutMillis: options.idleTimeoutMs ?? DEFAULTS.poolIdleMs
		});
		// An idle connection that the server closed must not crash the process; the pool replaces it.
		pool.on('error', (e) => console.error(`[db] idle connection error: ${e.message}`));
		return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
	}
	if (target !== ':memory:') ownerOnlyFile(target);
	const sqlite = new Database(target);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma(`synchronous = ${(options.synchronous ?? DEFAULTS.sqliteSynchronous) === 'full' ? 'FULL' : 'NORMAL'}`);
	// Deleted content is overwritten with zeros, so an erased person's text is not left in free
	// space of the file (see erasure.ts).
	sqlite.pragma('secure_delete = ON');
	// Its migration lock holds across processes on one file (sqlite-migration-lock.ts).
	return new Kysely<DB>({ dialect: new LockingSqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Which database a handle (or a transaction) talks to. */
export const dialectOf = (db: { getExecutor(): { adapter: unknown } }): Dialect =>
	db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

// Bundled by Vite (and by vitest), so migrations also exist inside build/. Scripts run by tsx
// (no Vite) import the same files from the folder instead.
async function loadMigrations(): Promise<Record<string, Migration>> {
	let modules: Record<string, Migration>;
	if (import.meta.env) modules = import.meta.glob<Migration>('./migrations/*.ts', { eager: true });
	else {
		const { readdirSync } = await import('node:fs');
		const { fileURLToPath, pathToFileURL } = await import('node:url');
		const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
		modules = {};
		for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')))
			modules[f] = (await import(pathToFileURL(`${dir}${f}`).href)) as Migration;
	}
	return Object.fromEntries(Object.entries(modules).map(([path, m]) => [path.replace(/^.*\/|\.ts$/g, ''), m]));
}
const provider: MigrationProvider = { getMigrations: loadMigrations };

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
