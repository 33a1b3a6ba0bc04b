// Group commit on a real database (SQLite file, or PostgreSQL with TEST_DATABASE_URL): which writes
// share a transaction, that a caller hears of success only once its write is committed (seen from
// a second handle, as another app server would see it), and that one refused write fails alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './index';
import { inWriteBatch } from './write-batch';
import { closeTestDb, createTestDb, openAgain } from '../../../../tests/support/db';
import { insertUser } from '../repositories/users';

let db: Db;
let other: Db;
const NOW = new Date(Date.UTC(2026, 0, 15, 12)).toISOString();

const user = (id: string) =>
	({ id, email: `${id}@example.org`, password_hash: 'unused', role: 'client', display_name: id, locale: 'en', created_at: NOW }) as const;

/** The ids of the users another handle on the same database sees (committed rows only). */
const committedIds = async () => (await other.selectFrom('user').select('id').orderBy('id').execute()).map((r) => r.id);

beforeEach(async () => {
	db = await createTestDb({ file: true });
	other = openAgain(db);
});

afterEach(async () => {
	await closeTestDb(db);
});

describe('inWriteBatch', () => {
	it('runs the writes of one turn of the event loop in one transaction, each settled after its commit', async () => {
		const runners: Db[] = [];
		const seenAtSettle: string[][] = [];
		const ids = ['a1', 'a2', 'a3', 'a4'];
		await Promise.all(
			ids.map((id) =>
				inWriteBatch(db, async (runner) => {
					runners.push(runner);
					await insertUser(runner, user(id));
					return id;
				}).then(async (value) => {
					expect(value).toBe(id);
					seenAtSettle.push(await committedIds());
				})
			)
		);
		expect(runners).toHaveLength(4);
		expect(runners.every((r) => r.isTransaction)).toBe(true);
		expect(new Set(runners).size).toBe(1);
		// Every caller, when told, could already see all four rows from another handle: committed.
		for (const seen of seenAtSettle) expect(seen).toEqual(ids);
	});

	it('runs a write alone on the handle itself, without a transaction', async () => {
		let runner: Db | undefined;
		await inWriteBatch(db, async (r) => {
			runner = r;
			await insertUser(r, user('solo'));
		});
		expect(runner).toBe(db);
		expect(await committedIds()).toEqual(['solo']);
	});

	it('writes what arrives while a batch is being written in the next batch, after the first committed', async () => {
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		const events: string[] = [];
		let firstRunner: Db | undefined;
		const laterRunners: Db[] = [];
		const first = inWriteBatch(db, async (runner) => {
			firstRunner = runner;
			events.push('first started');
			await held;
			await insertUser(runner, user('b0'));
		});
		// Wait until the first write is running, then give two more and let the first finish.
		while (!firstRunner) await new Promise((r) => setImmediate(r));
		const later = ['b1', 'b2'].map((id) =>
			inWriteBatch(db, async (runner) => {
				laterRunners.push(runner);
				events.push(`${id} started, committed so far: ${(await committedIds()).join(',')}`);
				await insertUser(runner, user(id));
			})
		);
		release();
		await Promise.all([first, ...later]);
		expect(events).toEqual(['first started', 'b1 started, committed so far: b0', 'b2 started, committed so far: b0']);
		expect(laterRunners).toHaveLength(2);
		expect(laterRunners[0]).toBe(laterRunners[1]);
		expect(laterRunners[0]).not.toBe(firstRunner);
		expect(laterRunners[0].isTransaction).toBe(true);
		expect(await committedIds()).toEqual(['b0', 'b1', 'b2']);
	});

	it('fails only the refused write of a batch: the others are stored and settle with their own values', async () => {
		await insertUser(db, user('taken'));
		const outcomes = await Promise.allSettled(
			['c1', 'taken', 'c2'].map((id) =>
				inWriteBatch(db, async (runner) => {
					await insertUser(runner, user(id));
					return id;
				})
			)
		);
		expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'c1' });
		expect(outcomes[1].status).toBe('rejected');
		expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/unique|UNIQUE|duplicate/);
		expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 'c2' });
		expect(await committedIds()).toEqual(['c1', 'c2', 'taken']);
	});
});
