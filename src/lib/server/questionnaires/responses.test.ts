// Taking an instrument end to end below HTTP: real SQLite (in memory, migrated), the real
// questionnaires loaded through the registry, real accounts. Expected scores are worked by hand.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { loadRegistry, type Registry } from './registry';
import { createAccount } from '../account/accounts';
import { insertUser } from '../repositories/users';
import type { ScoredResult } from '$lib/core/questionnaire/types';
import { complete, completeOpenOrNew, saveProgress, startOrResume } from './responses';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');

let db: Db;
let registry: Registry;
let alice: string;
let bob: string;

beforeEach(async () => {
	db = await createTestDb();
	registry = await loadRegistry(db, QUESTIONNAIRES);
	expect(registry.refused).toEqual([]);
	expect(registry.warnings).toEqual([]);
	const created = await createAccount(db, {
		email: 'alice@example.org',
		password: 'correct horse battery',
		role: 'client',
		locale: 'en'
	});
	if (!created.ok) throw new Error('account not created');
	alice = created.value.id;
	bob = crypto.randomUUID();
	await insertUser(db, {
		id: bob,
		email: 'bob@example.org',
		password_hash: 'not-used-here',
		role: 'client',
		display_name: null,
		locale: null,
		created_at: new Date().toISOString()
	});
});

afterEach(async () => {
	await db.destroy();
});

const instrument = (id: string) => {
	const i = registry.instruments.get(id);
	if (!i) throw new Error(`${id} not loaded`);
	return i;
};
const row = (id: string) => db.selectFrom('response').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
/** The scale scores as stored: the scales of the result JSON on the response row, by scale id. */
const scaleRows = async (id: string) => {
	const stored = (await row(id)).result;
	if (!stored) return [];
	const result = JSON.parse(stored) as ScoredResult;
	return result.scales
		.map((s) => ({ scale_id: s.id, score: s.score, answered: s.answered, reason: s.reason ?? null, z: s.z ?? null, t: s.t ?? null, percentile: s.percentile ?? null, sten: s.sten ?? null, band: s.band?.index ?? null }))
		.sort((a, b) => (a.scale_id < b.scale_id ? -1 : 1));
};

// RIASEC answers for items 1..8 of each type, with the means worked by hand:
// R (5+5+5+5+4+4+4+4)/8 = 36/8 = 4.5     I (1·7 + 2)/8 = 9/8 = 1.125   A 3·8/8 = 3
// S (4·7 + 5)/8 = 33/8 = 4.125          E (2+3)·4/8 = 20/8 = 2.5      C (5·5 + 4·3)/8 = 37/8 = 4.625
// Highest three: C 4.625, R 4.5, S 4.125 → code "CRS", no ties.
const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
const RIASEC: Record<(typeof TYPES)[number], number[]> = {
	R: [5, 5, 5, 5, 4, 4, 4, 4],
	I: [1, 1, 1, 1, 1, 1, 1, 2],
	A: [3, 3, 3, 3, 3, 3, 3, 3],
	S: [4, 4, 4, 4, 4, 4, 4, 5],
	E: [2, 3, 2, 3, 2, 3, 2, 3],
	C: [5, 5, 5, 5, 5, 4, 4, 4]
};
const riasecAnswers = (change: Record<string, number> = {}) => {
	const a: Record<string, number> = {};
	for (const t of TYPES) RIASEC[t].forEach((v, i) => (a[`${t}${i + 1}`] = v));
	return { ...a, ...change };
};
// Norms of riasec-48 (cleaned OSPP sample, mean/SD): A 2.976/0.986, C 2.305/0.937, E 2.44/0.837,
// I 3.029/1.013, R 2.083/0.868, S 3.101/0.916. z = (score − mean)/SD, percentile = 100·Φ(z),
// sten = round(2z + 5.5) within 1–10, band by percentile (≤ 30 → 0, ≤ 70 → 1, else 2), worked by hand:
// A z 0.0243 → P 51.0, sten 6, band 1; C z 2.476 → P 99.3, sten 10, band 2; E z 0.0717 → P 52.9, sten 6,
// band 1; I z −1.880 → P 3.0, sten 2, band 0; R z 2.785 → P 99.7, sten 10, band 2; S z 1.118 → P 86.8,
// sten 8, band 2.
const NORMS: Record<string, [number, number]> = {
	artistic: [2.976, 0.986], conventional: [2.305, 0.937], enterprising: [2.44, 0.837],
	investigative: [3.029, 1.013], realistic: [2.083, 0.868], social: [3.101, 0.916]
};
const EXPECTED_RIASEC = [
	{ scale_id: 'artistic', score: 3, band: 1, sten: 6, percentile: 50.97096038167718 },
	{ scale_id: 'conventional', score: 4.625, band: 2, sten: 10, percentile: 99.33565827914148 },
	{ scale_id: 'enterprising', score: 2.5, band: 1, sten: 6, percentile: 52.85735391259926 },
	{ scale_id: 'investigative', score: 1.125, band: 0, sten: 2, percentile: 3.0083649438364723 },
	{ scale_id: 'realistic', score: 4.5, band: 2, sten: 10, percentile: 99.73199981179555 },
	{ scale_id: 'social', score: 4.125, band: 2, sten: 8, percentile: 86.81959868279716 }
];
/** The stored rows against EXPECTED_RIASEC: exact where exact, z/T from the norms, percentile to 1e-9. */
function expectRiasecRows(rows: { scale_id: string; score: number | null; answered: number; reason: string | null; z: number | null; t: number | null; percentile: number | null; sten: number | null; band: number | null }[]) {
	expect(rows.map((r) => r.scale_id)).toEqual(EXPECTED_RIASEC.map((e) => e.scale_id));
	rows.forEach((r, i) => {
		const e = EXPECTED_RIASEC[i];
		const [mean, sd] = NORMS[e.scale_id];
		const z = (e.score - mean) / sd;
		expect(r).toMatchObject({ score: e.score, answered: 8, reason: null, sten: e.sten, band: e.band });
		expect(r.z).toBeCloseTo(z, 12);
		expect(r.t).toBeCloseTo(50 + 10 * z, 10);
		expect(r.percentile).toBeCloseTo(e.percentile, 9);
	});
}

