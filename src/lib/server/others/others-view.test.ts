// "How others see me" against a real, migrated database (SQLite in memory, or PostgreSQL with
// TEST_DATABASE_URL, tests/support/db.ts): the rules a browser test cannot reach cheaply — expiry,
// the per-link cap, refusals storing nothing, codes, and erasure with the account.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Db } from '../db';
import { closeTestDb, createTestDb } from '../../../../tests/support/db';
import type { Questionnaire } from '$lib/core/questionnaire/types';
import type { Instrument, Registry } from '../questionnaires/registry';
import { insertUser, deleteUser } from '../repositories/users';
import { insertResponse } from '../repositories/responses';
import { ensureInstrumentVersion } from '../repositories/instrument-versions';
import { createInvite, deleteOthersExercise, generateCode, loadWindow, normaliseCode, showCode } from './others-view';
import { MAX_ANSWERS_PER_INVITE, openInvite, saveInviteeAnswer } from './others-invitee';
import { translate } from '$lib/i18n';

const T0 = new Date('2026-12-01T10:00:00Z');
const q = JSON.parse(readFileSync('questionnaires/others-view.json', 'utf8')) as Questionnaire;
let db: Db;
let instrument: Instrument;
let registry: Registry;
let userId: string;

let picksMade = 0;
/** A completed response with these answers, a minute after the one before (the latest counts). */
async function pick(answers: Record<string, string[]>) {
	const at = new Date(T0.getTime() + ++picksMade * 60_000).toISOString();
	await insertResponse(db, {
		id: crypto.randomUUID(),
		user_id: userId,
		instrument_id: q.id,
		instrument_version_id: instrument.versionId,
		status: 'completed',
		answers: JSON.stringify(answers),
		current_page: 0,
		result: '{}',
		started_at: at,
		updated_at: at,
		completed_at: at
	});
}

const count = async (table: 'others_answer' | 'others_invite') =>
	Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeEach(async () => {
	db = await createTestDb();
	const versionId = await ensureInstrumentVersion(db, { instrumentId: q.id, version: q.version, sha256: 'x', definition: JSON.stringify(q), now: T0 });
	instrument = { questionnaire: q, versionId, sha256: 'x', file: 'others-view.json' };
	registry = { instruments: new Map([[q.id, instrument]]), refused: [], warnings: [] };
	userId = crypto.randomUUID();
	await insertUser(db, { id: userId, email: `${userId}@example.org`, password_hash: 'x', role: 'client', display_name: null, locale: null, created_at: T0.toISOString(), share_code: null });
});
afterEach(() => closeTestDb(db));

describe('codes', () => {
	it('are 8 unambiguous characters, read back however they are typed', () => {
		for (let i = 0; i < 50; i++) expect(generateCode()).toMatch(/^[2-9A-HJKMNP-TW-Z]{8}$/);
		expect(normaliseCode(' k7m2-q9xd ')).toBe('K7M2Q9XD');
		expect(normaliseCode('K7M2 Q9XD')).toBe('K7M2Q9XD');
		expect(normaliseCode('K7M2Q9X0')).toBeNull(); // 0 is not in the alphabet
		expect(normaliseCode('K7M2Q9X')).toBeNull();
		expect(showCode('K7M2Q9XD')).toBe('K7M2-Q9XD');
	});
});

describe('making links', () => {
	it('needs 5 to 8 own picks and a first name; nothing is stored when refused', async () => {
		const form = { shownName: 'Ann', nickname: '', days: '7' };
		expect(await createInvite(db, userId, instrument, form, T0)).toEqual({ ok: false, error: { code: 'others.problem.picks', field: 'picks' }, problems: [{ code: 'others.problem.picks', field: 'picks' }] });
		await pick({ others_S: ['patient', 'kind'], others_P: ['honest'] }); // kind is not in others_S: 2 picks
		const few = await createInvite(db, userId, instrument, form, T0);
		expect(few.ok).toBe(false);
		await pick({ others_S: ['patient', 'listener', 'caring'], others_P: ['honest', 'calm'] });
		const bad = await createInvite(db, userId, instrument, { shownName: ' ', nickname: '<b>Mum</b>', days: '365' }, T0);
		const problems = [
			{ code: 'others.error.shownName.required', field: 'shownName' },
			{ code: 'others.error.nickname.characters', field: 'nickname' },
			{ code: 'others.error.days', params: { choices: '3, 7, 14, 30' }, field: 'days' }
		];
		expect(bad).toEqual({ ok: false, error: problems[0], problems });
		const long = await createInvite(db, userId, instrument, { shownName: 'A'.repeat(41), nickname: '', days: '7' }, T0);
		expect(long).toMatchObject({ ok: false, error: { code: 'others.error.shownName.tooLong', params: { length: 41, max: 40 }, field: 'shownName' } });
		expect(await count('others_invite')).toBe(0);
		const made = await createInvite(db, userId, instrument, { shownName: ' Ann ', nickname: 'Mum', days: '7' }, T0);
		expect(made.ok && made.value).toMatchObject({ shown_name: 'Ann', nickname: 'Mum', expires_at: '2026-12-08T10:00:00.000Z', revoked_at: null });
	});
});

