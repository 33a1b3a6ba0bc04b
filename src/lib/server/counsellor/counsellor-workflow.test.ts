// Notes, assignments and the audited report between a counsellor and a client, against a real
// in-memory SQLite database with the shipped questionnaires loaded through the registry.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import type { Role } from '../db/schema';
import { loadRegistry, type Registry } from '../questionnaires/registry';
import { insertUser } from '../repositories/users';
import { insertShare, revokeShare } from '../repositories/shares';
import { complete, saveProgress, startOrResume } from '../questionnaires/responses';
import { MAX_NOTE_LENGTH, checkNoteBody, loadClientThreads, loadThread, writeClientReply, writeCounsellorNote } from './counsellor-notes';
import {
	MAX_ASSIGNMENT_MESSAGE,
	assignInstruments,
	cancelClientAssignment,
	checkAssignForm,
	loadClientAssignments,
	loadPairAssignments
} from './counsellor-assignments';
import { REPORT_VIEWED, REPORT_VISIT_MINUTES, openClientReport } from './counsellor-report';
import type { SessionUser } from '../account/auth';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');
let db: Db;
let registry: Registry;
const t0 = new Date('2026-03-01T09:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function addUser(id: string, role: Role, name: string | null = null): Promise<SessionUser> {
	const email = `${id}@example.org`;
	await insertUser(db, { id, email, password_hash: 'x', role, display_name: name, locale: 'en', created_at: t0.toISOString(), share_code: null, privacy_version: '2026-12-01', privacy_agreed_at: '2026-01-01T00:00:00.000Z' });
	return { id, email, role, locale: 'en', display_name: name };
}

let anna: SessionUser; // counsellor
let bent: SessionUser; // another counsellor
let carl: SessionUser; // client sharing with both
beforeEach(async () => {
	db = await createTestDb();
	registry = await loadRegistry(db, QUESTIONNAIRES);
	anna = await addUser('anna', 'counsellor', 'Anna Andersen');
	bent = await addUser('bent', 'counsellor');
	carl = await addUser('carl', 'client', 'Carl Client');
	await insertShare(db, carl.id, anna.id, t0);
	await insertShare(db, carl.id, bent.id, t0);
});
afterEach(async () => db.destroy());

const instrument = (id: string) => registry.instruments.get(id)!;

describe('checkNoteBody', () => {
	it.each([
		[null, { ok: false, error: { code: 'counsellor.notes.error.empty', field: 'body' } }],
		['   \n ', { ok: false, error: { code: 'counsellor.notes.error.empty', field: 'body' } }],
		['x'.repeat(MAX_NOTE_LENGTH + 1), { ok: false, error: { code: 'counsellor.notes.error.tooLong', params: { n: MAX_NOTE_LENGTH }, field: 'body' } }],
		[' Hello\r\nthere ', { ok: true, value: 'Hello\nthere' }],
		// Characters, not UTF-16 units: 2000 emoji are allowed.
		['🙂'.repeat(MAX_NOTE_LENGTH), { ok: true, value: '🙂'.repeat(MAX_NOTE_LENGTH) }]
	])('%#', (raw, expected) => {
		expect(checkNoteBody(raw)).toEqual(expected);
	});
});

describe('notes thread', () => {
	it('keeps one thread per counsellor; the client sees threads of counsellors they share with', async () => {
		await writeCounsellorNote(db, anna.id, carl.id, 'Your S is high: try the dream jobs exercise.', at(1));
		expect(await writeClientReply(db, carl.id, anna.id, 'Thanks, I will!', at(2))).toBe(true);
		await writeCounsellorNote(db, bent.id, carl.id, 'Hello from Bent.', at(3));

		const annaThread = await loadThread(db, anna.id, carl.id);
		expect(annaThread.map((n) => [n.byCounsellor, n.body])).toEqual([
			[true, 'Your S is high: try the dream jobs exercise.'],
			[false, 'Thanks, I will!']
		]);
		const threads = await loadClientThreads(db, carl.id);
		expect(threads.map((th) => [th.counsellorName, th.notes.map((n) => n.body)])).toEqual([
			['Anna Andersen', ['Your S is high: try the dream jobs exercise.', 'Thanks, I will!']],
			['bent@example.org', ['Hello from Bent.']]
		]);

		// After revoking Bent, his thread disappears for the client and replies to him are refused.
		await revokeShare(db, carl.id, bent.id, at(4));
		expect((await loadClientThreads(db, carl.id)).map((th) => th.counsellorId)).toEqual([anna.id]);
		expect(await writeClientReply(db, carl.id, bent.id, 'Still there?', at(5))).toBe(false);
		expect(await writeClientReply(db, carl.id, 'nobody', 'Hi', at(5))).toBe(false);
		expect(await db.selectFrom('note').select('id').execute()).toHaveLength(3);
	});
});

