// Group commit's batch size limit, on a real database (SQLite in memory, or PostgreSQL with
// TEST_DATABASE_URL): however many writes arrive at once, no transaction holds more than
// MAX_WRITE_BATCH of them, and every write is stored.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from './index';
import { inWriteBatch, MAX_WRITE_BATCH } from './write-batch';
import { closeTestDb, createTestDb } from '../../../../tests/support/db';
import { insertUser } from '../repositories/users';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});
afterEach(async () => {
	await closeTestDb(db);
});

it(`puts at most ${MAX_WRITE_BATCH} writes in one transaction, the rest in the next batches`, async () => {
	const total = 2 * MAX_WRITE_BATCH + 10;
	const perRunner = new Map<Db, number>();
	await Promise.all(
		Array.from({ length: total }, (_, i) =>
			inWriteBatch(db, async (runner) => {
				perRunner.set(runner, (perRunner.get(runner) ?? 0) + 1);
				await insertUser(runner, {
					id: `u${i}`,
					email: `u${i}@example.org`,
					password_hash: null,
					role: 'client',
					display_name: null,
					locale: 'en',
					created_at: new Date(Date.UTC(2026, 0, 1)).toISOString()
				});
			})
		)
	);
	expect([...perRunner.values()]).toEqual([MAX_WRITE_BATCH, MAX_WRITE_BATCH, 10]);
	expect([...perRunner.keys()]).not.toContain(db);
	const { n } = await db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	expect(Number(n)).toBe(total);
});