describe('answering', () => {
	async function openLink() {
		await pick({ others_S: ['patient', 'listener', 'caring'], others_P: ['honest', 'calm'] });
		const made = await createInvite(db, userId, instrument, { shownName: 'Ann', nickname: '', days: '3' }, T0);
		if (!made.ok) throw new Error('no link');
		return made.value;
	}

	it('refuses answers once the link has expired, storing nothing', async () => {
		const invite = await openLink();
		const late = new Date(Date.parse(invite.expires_at) + 1);
		const opened = await openInvite(db, registry, invite.code, late);
		expect(opened.state).toBe('expired');
		expect(await saveInviteeAnswer(db, opened, 'token', { qualities: ['kind'], text: undefined }, late)).toEqual({ ok: false, error: { code: 'others.answer.closed' } });
		expect(await count('others_answer')).toBe(0);
	});

	it('takes at most MAX_ANSWERS_PER_INVITE answers per link, but a known browser may still change its own', async () => {
		const invite = await openLink();
		const opened = await openInvite(db, registry, invite.code, T0);
		for (let i = 0; i < MAX_ANSWERS_PER_INVITE; i++)
			expect(await saveInviteeAnswer(db, opened, `token-${i}`, { qualities: ['kind'], text: undefined }, T0)).toEqual({ ok: true, value: { changed: false } });
		expect(await saveInviteeAnswer(db, opened, 'one-too-many', { qualities: ['kind'], text: undefined }, T0)).toEqual({ ok: false, error: { code: 'others.answer.full' } });
		expect(await saveInviteeAnswer(db, opened, 'token-0', { qualities: ['calm'], text: 'x' }, T0)).toEqual({ ok: true, value: { changed: true } });
		expect(await count('others_answer')).toBe(MAX_ANSWERS_PER_INVITE);
	});

	it('refuses a flood of checkbox values before looking at them', async () => {
		const invite = await openLink();
		const opened = await openInvite(db, registry, invite.code, T0);
		const r = await saveInviteeAnswer(db, opened, 't', { qualities: Array(201).fill('kind'), text: undefined }, T0);
		expect(r).toEqual({ ok: false, error: { code: 'others.answer.error.tooManyValues', params: { n: 201, max: 200 }, field: 'qualities' } });
		if (!r.ok) expect(translate('en', r.error.code, r.error.params)).toBe('201 values sent; at most 200 are read');
	});

	it('refuses a bad answer with every problem as a message key naming its field, in English and Danish', async () => {
		const invite = await openLink();
		const opened = await openInvite(db, registry, invite.code, T0);
		const r = await saveInviteeAnswer(db, opened, 't', { qualities: ['kind', '<b>'], text: 'a\u0000b' }, T0);
		const problems = [
			{ code: 'others.answer.error.notQuality', field: 'qualities[1]', params: { value: '"<b>"' } },
			{ code: 'others.answer.error.textControl', field: 'text' }
		];
		expect(r).toEqual({ ok: false, error: problems[0], problems });
		if (r.ok) return;
		expect(r.problems!.map((p) => translate('en', p.code, p.params))).toEqual(['"<b>" is not one of the qualities', 'contains control characters']);
		expect(r.problems!.map((p) => translate('da', p.code, p.params))).toEqual(['"<b>" er ikke en af egenskaberne', 'indeholder kontroltegn']);
		expect(await count('others_answer')).toBe(0);
	});

	it('shows the window from the third answer, and erases answers with the exercise and with the account', async () => {
		const invite = await openLink();
		const opened = await openInvite(db, registry, invite.code, T0);
		await saveInviteeAnswer(db, opened, 'a', { qualities: ['kind', 'patient'], text: 'Good cook' }, T0);
		await saveInviteeAnswer(db, opened, 'b', { qualities: ['kind'], text: '' }, T0);
		const waiting = await loadWindow(db, userId, instrument);
		expect(waiting.window).toEqual({ ready: false, respondents: 2, needed: 1 });
		expect(waiting.texts).toEqual([]);
		await saveInviteeAnswer(db, opened, 'c', { qualities: ['calm'], text: undefined }, T0);
		const ready = await loadWindow(db, userId, instrument);
		// Mine: patient, listener, caring, honest, calm. kind 2 (a, b) blind; patient 1 and calm 1 open.
		expect(ready.window).toEqual({
			ready: true,
			respondents: 3,
			open: [{ id: 'patient', others: 1 }, { id: 'calm', others: 1 }],
			blind: [{ id: 'kind', others: 2 }],
			hidden: [{ id: 'listener', others: 0 }, { id: 'caring', others: 0 }, { id: 'honest', others: 0 }]
		});
		expect(ready.texts).toEqual(['Good cook']);
		await deleteOthersExercise(db, userId, q.id);
		expect([await count('others_answer'), await count('others_invite')]).toEqual([0, 0]);

		const again = await openLink();
		await saveInviteeAnswer(db, await openInvite(db, registry, again.code, T0), 'd', { qualities: ['kind'], text: undefined }, T0);
		expect(await count('others_answer')).toBe(1);
		await deleteUser(db, userId);
		expect([await count('others_answer'), await count('others_invite')]).toEqual([0, 0]);
	});
});
