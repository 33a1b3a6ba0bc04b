// The limiters count in the database (a real, migrated database: SQLite, or PostgreSQL with TEST_DATABASE_URL), so counts are shared
// by every connection to it: two handles on one file stand in for two app servers.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { createTestDb, openAgain } from '../../../tests/support/db';
import { createRateLimiter } from './rate-limit';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

const rows = (d: Db) => d.selectFrom('rate_limit').select(['scope', 'key', 'failures']).orderBy('key').execute();

describe('createRateLimiter', () => {
	it('blocks after `limit` failures until the window ends, per key and per limiter', async () => {
		const l = createRateLimiter({ scope: 'test', limit: 3, windowMs: 10 * 60_000 });
		const other = createRateLimiter({ scope: 'other', limit: 3, windowMs: 10 * 60_000 });
		const t0 = Date.parse('2026-12-01T09:00:00Z');
		for (let i = 1; i <= 3; i++) {
			expect(await l.blockedFor(db, 'a', t0)).toBe(0);
			expect(await l.fail(db, 'a', t0)).toBe(i);
		}
		expect(await l.blockedFor(db, 'a', t0)).toBe(10);
		expect(await l.blockedFor(db, 'a', t0 + 4 * 60_000 + 1)).toBe(6);
		expect(await l.blockedFor(db, 'b', t0)).toBe(0);
		expect(await other.blockedFor(db, 'a', t0)).toBe(0);
		expect(await l.blockedFor(db, 'a', t0 + 10 * 60_000)).toBe(0);
	});

	it('forgets a key on reset and starts a new window after the old one', async () => {
		const l = createRateLimiter({ scope: 'test', limit: 1, windowMs: 1000 });
		await l.fail(db, 'a', 0);
		expect(await l.blockedFor(db, 'a', 10)).toBe(1);
		await l.reset(db, 'a');
		expect(await l.blockedFor(db, 'a', 10)).toBe(0);
		expect(await l.fail(db, 'a', 0)).toBe(1);
		expect(await l.fail(db, 'a', 2000)).toBe(1); // the first window ended at 1000: a new one
		expect(await l.blockedFor(db, 'a', 2500)).toBe(1);
		expect(await l.blockedFor(db, 'a', 3000)).toBe(0);
	});

	it('counts every one of many failures sent at once', async () => {
		const l = createRateLimiter({ scope: 'test', limit: 100, windowMs: 60_000 });
		await Promise.all(Array.from({ length: 40 }, () => l.fail(db, 'a', 5)));
		expect(await rows(db)).toEqual([{ scope: 'test', key: 'a', failures: 40 }]);
	});

	it('sweeps ended windows of its own scope only', async () => {
		const l = createRateLimiter({ scope: 'test', limit: 1, windowMs: 1000 });
		const other = createRateLimiter({ scope: 'other', limit: 1, windowMs: 1000 });
		await l.fail(db, 'a', 0);
		await l.fail(db, 'b', 5000);
		await other.fail(db, 'c', 0);
		await l.sweep(db, 5001);
		expect(await rows(db)).toEqual([
			{ scope: 'test', key: 'b', failures: 1 },
			{ scope: 'other', key: 'c', failures: 1 }
		]);
	});
});

describe('shared between connections', () => {
	it('counts failures made through two database handles as one, and a reset on one frees both', async () => {
		const one = await createTestDb({ file: true });
		const two = openAgain(one);
		const l = createRateLimiter({ scope: 'test', limit: 4, windowMs: 60_000 });
		for (const d of [one, two, one]) await l.fail(d, 'k', 1000);
		expect(await l.blockedFor(two, 'k', 1000)).toBe(0);
		expect(await l.fail(two, 'k', 1000)).toBe(4);
		expect(await l.blockedFor(one, 'k', 1000)).toBe(1);
		await l.reset(two, 'k');
		expect(await l.blockedFor(one, 'k', 1000)).toBe(0);
	});
});