describe('startOrResume', () => {
	it('creates a response, then resumes the same one', async () => {
		const first = await startOrResume(db, alice, instrument('riasec-48'));
		expect(first.resumed).toBe(false);
		expect(first.questionnaire.id).toBe('riasec-48');
		expect(await row(first.response.id)).toMatchObject({
			user_id: alice,
			instrument_id: 'riasec-48',
			instrument_version_id: instrument('riasec-48').versionId,
			status: 'in_progress',
			answers: '{}',
			current_page: 0
		});
		const again = await startOrResume(db, alice, instrument('riasec-48'));
		expect(again.resumed).toBe(true);
		expect(again.response.id).toBe(first.response.id);
		expect(again.questionnaire.id).toBe('riasec-48');
		// Another client gets their own response.
		const other = await startOrResume(db, bob, instrument('riasec-48'));
		expect(other.resumed).toBe(false);
		expect(other.response.id).not.toBe(first.response.id);
		expect(await db.selectFrom('response').select('id').execute()).toHaveLength(2);
	});
});

describe('saveProgress', () => {
	async function started() {
		const { response } = await startOrResume(db, alice, instrument('riasec-48'));
		const saved = await saveProgress(db, alice, { instrumentId: 'riasec-48', responseId: response.id, answers: '{"I1":4,"R1":3}', page: 1 }, new Date('2026-01-01T00:00:00Z'));
		expect(saved).toEqual({ ok: true, value: { savedAt: '2026-01-01T00:00:00.000Z' } });
		const before = await row(response.id);
		expect(before).toMatchObject({ answers: '{"I1":4,"R1":3}', current_page: 1, updated_at: '2026-01-01T00:00:00.000Z' });
		return { id: response.id, before };
	}

	it.each([
		['an unknown element name', '{"NOPE":3}', 'NOPE', 'NOPE: there is no question with this name'],
		['a value outside the choices', '{"R1":7}', 'R1', 'R1: 7 is not one of the allowed values 1, 2, 3, 4, 5'],
		['a value of the wrong type', '{"R1":"5"}', 'R1', 'R1: expected a number, got "5"']
	])('refuses %s, naming the element and value, and keeps the stored answers', async (_, answers, name, message) => {
		const { id, before } = await started();
		const r = await saveProgress(db, alice, { instrumentId: 'riasec-48', responseId: id, answers, page: 2 }, new Date('2026-01-02T00:00:00Z'));
		expect(r).toEqual({ ok: false, error: { code: 'response.error.invalid', field: name }, errors: [expect.objectContaining({ name, message })] });
		expect(await row(id)).toEqual(before);
	});

	it('refuses answers that are not JSON, or not an object', async () => {
		const { id, before } = await started();
		const r = await saveProgress(db, alice, { instrumentId: 'riasec-48', responseId: id, answers: '{"R1":', page: 2 });
		expect(r).toEqual({ ok: false, error: { code: 'response.error.json', field: 'answers' } });
		const list = await saveProgress(db, alice, { instrumentId: 'riasec-48', responseId: id, answers: '[3]', page: 2 });
		expect(list).toMatchObject({ ok: false, error: { code: 'response.error.invalid', field: 'answers' }, errors: [{ name: '' }] });
		expect(await row(id)).toEqual(before);
	});

	it.each([['-1'], ['1.5'], ['abc'], ['1000']])('refuses the page number %s', async (page) => {
		const { id, before } = await started();
		const r = await saveProgress(db, alice, { instrumentId: 'riasec-48', responseId: id, answers: '{"R1":4}', page });
		expect(r).toEqual({ ok: false, error: { code: 'response.error.page', field: 'page' } });
		expect(await row(id)).toEqual(before);
	});

	it("refuses another user's response with 404 and changes nothing", async () => {
		const { id, before } = await started();
		const r = await saveProgress(db, bob, { instrumentId: 'riasec-48', responseId: id, answers: '{"R1":5}', page: 3 });
		expect(r).toEqual({ ok: false, error: { code: 'response.error.missing' } });
		const c = await complete(db, bob, { instrumentId: 'riasec-48', responseId: id, answers: JSON.stringify(riasecAnswers()) });
		expect(c).toEqual({ ok: false, error: { code: 'response.error.missing' } });
		expect(await row(id)).toEqual(before);
		expect(await scaleRows(id)).toEqual([]);
		const unknown = await saveProgress(db, alice, { instrumentId: 'riasec-48', responseId: 'no-such-id', answers: '{}', page: 0 });
		expect(unknown).toMatchObject({ ok: false, error: { code: 'response.error.missing' } });
	});

	it("refuses the person's own response when it is sent for another instrument, and changes nothing", async () => {
		const { id, before } = await started();
		// Valid riasec-48 answers: without the (person, instrument) key they would be saved and scored.
		const r = await saveProgress(db, alice, { instrumentId: 'big-five-ipip-50', responseId: id, answers: '{"R1":5}', page: 3 });
		expect(r).toEqual({ ok: false, error: { code: 'response.error.missing' } });
		const c = await complete(db, alice, { instrumentId: 'big-five-ipip-50', responseId: id, answers: JSON.stringify(riasecAnswers()) });
		expect(c).toEqual({ ok: false, error: { code: 'response.error.missing' } });
		expect(await row(id)).toEqual(before);
	});

	it('refuses text longer than the question allows in the brainstorm exercise', async () => {
		const { response } = await startOrResume(db, alice, instrument('brainstorm-strengths'));
		// strengths_reflection has maxLength 2000; the "idea" column of strengths has maxLength 200.
		const tooLong = JSON.stringify({ strengths: [{ idea: 'Drawing', theme: 'A' }], strengths_reflection: 'x'.repeat(2001) });
		const r = await saveProgress(db, alice, { instrumentId: 'brainstorm-strengths', responseId: response.id, answers: tooLong, page: 0 });
		expect(r).toEqual({
			ok: false,
			error: { code: 'response.error.invalid', field: 'strengths_reflection' },
			errors: [expect.objectContaining({ name: 'strengths_reflection', message: 'strengths_reflection: the text has 2001 characters; at most 2000 are allowed' })]
		});
		const longCell = JSON.stringify({ strengths: [{ idea: 'y'.repeat(201), theme: 'A' }] });
		const cell = await saveProgress(db, alice, { instrumentId: 'brainstorm-strengths', responseId: response.id, answers: longCell, page: 0 });
		expect(cell).toMatchObject({ ok: false, error: { code: 'response.error.invalid' }, errors: [{ name: 'strengths', message: expect.stringContaining('strengths[0].idea') }] });
		const c = await complete(db, alice, { instrumentId: 'brainstorm-strengths', responseId: response.id, answers: tooLong });
		expect(c).toMatchObject({ ok: false, error: { code: 'response.error.invalid' } });
		expect(await row(response.id)).toMatchObject({ answers: '{}', status: 'in_progress' });

		// At the limit it is accepted, and completing stores the text verbatim in the result's list.
		const atLimit = { strengths: [{ idea: 'Drawing', theme: 'A' }], strengths_reflection: 'z'.repeat(2000) };
		expect((await saveProgress(db, alice, { instrumentId: 'brainstorm-strengths', responseId: response.id, answers: JSON.stringify(atLimit), page: 0 })).ok).toBe(true);
		const done = await complete(db, alice, { instrumentId: 'brainstorm-strengths', responseId: response.id, answers: JSON.stringify(atLimit) });
		if (!done.ok) throw new Error(done.error.code);
		expect(done.value.result.lists.strengths).toEqual(['Drawing']);
		expect(done.value.result.lists['strengths-reflection']).toEqual(['z'.repeat(2000)]);
		expect(done.value.result.tallies.themes).toMatchObject({ A: 1 });
	});
});

