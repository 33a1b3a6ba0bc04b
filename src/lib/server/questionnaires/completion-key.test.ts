// A completion is stored once: the same first completion (no response id yet) sent again with the
// page's idempotency key, in sequence, at the same moment, from two database handles (two app
// servers) and after an open response was saved, always leaves exactly one row, and every request
// gets that row's id. Real SQLite, or PostgreSQL with TEST_DATABASE_URL.
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { closeTestDb, createTestDb, openAgain } from '../../../../tests/support/db';
import { loadRegistry, type Registry } from './registry';
import { insertUser } from '../repositories/users';
import { completeFromPage } from './page-completion';
import { checkCompletionKey } from './completion-key';
import { readCompletionRequest } from './completion-request';
import { startOrResume } from './responses';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');

let db: Db;
let registry: Registry;
let alice: string;

describe('the same first completion sent twice with one key', () => {
	// One database for the file (each test a new person), so the PostgreSQL run makes one database, not one per test.
	beforeAll(async () => {
		db = await createTestDb({ file: true });
		registry = await loadRegistry(db, QUESTIONNAIRES);
	});
	afterAll(async () => {
		await closeTestDb(db);
	});
	beforeEach(async () => {
		alice = crypto.randomUUID();
		await insertUser(db, {
			id: alice,
			email: `alice-${alice}@example.org`,
			password_hash: 'not-used-here',
			role: 'client',
			display_name: null,
			locale: null,
			created_at: new Date().toISOString()
		});
	});

	const riasec = () => registry.instruments.get('riasec-48')!;
	/** A complete RIASEC answer set, every item (8 of each type) answered `value`, keys in the stored (sorted) order. */
	const answers = (value = 3) => JSON.stringify(Object.fromEntries(['A', 'C', 'E', 'I', 'R', 'S'].flatMap((t) => [1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`${t}${i}`, value]))));
	const rowsOf = (userId: string) => db.selectFrom('response').select(['id', 'status', 'completion_key', 'answers']).where('user_id', '=', userId).execute();
	const send = (on: Db, key: string | null, responseId: string | null = null, value = 3) =>
		completeFromPage(on, alice, riasec(), { responseId, answers: answers(value), completionKey: key });
	const idOf = (r: Awaited<ReturnType<typeof send>>) => {
		if (!r.ok) throw new Error(`refused: ${r.error.code}`);
		return r.value;
	};

	it('in sequence: one row, the second request gets its id as a repeat', async () => {
		const key = crypto.randomUUID();
		const first = idOf(await send(db, key));
		const second = idOf(await send(db, key));
		expect(first.repeated).toBe(false);
		expect(second).toEqual({ responseId: first.responseId, repeated: true });
		expect(await rowsOf(alice)).toEqual([{ id: first.responseId, status: 'completed', completion_key: key, answers: answers() }]);
	});

	it('at the same moment on one handle (one group commit): one row, every request gets its id', async () => {
		const key = crypto.randomUUID();
		const outcomes = (await Promise.all([1, 2, 3, 4].map(() => send(db, key)))).map(idOf);
		const rows = await rowsOf(alice);
		expect(rows).toHaveLength(1);
		expect(outcomes.map((o) => o.responseId)).toEqual([rows[0].id, rows[0].id, rows[0].id, rows[0].id]);
		expect(outcomes.filter((o) => !o.repeated)).toHaveLength(1);
	});

	it('at the same moment from two handles (two app servers): one row', async () => {
		const other = openAgain(db);
		const key = crypto.randomUUID();
		const outcomes = (await Promise.all([db, other, db, other].map((on) => send(on, key)))).map(idOf);
		const rows = await rowsOf(alice);
		expect(rows).toHaveLength(1);
		expect(new Set(outcomes.map((o) => o.responseId))).toEqual(new Set([rows[0].id]));
	});

	it('with a saved open response, at the same moment: that response is completed once, with the key', async () => {
		const { response } = await startOrResume(db, alice, riasec());
		const key = crypto.randomUUID();
		const outcomes = (await Promise.all([send(db, key), send(openAgain(db), key), send(db, key, response.id)])).map(idOf);
		expect(outcomes.map((o) => o.responseId)).toEqual([response.id, response.id, response.id]);
		expect(await rowsOf(alice)).toEqual([{ id: response.id, status: 'completed', completion_key: key, answers: answers() }]);
	});

	it('different keys are different completions; a key with other answers or for another questionnaire is refused and stores nothing', async () => {
		const key = crypto.randomUUID();
		const first = idOf(await send(db, key));
		const other = await send(db, key, null, 4);
		expect(other.ok ? 'stored' : other.error.code).toBe('response.error.completedOn');
		const elsewhere = await completeFromPage(db, alice, registry.instruments.get('work-values')!, { responseId: null, answers: '{}', completionKey: key });
		expect(elsewhere.ok ? 'stored' : elsewhere.error).toEqual({ code: 'response.error.keyUsed', field: 'completionKey' });
		const again = idOf(await send(db, crypto.randomUUID()));
		expect(again.responseId).not.toBe(first.responseId);
		expect((await rowsOf(alice)).map((r) => r.id).sort()).toEqual([first.responseId, again.responseId].sort());
	});

	it('without a key, stores as before (each request a completion)', async () => {
		idOf(await send(db, null));
		idOf(await send(db, null));
		expect(await rowsOf(alice)).toHaveLength(2);
	});
});

describe('the key is checked', () => {
	it.each([
		['a UUID', '0b7e6f0c-3c4a-4d5e-9f10-1a2b3c4d5e6f', true],
		['16 characters', 'abcdefghijklmnop', true],
		['64 characters', 'a'.repeat(64), true],
		['15 characters', 'abcdefghijklmno', false],
		['65 characters', 'a'.repeat(65), false],
		['a space', '0b7e6f0c 3c4a-4d5e-9f10-1a2b3c4d5e6f', false],
		['a letter outside A–Z', 'æbcdefghijklmnopq', false]
	])('%s', (_, key, valid) => {
		const form = checkCompletionKey(key);
		expect(form.ok ? form.value : form.error).toEqual(valid ? key : { code: 'response.error.completionKey', field: 'completionKey' });
		const json = readCompletionRequest('application/json', JSON.stringify({ answers: {}, completionKey: key }));
		expect(json.ok ? json.value.completionKey : json).toEqual(
			valid ? key : { ok: false, status: 400, reason: '"completionKey" must be 16 to 64 characters, each a letter A–Z or a–z, a digit, "-" or "_"' }
		);
	});

	it('refuses a key that is not a string, and takes none when none is sent', () => {
		expect(readCompletionRequest('application/json', '{"answers":{},"completionKey":12345678901234567890}').ok).toBe(false);
		expect(checkCompletionKey(null)).toEqual({ ok: true, value: null });
		const none = readCompletionRequest('application/json', '{"answers":{}}');
		expect(none.ok && none.value.completionKey).toBe(null);
	});
});
