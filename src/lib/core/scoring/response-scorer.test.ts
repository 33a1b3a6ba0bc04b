// The compiled per-response scorer against `scoreResponse`, the path it replaces on the server: the
// same result, key for key, so the stored JSON text is byte-identical; on every shipped questionnaire
// and the R psych fixture (whose per-response scores are checked against R in psych-fixture.test.ts),
// with answers missing at random so unscored scales (too few answered) are covered too.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answers, Questionnaire } from '../questionnaire/types.ts';
import { compileResponseScorer, responseScorerOf } from './response-scorer.ts';
import { scoreResponse } from './score.ts';
import { createResponseReader } from '../batch/index.ts';
import { createCsvParser, type CsvRow } from '../csv/parse.ts';

const root = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const shipped = readdirSync(new URL('questionnaires/', root))
	.filter((f) => f.endsWith('.json') && f !== 'schema.json')
	.map((f) => JSON.parse(read(`questionnaires/${f}`)) as Questionnaire);
const fixture = JSON.parse(read('tests/fixtures/psych/psych-fixture.json')) as Questionnaire;
const byId = (id: string) => shipped.find((q) => q.id === id)!;

/** A small seeded generator (Park–Miller), so every run checks the same answer sets. */
function seeded(seed: number) {
	let s = seed;
	return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** Answers to every scale item: a value in the range (its ends included), missing with probability `missing`. */
function randomAnswers(q: Questionnaire, random: () => number, missing: number): Answers {
	const answers: Answers = {};
	for (const scale of q.scoring?.scales ?? []) {
		const [lo, hi] = scale.range;
		for (const item of scale.items) {
			if (random() < missing) continue;
			answers[item] = Math.min(hi, Math.ceil(lo) + Math.floor(random() * (Math.floor(hi) - Math.ceil(lo) + 1)));
		}
	}
	return answers;
}

/** The message `f` throws with. */
function messageOf(f: () => unknown): string {
	try {
		f();
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error('expected a throw');
}

describe('compileResponseScorer', () => {
	it('compiles every shipped questionnaire the plan covers, and leaves valueFrom scales to scoreResponse', () => {
		expect(shipped.map((q) => [q.id, compileResponseScorer(q) !== undefined])).toEqual([
			['big-five-ipip-50-cat', true],
			['big-five-ipip-50', true],
			['brainstorm-dream-jobs', true],
			['brainstorm-strengths', true],
			['others-view', true],
			['riasec-48', true],
			['study-habits', false],
			['work-values', true]
		]);
	});

	it.each([...shipped, fixture].map((q) => [q.id, q] as const))('%s: the same JSON as scoreResponse for 2,000 answer sets', (_, q) => {
		const score = responseScorerOf(q);
		const random = seeded(q.id.length * 7919);
		let unscored = 0;
		for (let n = 0; n < 2000; n++) {
			const answers = randomAnswers(q, random, [0, 0.02, 0.2, 0.6][n % 4]);
			const expected = scoreResponse(q, answers);
			const { result: got, json } = score(answers);
			expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
			expect(json).toBe(JSON.stringify(expected));
			unscored += got.scales.filter((s) => s.score === null).length;
		}
		// The missing answers left some scales unscored, where the questionnaire has scales.
		if ((q.scoring?.scales?.length ?? 0) > 0) expect(unscored).toBeGreaterThan(0);
	});

	it('gives the same JSON as scoreResponse for the 300 respondents of the R psych fixture', () => {
		const records: CsvRow[] = [];
		const parser = createCsvParser((r) => records.push(r));
		parser.push(read('tests/fixtures/psych/responses.csv'));
		parser.end();
		const reader = createResponseReader(records[0], fixture);
		const score = compileResponseScorer(fixture)!;
		for (const record of records.slice(1)) {
			const { answers } = reader.read(record);
			const expected = JSON.stringify(scoreResponse(fixture, answers));
			expect(JSON.stringify(score(answers).result)).toBe(expected);
			expect(score(answers).json).toBe(expected);
		}
		expect(records.length - 1).toBe(300);
	});

	it('reuses one frozen scale result per (total, answered), and returns results of their own otherwise', () => {
		const q = byId('riasec-48');
		const score = compileResponseScorer(q)!;
		const answers = randomAnswers(q, seeded(5), 0);
		const [a, b] = [score(answers).result, score({ ...answers }).result];
		expect(a).not.toBe(b);
		expect(a.scales).not.toBe(b.scales);
		expect(a.scales[0]).toBe(b.scales[0]);
		expect(Object.isFrozen(a.scales[0])).toBe(true);
		expect(Object.isFrozen(a.scales[0].band)).toBe(true);
		expect(() => {
			(a.scales[0] as { score: number | null }).score = 0;
		}).toThrow(TypeError);
		expect(b.scales[0]).toEqual(scoreResponse(q, answers).scales[0]);
	});

	it('refuses an answer outside the range or not a number with the message scoreResponse gives', () => {
		const q = byId('big-five-ipip-50');
		const score = compileResponseScorer(q)!;
		const item = q.scoring!.scales![0].items[0];
		for (const bad of [9, 'four', Number.NaN]) {
			const answers = { ...randomAnswers(q, seeded(11), 0), [item]: bad } as Answers;
			const expected = messageOf(() => scoreResponse(q, answers));
			expect(expected).toMatch(new RegExp(`^${q.scoring!.scales![0].id}: item ${item} has the`));
			expect(messageOf(() => score(answers))).toBe(expected);
		}
	});

	it('scores study-habits (valueFrom) through scoreResponse itself', () => {
		const q = byId('study-habits');
		expect(compileResponseScorer(q)).toBeUndefined();
		const answers = { 'help-seeking': undefined } as Answers;
		expect(responseScorerOf(q)(answers)).toEqual({ result: scoreResponse(q, answers), json: JSON.stringify(scoreResponse(q, answers)) });
		expect(responseScorerOf(q)).toBe(responseScorerOf(q));
	});
});