describe('complete', () => {
	async function completedRiasec() {
		const { response } = await startOrResume(db, alice, instrument('riasec-48'));
		const answers = JSON.stringify(riasecAnswers());
		expect((await saveProgress(db, alice, { instrumentId: 'riasec-48', responseId: response.id, answers, page: 7 })).ok).toBe(true);
		const r = await complete(db, alice, { instrumentId: 'riasec-48', responseId: response.id, answers }, new Date('2026-04-05T06:07:08Z'));
		if (!r.ok) throw new Error(r.error.code);
		return { id: response.id, answers, r };
	}

	it('scores riasec-48 and stores the answers and the result with every scale score', async () => {
		const { id, answers, r } = await completedRiasec();
		expect(r.value.repeated).toBe(false);
		expect(r.value.result.codes.holland).toEqual({ code: 'CRS', ties: [] });
		const stored = await row(id);
		expect(stored).toMatchObject({ status: 'completed', completed_at: '2026-04-05T06:07:08.000Z' });
		expect(JSON.parse(stored.answers)).toEqual(JSON.parse(answers));
		expect(JSON.parse(stored.result!)).toEqual(r.value.result);
		expectRiasecRows(await scaleRows(id));
	});

	it('returns the stored result for the same answers again (repeated) and stores nothing more', async () => {
		const { id, answers, r } = await completedRiasec();
		const before = await row(id);
		const again = await complete(db, alice, { instrumentId: 'riasec-48', responseId: id, answers });
		expect(again).toEqual({ ok: true, value: { responseId: id, result: r.value.result, repeated: true } });
		expect(await scaleRows(id)).toHaveLength(6);
		expect(await row(id)).toEqual(before);
	});

	it('refuses different answers after completion with 409 and keeps the stored ones', async () => {
		const { id } = await completedRiasec();
		const before = await row(id);
		const rows = await scaleRows(id);
		const changed = await complete(db, alice, { instrumentId: 'riasec-48', responseId: id, answers: JSON.stringify(riasecAnswers({ R1: 1 })) });
		expect(changed).toEqual({ ok: false, error: { code: 'response.error.completedOn', params: { date: '2026-04-05' } } });
		const save = await saveProgress(db, alice, { instrumentId: 'riasec-48', responseId: id, answers: '{"R1":1}', page: 0 });
		expect(save).toEqual({ ok: false, error: { code: 'response.error.completed' } });
		expect(await row(id)).toEqual(before);
		expect(await scaleRows(id)).toEqual(rows);
	});

	it('stores one set of scores when two completions race', async () => {
		const { response } = await startOrResume(db, alice, instrument('riasec-48'));
		const answers = JSON.stringify(riasecAnswers());
		const results = await Promise.all([
			complete(db, alice, { instrumentId: 'riasec-48', responseId: response.id, answers }),
			complete(db, alice, { instrumentId: 'riasec-48', responseId: response.id, answers })
		]);
		expect(results.every((r) => r.ok)).toBe(true);
		const repeated = results.map((r) => (r.ok ? r.value.repeated : null)).sort();
		expect(repeated).toEqual([false, true]);
		expectRiasecRows(await scaleRows(response.id));
		expect(await db.selectFrom('response').select('id').execute()).toHaveLength(1);
	});

	it('refuses an invalid answer set before scoring and stores nothing', async () => {
		const { response } = await startOrResume(db, alice, instrument('riasec-48'));
		const r = await complete(db, alice, { instrumentId: 'riasec-48', responseId: response.id, answers: JSON.stringify(riasecAnswers({ C8: 6 })) });
		expect(r).toMatchObject({ ok: false, error: { code: 'response.error.invalid', field: 'C8' }, errors: [{ name: 'C8' }] });
		expect(await row(response.id)).toMatchObject({ status: 'in_progress', result: null });
		expect(await scaleRows(response.id)).toEqual([]);
	});

	it('gives norm-referenced scores for big-five-ipip-50', async () => {
		const big5 = instrument('big-five-ipip-50');
		const extraversion = big5.questionnaire.scoring!.scales!.find((s) => s.id === 'extraversion')!;
		expect(extraversion.reverse).toEqual(['EXT2', 'EXT4', 'EXT6', 'EXT8', 'EXT10']);
		expect(extraversion.norms![0]).toMatchObject({ mean: 3.011, sd: 0.922 });

		// EXT1..10 answered 4,2,5,1,4,2,3,3,5,1; the even items are reversed (6 − x):
		// 4, 4, 5, 5, 4, 4, 3, 3, 5, 5 → 42 / 10 = 4.2. Every other item is answered 3 (3 either way).
		const answers: Record<string, number> = {};
		for (const s of big5.questionnaire.scoring!.scales!) for (const item of s.items) answers[item] = 3;
		[4, 2, 5, 1, 4, 2, 3, 3, 5, 1].forEach((v, i) => (answers[`EXT${i + 1}`] = v));
		expect(Object.keys(answers)).toHaveLength(50);

		const { response } = await startOrResume(db, alice, big5);
		const r = await complete(db, alice, { instrumentId: 'big-five-ipip-50', responseId: response.id, answers: JSON.stringify(answers) });
		if (!r.ok) throw new Error(r.error.code);

		// z = (4.2 − 3.011) / 0.922 = 1.189 / 0.922 = 1.2895878…; T = 50 + 10z = 62.895878…;
		// percentile = 100·Φ(z) ≈ 90.14; sten = round(2z + 5.5) = round(8.079) = 8; band: 90.14 > 70 → 2.
		const z = 1.189 / 0.922;
		expect(z).toBeCloseTo(1.2895878525, 9);
		const percentile = 100 * phi(z);
		expect(percentile).toBeCloseTo(90.14031, 4);

		const ext = (await scaleRows(response.id)).find((s) => s.scale_id === 'extraversion')!;
		expect(ext.score).toBeCloseTo(4.2, 12);
		expect(ext.answered).toBe(10);
		expect(ext.z).toBeCloseTo(z, 12);
		expect(ext.t).toBeCloseTo(50 + 10 * z, 10);
		expect(ext.percentile).toBeCloseTo(percentile, 9);
		expect(ext.sten).toBe(8);
		expect(ext.band).toBe(2);

		// A scale answered 3 throughout: score 3, z = (3 − mean)/sd, and the percentile from Φ too.
		const rows = await scaleRows(response.id);
		expect(rows).toHaveLength(5);
		for (const s of big5.questionnaire.scoring!.scales!.filter((s) => s.id !== 'extraversion')) {
			const stored = rows.find((x) => x.scale_id === s.id)!;
			const { mean, sd } = s.norms![0];
			const zs = (3 - mean) / sd;
			expect(stored.score).toBe(3);
			expect(stored.z).toBeCloseTo(zs, 12);
			expect(stored.percentile).toBeCloseTo(100 * phi(zs), 9);
		}
		const result = r.value.result.scales.find((s) => s.id === 'extraversion')!;
		expect(result.norm).toBe('openpsychometrics-big5-2012');
	});
});