describe('checkAssignForm', () => {
	const form = (instruments: string[], message = '') => {
		const f = new FormData();
		for (const i of instruments) f.append('instrument', i);
		f.set('message', message);
		return f;
	};
	it.each([
		[[], '', [{ field: 'instruments', code: 'counsellor.assign.error.none' }]],
		[['riasec-48', 'no-such-test'], '', [{ field: 'instruments', code: 'counsellor.assign.error.unknown' }]],
		[['riasec-48'], 'x'.repeat(MAX_ASSIGNMENT_MESSAGE + 1), [{ field: 'message', code: 'counsellor.assign.error.tooLong', params: { n: MAX_ASSIGNMENT_MESSAGE } }]],
		[[], 'x'.repeat(MAX_ASSIGNMENT_MESSAGE + 1), [{ field: 'instruments', code: 'counsellor.assign.error.none' }, { field: 'message', code: 'counsellor.assign.error.tooLong', params: { n: MAX_ASSIGNMENT_MESSAGE } }]]
	])('refuses %j with message length %#', (ids, message, problems) => {
		expect(checkAssignForm(form(ids, message), registry)).toEqual({ ok: false, error: problems[0], problems });
	});
	it('accepts known instruments (once each) and an optional message', () => {
		expect(checkAssignForm(form(['riasec-48', 'work-values', 'riasec-48'], '  Before we meet  '), registry)).toEqual({
			ok: true,
			value: { instrumentIds: ['riasec-48', 'work-values'], message: 'Before we meet' }
		});
		expect(checkAssignForm(form(['riasec-48']), registry)).toMatchObject({ ok: true, value: { message: null } });
	});
});

describe('assignments', () => {
	it('derive assigned → in progress → completed from responses after the assignment; cancel hides it', async () => {
		// A riasec attempt completed *before* the assignment does not count.
		const early = await startOrResume(db, carl.id, instrument('riasec-48'), at(0));
		const riasec = JSON.stringify(Object.fromEntries(['R', 'I', 'A', 'S', 'E', 'C'].flatMap((l) => Array.from({ length: 8 }, (_, i) => [`${l}${i + 1}`, 3]))));
		expect((await complete(db, carl.id, { instrumentId: 'riasec-48', responseId: early.response.id, answers: riasec }, at(1))).ok).toBe(true);

		await assignInstruments(db, { counsellorId: anna.id, clientId: carl.id, instrumentIds: ['riasec-48', 'work-values'], message: 'Please, before Tuesday' }, at(10));
		await assignInstruments(db, { counsellorId: bent.id, clientId: carl.id, instrumentIds: ['big-five-ipip-50'], message: null }, at(11));
		const status = async () =>
			Object.fromEntries((await loadClientAssignments(db, registry, carl.id, 'en')).map((a) => [`${a.counsellorName}:${a.instrumentId}`, a.status]));
		expect(await status()).toEqual({
			'Anna Andersen:riasec-48': 'assigned',
			'Anna Andersen:work-values': 'assigned',
			'bent@example.org:big-five-ipip-50': 'assigned'
		});

		const again = await startOrResume(db, carl.id, instrument('riasec-48'), at(20));
		expect((await saveProgress(db, carl.id, { instrumentId: 'riasec-48', responseId: again.response.id, answers: '{"R1":4}', page: 0 }, at(21))).ok).toBe(true);
		expect((await status())['Anna Andersen:riasec-48']).toBe('in_progress');
		expect((await complete(db, carl.id, { instrumentId: 'riasec-48', responseId: again.response.id, answers: riasec }, at(30))).ok).toBe(true);
		expect((await status())['Anna Andersen:riasec-48']).toBe('completed');

		// Anna cancels work-values: the client no longer sees it, Anna sees it as cancelled.
		const annaView = await loadPairAssignments(db, registry, anna.id, carl.id, 'en');
		const wv = annaView.find((a) => a.instrumentId === 'work-values')!;
		expect(wv).toMatchObject({ title: 'What matters to me at work', message: 'Please, before Tuesday', status: 'assigned' });
		expect(await cancelClientAssignment(db, { id: wv.id, counsellorId: bent.id, clientId: carl.id }, at(40))).toBe(false);
		expect(await cancelClientAssignment(db, { id: wv.id, counsellorId: anna.id, clientId: carl.id }, at(40))).toBe(true);
		expect(await cancelClientAssignment(db, { id: wv.id, counsellorId: anna.id, clientId: carl.id }, at(41))).toBe(false);
		expect((await loadPairAssignments(db, registry, anna.id, carl.id, 'en')).map((a) => [a.instrumentId, a.status])).toEqual([
			// Newest first; both were made together, so the later id first.
			['work-values', 'cancelled'],
			['riasec-48', 'completed']
		]);
		expect(Object.keys(await status())).toEqual(['bent@example.org:big-five-ipip-50', 'Anna Andersen:riasec-48']);

		// Revoking Bent withdraws his assignment from the client's home page.
		await revokeShare(db, carl.id, bent.id, at(50));
		expect(Object.keys(await status())).toEqual(['Anna Andersen:riasec-48']);
	});
});

