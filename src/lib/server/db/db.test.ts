// The database layer on whichever dialect the tests run against (TEST_DATABASE_URL=postgres://…
// for PostgreSQL): the handle really is that dialect, scores keep full double precision, unique
// violations are recognised by driver code, and an old SQLite file is migrated forward.
import { describe, expect, it } from 'vitest';
import { Migrator, sql, type Migration } from 'kysely';
import { createDb, dialectOf, migrateToLatest } from '.';
import { isUniqueViolation } from './errors';
import { createTestDatabase, createTestDb, testDialect } from '../../../../tests/support/db';

const user = (id: string, email: string) => ({
	id,
	email,
	password_hash: 'x',
	role: 'client' as const,
	display_name: null,
	locale: null,
	created_at: '2026-12-01T09:00:00.000Z',
	share_code: null
});

describe('database', () => {
	it('is the dialect the tests asked for', async () => {
		const db = await createTestDb();
		expect(dialectOf(db)).toBe(testDialect());
		const trx = await db.transaction().execute(async (t) => dialectOf(t));
		expect(trx).toBe(testDialect());
	});

	it('keeps every bit of the scale scores in the stored result (z, percentile)', async () => {
		const db = await createTestDb();
		const iv = await db
			.insertInto('instrument_version')
			.values({ instrument_id: 'x', version: '1', sha256: 'h', definition: '{}', first_loaded_at: '2026-12-01T09:00:00.000Z' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('user').values(user('u1', 'u1@example.org')).execute();
		await db
			.insertInto('response')
			.values({
				id: 'r1',
				user_id: 'u1',
				instrument_id: 'x',
				instrument_version_id: iv.id,
				status: 'completed',
				answers: '{}',
				current_page: 0,
				result: null,
				started_at: 'a',
				updated_at: 'a',
				completed_at: 'a'
			})
			.execute();
		// Values a 4-byte float (PostgreSQL's `real`) would round: 1/3, 0.1 + 0.2, a tiny and a huge number.
		const values = [1 / 3, 0.1 + 0.2, -1.2345678901234567, 5e-324, 1.7976931348623157e308];
		const scales = values.map((v, i) => ({ id: `s${i}`, score: v, answered: 1, z: v, t: v, percentile: v }));
		await db.updateTable('response').set({ result: JSON.stringify({ scales }) }).where('id', '=', 'r1').execute();
		const stored = await db.selectFrom('response').select('result').where('id', '=', 'r1').executeTakeFirstOrThrow();
		const back = (JSON.parse(stored.result!) as { scales: typeof scales }).scales;
		expect(back.map((s) => [s.score, s.z, s.percentile])).toEqual(values.map((v) => [v, v, v]));
	});

	it('numbers audit events itself, counting up', async () => {
		const db = await createTestDb();
		for (const action of ['a', 'b', 'c'])
			await db.insertInto('audit_event').values({ actor_id: null, action, subject_id: null, detail: null, at: '2026-12-01T09:00:00.000Z' }).execute();
		const rows = await db.selectFrom('audit_event').select(['id', 'action']).orderBy('id').execute();
		expect(rows.map((r) => r.action)).toEqual(['a', 'b', 'c']);
		expect(rows[1].id - rows[0].id).toBe(1);
		expect(typeof rows[0].id).toBe('number');
	});

	it('recognises a unique violation by the driver code, and nothing else as one', async () => {
		const db = await createTestDb();
		await db.insertInto('user').values(user('u1', 'same@example.org')).execute();
		const err = await db.insertInto('user').values(user('u2', 'same@example.org')).execute().catch((e) => e);
		expect(isUniqueViolation(err)).toBe(true);
		const notNull = await db
			.insertInto('user')
			.values({ ...user('u3', 'x@example.org'), role: null as unknown as 'client' })
			.execute()
			.catch((e) => e);
		expect(notNull).toBeInstanceOf(Error);
		expect(isUniqueViolation(notNull)).toBe(false);
		expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false);
	});

	it.skipIf(testDialect() !== 'sqlite')('pushes SQLite commits to disk as configured: NORMAL by default, FULL when asked', async () => {
		const { target, drop } = await createTestDatabase({ file: true });
		const pragma = async (db: ReturnType<typeof createDb>) => (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db)).rows[0].synchronous;
		const normal = createDb(target);
		const full = createDb(target, { synchronous: 'full' });
		try {
			// SQLite numbers the modes: 1 is NORMAL, 2 is FULL.
			expect(await pragma(normal)).toBe(1);
			expect(await pragma(full)).toBe(2);
		} finally {
			await normal.destroy();
			await full.destroy();
			await drop();
		}
	});

	it('counts come back as numbers', async () => {
		const db = await createTestDb();
		const { n } = await db.selectFrom('user').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
		expect(n).toBe(0);
	});
});

describe('migrations', () => {
	it('convert session expiry stored as epoch milliseconds to ISO text', async () => {
		const { target, drop } = await createTestDatabase({ file: true });
		const db = createDb(target);
		try {
			const modules = import.meta.glob<Migration>('./migrations/*.ts', { eager: true });
			const migrations = Object.fromEntries(Object.entries(modules).map(([p, m]) => [p.replace(/^.*\/|\.ts$/g, ''), m]));
			const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
			const before = await migrator.migrateTo('2026-12-01T1200_shared_state');
			expect(before.error).toBeUndefined();
			await db.insertInto('user').values(user('u1', 'u1@example.org')).execute();
			const old = db as unknown as import('kysely').Kysely<{ session: { id: string; user_id: string; expires_at: number } }>;
			await old.insertInto('session').values({ id: 's1', user_id: 'u1', expires_at: Date.UTC(2026, 11, 31, 23, 59, 59, 123) }).execute();
			expect((await migrator.migrateTo('2026-12-01T1201_session_expiry_iso')).error).toBeUndefined();
			expect(await db.selectFrom('session').select(['id', 'user_id', 'expires_at']).execute()).toEqual([
				{ id: 's1', user_id: 'u1', expires_at: '2026-12-31T23:59:59.123Z' }
			]);
			await migrateToLatest(db);
			expect(await db.selectFrom('session').select('expires_at').executeTakeFirstOrThrow()).toEqual({ expires_at: '2026-12-31T23:59:59.123Z' });
		} finally {
			await db.destroy();
			await drop();
		}
	});
});