/** Φ(z) = ½(1 + erf(z/√2)), erf by its Maclaurin series 2/√π Σ (−1)ⁿ x^(2n+1) / (n!(2n+1)) — fine for |z| < 3. */
function phi(z: number): number {
	const x = z / Math.SQRT2;
	let term = x; // (−1)ⁿ x^(2n+1) / n!
	let sum = 0;
	for (let n = 0; n < 100; n++) {
		sum += term / (2 * n + 1);
		term *= (-x * x) / (n + 1);
	}
	return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

describe('canonical answers and one open attempt', () => {
	it('treats the same answers in another key order as the same submission', async () => {
		const { response } = await startOrResume(db, alice, instrument('riasec-48'));
		const answers = riasecAnswers();
		const first = await complete(db, alice, { instrumentId: 'riasec-48', responseId: response.id, answers: JSON.stringify(answers) });
		const reversed = Object.fromEntries(Object.entries(answers).reverse());
		const again = await complete(db, alice, { instrumentId: 'riasec-48', responseId: response.id, answers: JSON.stringify(reversed) });
		expect(first.ok && again.ok && again.value.repeated).toBe(true);
	});

	it('stores the answers with their keys sorted, whatever order (seen before or not) they came in', async () => {
		const answers = riasecAnswers();
		const sortedText = JSON.stringify(Object.fromEntries(Object.entries(answers).sort(([a], [b]) => (a < b ? -1 : 1))));
		const orders = [answers, Object.fromEntries(Object.entries(answers).reverse()), answers, Object.fromEntries(Object.entries(answers).sort(() => 0).reverse())];
		for (const [i, order] of orders.entries()) {
			const who = i % 2 === 0 ? alice : bob;
			const r = await completeOpenOrNew(db, who, instrument('riasec-48'), JSON.stringify(order));
			if (!r.ok) throw new Error(r.error.code);
			expect((await row(r.value.responseId)).answers).toBe(sortedText);
		}
		expect(sortedText.startsWith('{"A1":3,"A2":3,')).toBe(true);
	});

	it('starts only one attempt when two first saves race', async () => {
		const riasec = instrument('riasec-48');
		const [a, b] = await Promise.all([startOrResume(db, alice, riasec), startOrResume(db, alice, riasec)]);
		expect(a.response.id).toBe(b.response.id);
		const open = await db.selectFrom('response').select('id').where('status', '=', 'in_progress').execute();
		expect(open).toHaveLength(1);
	});
});

describe('completeOpenOrNew', () => {
	const responsesOf = (userId: string) =>
		db.selectFrom('response').selectAll().where('user_id', '=', userId).orderBy('started_at').execute();

	it('without an open response stores one completed row, scored, with nothing stored unfinished', async () => {
		const at = new Date(Date.UTC(2026, 0, 15, 9, 30));
		const r = await completeOpenOrNew(db, alice, instrument('riasec-48'), JSON.stringify(riasecAnswers()), at);
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.repeated).toBe(false);
		const rows = await responsesOf(alice);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			id: r.value.responseId,
			instrument_id: 'riasec-48',
			instrument_version_id: instrument('riasec-48').versionId,
			status: 'completed',
			current_page: 0,
			started_at: at.toISOString(),
			updated_at: at.toISOString(),
			completed_at: at.toISOString()
		});
		expect(JSON.parse(rows[0].answers)).toEqual(riasecAnswers());
		expect(JSON.parse(rows[0].result!)).toEqual(r.value.result);
		expectRiasecRows(await scaleRows(r.value.responseId));
	});

	it('completes the open response when there is one, and stores no second row', async () => {
		const started = await startOrResume(db, alice, instrument('riasec-48'));
		const r = await completeOpenOrNew(db, alice, instrument('riasec-48'), JSON.stringify(riasecAnswers()));
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.responseId).toBe(started.response.id);
		const rows = await responsesOf(alice);
		expect(rows.map((x) => [x.id, x.status])).toEqual([[started.response.id, 'completed']]);
		expectRiasecRows(await scaleRows(started.response.id));
	});

	it('stores every one of many completions arriving at once (one group commit), each under its own id', async () => {
		const outcomes = await Promise.all(
			[alice, bob, alice, bob, alice].map((who, i) => completeOpenOrNew(db, who, instrument('riasec-48'), JSON.stringify(riasecAnswers({ R1: 1 + i }))))
		);
		const ids = outcomes.map((o) => (o.ok ? o.value.responseId : o.error.code));
		expect(new Set(ids).size).toBe(5);
		const stored = await db.selectFrom('response').select(['id', 'user_id', 'status', 'answers']).execute();
		expect(stored).toHaveLength(5);
		for (const [i, id] of ids.entries()) {
			const s = stored.find((x) => x.id === id)!;
			expect(s.status).toBe('completed');
			expect(s.user_id).toBe(i % 2 === 0 ? alice : bob);
			expect(JSON.parse(s.answers).R1).toBe(1 + i);
		}
	});

	it('refuses answers the form does not accept and stores nothing, without and with an open response', async () => {
		const refused = await completeOpenOrNew(db, alice, instrument('riasec-48'), JSON.stringify(riasecAnswers({ R1: 9 })));
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.error).toEqual({ code: 'response.error.invalid', field: 'R1' });
		expect(refused.errors?.[0]?.name).toBe('R1');
		expect(await responsesOf(alice)).toEqual([]);
		const started = await startOrResume(db, alice, instrument('riasec-48'));
		const again = await completeOpenOrNew(db, alice, instrument('riasec-48'), JSON.stringify(riasecAnswers({ R1: 9 })));
		expect(again).toMatchObject({ ok: false, error: { code: 'response.error.invalid', field: 'R1' } });
		expect((await responsesOf(alice)).map((x) => [x.id, x.status])).toEqual([[started.response.id, 'in_progress']]);
	});
});