describe('openClientReport', () => {
	const events = () => db.selectFrom('audit_event').select(['actor_id', 'action', 'subject_id']).execute();
	/** The refusal's message key, or 'ok'. */
	const refusal = async (p: Promise<{ ok: true } | { ok: false; error: { code: string } }>) => {
		const r = await p;
		return r.ok ? 'ok' : r.error.code;
	};

	it('writes client.report.viewed once per visit (30 minutes), and refuses (nothing logged) without an active share', async () => {
		const opened = await openClientReport(db, registry, anna, carl.id, 'en', undefined, at(2));
		if (!opened.ok) throw new Error(opened.error.code);
		const report = opened.value;
		expect(report.client).toMatchObject({ id: carl.id, name: 'Carl Client', sharedSince: t0.toISOString() });
		// Reloads within 30 minutes of the logged view are the same visit: still one entry.
		await openClientReport(db, registry, anna, carl.id, 'en', undefined, at(3));
		await openClientReport(db, registry, anna, carl.id, 'en', undefined, at(32));
		const logged = { actor_id: anna.id, action: REPORT_VIEWED, subject_id: carl.id };
		expect(await events()).toEqual([logged]);
		// More than 30 minutes after the logged view: a new visit, a new entry.
		await openClientReport(db, registry, anna, carl.id, 'en', undefined, at(33));
		expect(await events()).toEqual([logged, logged]);
		// Another counsellor's view of the same client is logged on its own.
		await openClientReport(db, registry, bent, carl.id, 'en', undefined, at(35));
		expect(await events()).toEqual([logged, logged, { ...logged, actor_id: bent.id }]);
		await revokeShare(db, carl.id, anna.id, at(36));
		expect(await refusal(openClientReport(db, registry, anna, carl.id, 'en'))).toBe('counsellor.error.notShared');
		expect(await refusal(openClientReport(db, registry, carl, carl.id, 'en'))).toBe('counsellor.error.onlyCounsellors');
		expect(await refusal(openClientReport(db, registry, bent, 'anna', 'en'))).toBe('counsellor.error.notShared');
		expect(await events()).toHaveLength(3);
	});

	it('shows retests with the reliable change index where the scale has a norm and reliability', async () => {
		// Big Five, all items answered so that every scale's keyed mean is 3, except extraversion:
		// keyed 2 in the first attempt, keyed 4 in the second (reversed items get 6 − keyed).
		const def = instrument('big-five-ipip-50').questionnaire.scoring!.scales!;
		const answers = (ext: number) => {
			const a: Record<string, number> = {};
			for (const s of def) for (const item of s.items) {
				const keyed = s.id === 'extraversion' ? ext : 3;
				a[item] = s.reverse?.includes(item) ? 6 - keyed : keyed;
			}
			return JSON.stringify(a);
		};
		for (const [i, ext] of [[0, 2], [10, 4]]) {
			const r = await startOrResume(db, carl.id, instrument('big-five-ipip-50'), at(i));
			expect((await complete(db, carl.id, { instrumentId: 'big-five-ipip-50', responseId: r.response.id, answers: answers(ext) }, at(i + 1))).ok).toBe(true);
		}
		const opened = await openClientReport(db, registry, anna, carl.id, 'en');
		if (!opened.ok) throw new Error(opened.error.code);
		const { results } = opened.value;
		const big5 = results.find((r) => r.instrumentId === 'big-five-ipip-50')!;
		expect(big5.attempts).toHaveLength(2);
		const [latest, first] = big5.attempts;
		// SEM = 0.922·√(1 − 0.892) = 0.303004; RCI = (4 − 2) / (√2 · 0.303004) = 4.6673
		const ext = latest.scales.find((s) => s.id === 'extraversion')!;
		expect(ext.score).toBe(4);
		expect(ext.change?.direction).toBe('up');
		expect(ext.change?.rci).toBeCloseTo(4.6673, 3);
		expect(latest.scales.find((s) => s.id === 'agreeableness')!.change).toEqual({ rci: 0, direction: null });
		expect(first.scales.every((s) => s.change === null)).toBe(true);
	});
});
