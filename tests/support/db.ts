// One way for tests, benchmarks and scripts to get a migrated database of either dialect.
// TEST_DATABASE_URL=postgres://… selects PostgreSQL: every test database is a fresh database on
// that server (dropped when closed); otherwise SQLite (in memory, or a temporary file when a
// second handle to the same database is wanted).
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, isPostgresUrl, migrateToLatest, type Db, type Dialect } from '../../src/lib/server/db';

/** The dialect the tests run against (TEST_DATABASE_URL=postgres://… for PostgreSQL). */
export const testDialect = (): Dialect => (isPostgresUrl(process.env.TEST_DATABASE_URL ?? '') ? 'postgres' : 'sqlite');

interface Created {
	target: string;
	handles: Db[];
	drop: () => Promise<void>;
}
const created = new Map<Db, Created>();

async function adminQuery(text: string): Promise<void> {
	const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/**
 * A new, empty database target (no migrations run): a PostgreSQL URL or an SQLite file path, with
 * a function that removes it. For servers started by tests (tests/support/server.ts).
 */
export async function createTestDatabase(opts: { file?: boolean } = {}): Promise<{ target: string; drop: () => Promise<void> }> {
	if (testDialect() === 'postgres') {
		const name = `spejl_test_${process.pid}_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
		await adminQuery(`CREATE DATABASE ${name}`);
		const url = new URL(process.env.TEST_DATABASE_URL!);
		url.pathname = `/${name}`;
		return { target: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
	}
	if (!opts.file) return { target: ':memory:', drop: async () => {} };
	const dir = mkdtempSync(join(tmpdir(), 'spejl-db-'));
	return { target: join(dir, 'test.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh, migrated database. `{ file: true }`: on SQLite a temporary file rather than memory, so
 * that `openAgain` can give a second handle (a second "app server") on it.
 */
export async function createTestDb(opts: { file?: boolean } = {}): Promise<Db> {
	const { target, drop } = await createTestDatabase(opts);
	const db = createDb(target, { poolSize: 4, idleTimeoutMs: 1000 });
	await migrateToLatest(db);
	created.set(db, { target, handles: [db], drop });
	return db;
}

/** Another handle on the same database as `db` (from createTestDb with `file: true` on SQLite). */
export function openAgain(db: Db): Db {
	const c = created.get(db);
	if (!c || c.target === ':memory:') throw new Error('openAgain needs a database from createTestDb({ file: true })');
	const again = createDb(c.target, { poolSize: 4, idleTimeoutMs: 1000 });
	c.handles.push(again);
	return again;
}

/** Closes every handle on the database and removes it. */
export async function closeTestDb(db: Db): Promise<void> {
	const c = created.get(db);
	if (!c) return db.destroy();
	created.delete(db);
	for (const h of c.handles) await h.destroy().catch(() => undefined); // a test may have closed it already
	await c.drop();
}

/** Closes whatever a test file left open (run after each file, see tests/support/unit-setup.ts). */
export async function closeAllTestDbs(): Promise<void> {
	await Promise.all([...created.keys()].map(closeTestDb));
}

const opened = new Map<string, Db>();

/**
 * A handle on the database of a server started by the tests (its dbTarget), shared within the test
 * file and closed after it (tests/support/e2e-setup.ts).
 */
export function openDb(target: string): Db {
	let db = opened.get(target);
	if (!db) opened.set(target, (db = createDb(target, { poolSize: 2, idleTimeoutMs: 1000 })));
	return db;
}

export async function closeOpenedDbs(): Promise<void> {
	for (const [target, db] of opened) {
		opened.delete(target);
		await db.destroy();
	}
}
