// One pass per completion: a completion validates its answers once and scores them once, on the
// version that counts, whichever way it arrives (the SurveyJS page's JSON request, the form post, the
// plain HTML form) and whether or not an open response exists. Counted twice over: by the counters
// `complete` keeps (completionWork) and by a spy on the real `validateForm` (the real code runs; the
// spy only counts calls). Real SQLite, the shipped questionnaires.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as formModel from '$lib/form-model';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { loadRegistry, type Registry } from './registry';
import { createAccount } from '../account/accounts';
import { completionWork, saveProgress, startOrResume } from './responses';
import { completeFromPage } from './page-completion';
import { readCompletionRequest } from './completion-request';
import { submitPlainPage } from './plain-submit';
import { translator } from '../../i18n';

let db: Db;
let registry: Registry;
let client: string;

beforeEach(async () => {
	db = await createTestDb();
	registry = await loadRegistry(db, resolve(__dirname, '../../../../questionnaires'));
	const created = await createAccount(db, { email: 'once@example.org', password: 'correct horse battery', role: 'client', locale: 'en' });
	if (!created.ok) throw new Error('account not created');
	client = created.value.id;
});
afterEach(async () => {
	vi.restoreAllMocks();
	await db.destroy();
});

const riasec = () => registry.instruments.get('riasec-48')!;
/** All 48 RIASEC items answered (3 each): a complete, scorable set. */
const allAnswers = () => Object.fromEntries(['R', 'I', 'A', 'S', 'E', 'C'].flatMap((t) => [1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`${t}${i}`, 3])));

/** Runs `work` and gives what it did: completion validations and scorings, and every call of validateForm. */
async function counted<T>(work: () => Promise<T>) {
	const spy = vi.spyOn(formModel, 'validateForm');
	const before = { ...completionWork };
	const value = await work();
	const did = { validations: completionWork.validations - before.validations, scorings: completionWork.scorings - before.scorings, validateFormCalls: spy.mock.calls.length };
	spy.mockRestore();
	return { value, ...did };
}

const statusOf = async (id: string) => (await db.selectFrom('response').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('a completion validates and scores once', () => {
	it('the JSON request without an open response: one validation, one scoring, one completed row', async () => {
		const read = readCompletionRequest('application/json', JSON.stringify({ answers: allAnswers() }));
		if (!read.ok) throw new Error(read.reason);
		const r = await counted(() => completeFromPage(db, client, riasec(), read.value));
		expect(r).toMatchObject({ validations: 1, scorings: 1, validateFormCalls: 1 });
		if (!r.value.ok) throw new Error(r.value.error.code);
		expect(await statusOf(r.value.value.responseId)).toBe('completed');
	});

	it('the JSON request with an open response it does not name: that response is completed, validated and scored once', async () => {
		const { response } = await startOrResume(db, client, riasec());
		expect((await saveProgress(db, client, { instrumentId: 'riasec-48', responseId: response.id, answers: '{"R1":3}', page: 0 })).ok).toBe(true);
		const r = await counted(() => completeFromPage(db, client, riasec(), { responseId: null, answers: allAnswers(), completionKey: null }));
		expect(r).toMatchObject({ validations: 1, scorings: 1, validateFormCalls: 1 });
		expect(r.value).toEqual({ ok: true, value: { responseId: response.id, repeated: false } });
		expect(await statusOf(response.id)).toBe('completed');
	});

	it('the form post (answers as JSON text) naming its open response: once each', async () => {
		const { response } = await startOrResume(db, client, riasec());
		const r = await counted(() => completeFromPage(db, client, riasec(), { responseId: response.id, answers: JSON.stringify(allAnswers()) }));
		expect(r).toMatchObject({ validations: 1, scorings: 1, validateFormCalls: 1 });
		expect(r.value).toEqual({ ok: true, value: { responseId: response.id, repeated: false } });
	});

	it('answers refused, with and without an open response: validated once, never scored, nothing stored', async () => {
		const few = { R1: 3 };
		const none = await counted(() => completeFromPage(db, client, riasec(), { responseId: null, answers: few }));
		expect(none).toMatchObject({ validations: 1, scorings: 0, validateFormCalls: 1 });
		expect(none.value.ok).toBe(false);
		expect(await db.selectFrom('response').select('id').execute()).toEqual([]);
		const { response } = await startOrResume(db, client, riasec());
		const open = await counted(() => completeFromPage(db, client, riasec(), { responseId: null, answers: few }));
		expect(open).toMatchObject({ validations: 1, scorings: 0, validateFormCalls: 1 });
		expect(open.value.ok).toBe(false);
		expect(await statusOf(response.id)).toBe('in_progress');
	});

	it('the same key again: the first answer, checked once against the stored answers and not scored again', async () => {
		const key = 'one-pass-key-0123456789';
		const first = await counted(() => completeFromPage(db, client, riasec(), { responseId: null, answers: allAnswers(), completionKey: key }));
		expect(first).toMatchObject({ validations: 1, scorings: 1, validateFormCalls: 1 });
		if (!first.value.ok) throw new Error(first.value.error.code);
		const again = await counted(() => completeFromPage(db, client, riasec(), { responseId: null, answers: allAnswers(), completionKey: key }));
		expect(again).toMatchObject({ validations: 1, scorings: 0, validateFormCalls: 1 });
		expect(again.value).toEqual({ ok: true, value: { responseId: first.value.value.responseId, repeated: true } });
	});

	it('the plain form: the last page completes with one completion validation and one scoring', async () => {
		const habits = registry.instruments.get('study-habits')!;
		const submit = (fields: Record<string, string>) => submitPlainPage(db, client, habits, new URLSearchParams(fields), 'en', translator('en'));
		await submit({ page: '0', nav: 'next', 'e0.r0': '4', 'e0.r1': '0', 'e0.r2': '1', 'e0.r3': '2' });
		await submit({ page: '1', nav: 'next', 'e0.r0': '2', 'e0.r1': '2', e1: '2' });
		// "No" for Maths makes its follow-up appear (the page is shown again); answering it completes.
		expect(await submit({ page: '2', nav: 'complete', 'e0.rows': '2', 'e0.d0.c0': 'Maths', 'e0.d0.c1': '1', 'e0.d1.c0': 'Art', 'e0.d1.c1': '0' })).toEqual({ kind: 'go', page: 2 });
		const r = await counted(() =>
			submit({ page: '2', nav: 'complete', 'e0.rows': '4', 'e0.d0.c0': 'Maths', 'e0.d0.c1': '1', 'e0.d0.c2': 'Fewer tests', 'e0.d1.c0': 'Art', 'e0.d1.c1': '0' })
		);
		expect(r.value).toEqual({ kind: 'completed' });
		// Besides the completion's own validation, the page is checked as SurveyJS checks a page before
		// leaving it (to show messages next to its questions) and its progress is saved (shapes only).
		expect(r).toMatchObject({ validations: 1, scorings: 1, validateFormCalls: 3 });
	});
});
