// Taking the adaptive big-five-ipip-50-cat below HTTP: real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL), the real questionnaires through the registry. A simulated person answers from the
// shipped parameters; every number is checked against the core computed independently from the answers.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { loadRegistry, type Registry } from './registry';
import { insertUser } from '../repositories/users';
import type { ScoredResult } from '$lib/core/questionnaire/types';
import { adaptiveTest } from '$lib/core/irt/adaptive';
import { indexBank, scaleEstimate } from '$lib/core/irt/cat';
import { categoryProbabilities } from '$lib/core/irt/grm';
import { seededRandom } from '$lib/core/irt/random';
import { normalCdf } from '$lib/core/scoring/normal';
import { adaptiveProgress, answerAdaptive, replayAdaptiveResult, statementView } from './adaptive';
import { completeOpenOrNew, saveProgress } from './responses';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');
const ID = 'big-five-ipip-50-cat';

let db: Db;
let registry: Registry;
let alice: string;

beforeEach(async () => {
	db = await createTestDb();
	registry = await loadRegistry(db, QUESTIONNAIRES);
	expect(registry.refused).toEqual([]);
	alice = crypto.randomUUID();
	await insertUser(db, { id: alice, email: 'alice@example.org', password_hash: 'not-used-here', role: 'client', display_name: null, locale: null, created_at: new Date().toISOString() });
});

afterEach(async () => {
	await db.destroy();
});

const instrument = () => registry.instruments.get(ID)!;
const row = () => db.selectFrom('response').selectAll().where('user_id', '=', alice).executeTakeFirstOrThrow();

/** A person at the given θ on every scale, answering the most likely category of each item (raw value). */
function person(theta: number) {
	const { bank } = adaptiveTest(instrument().questionnaire)!;
	const index = indexBank(bank);
	return (item: string) => {
		const { item: it } = index.get(item)!;
		const p = categoryProbabilities(it, theta);
		const k = p.indexOf(Math.max(...p));
		return it.reverse ? bank.max - k : bank.min + k;
	};
}

describe('adaptive test on the server', () => {
	it('chooses statements one at a time, saves each answer, and completes with θ, T, percentile and band', async () => {
		const q = instrument().questionnaire;
		const { bank } = adaptiveTest(q)!;
		const answer = person(0.8);
		const shown: string[] = [];
		let done = false;
		for (let i = 0; i < 60 && !done; i++) {
			const open = await db.selectFrom('response').selectAll().where('user_id', '=', alice).executeTakeFirst();
			const answers = open ? JSON.parse(open.answers) : {};
			const progress = adaptiveProgress(q, alice, answers);
			expect(progress.steps).toHaveLength(shown.length);
			const item = progress.next[0];
			// the page shows the statement's own text and answers, nothing of the scoring
			const view = statementView(q, item, 'da');
			expect(view.choices.map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
			expect(view.title.length).toBeGreaterThan(5);
			shown.push(item);
			const r = await answerAdaptive(db, alice, instrument(), { item, value: String(answer(item)) });
			expect(r.ok).toBe(true);
			if (r.ok) done = r.value.done;
			if (!done) expect((await row()).current_page).toBe(shown.length);
		}
		expect(done).toBe(true);
		expect(shown.length).toBeGreaterThanOrEqual(15);
		expect(shown.length).toBeLessThanOrEqual(30);
		const stored = await row();
		expect(stored.status).toBe('completed');
		const result = JSON.parse(stored.result!) as ScoredResult;
		expect(result.adaptive?.used).toBe(shown.length);
		expect(result.adaptive?.of).toBe(50);
		expect(result.adaptive?.steps.map((s) => s.item)).toEqual(shown);
		// stored answers are exactly the statements shown
		expect(Object.keys(JSON.parse(stored.answers)).sort()).toEqual([...shown].sort());
		const answers = new Map(shown.map((item) => [item, answer(item)]));
		for (const scale of bank.scales) {
			const s = result.scales.find((x) => x.id === scale.id)!;
			const e = scaleEstimate(bank, scale, answers);
			expect(s.score).toBeCloseTo(e.theta, 4);
			expect(s.t).toBeCloseTo(50 + 10 * e.theta, 2);
			expect(s.percentile).toBeCloseTo(100 * normalCdf(e.theta), 2);
			expect(s.ci90!.score.low).toBeCloseTo(e.theta - 1.645 * e.se, 3);
			expect(s.ci90!.score.high).toBeCloseTo(e.theta + 1.645 * e.se, 3);
			expect(s.adaptive).toEqual({ items: shown.filter((i) => scale.items.some((x) => x.id === i)).length, of: 10, se: Number(e.se.toFixed(4)) });
			expect(s.band?.label).toBeDefined();
		}
		// read back: the stored steps replay to the same θ and SE; a changed one does not
		expect(replayAdaptiveResult(q, result)).toBeUndefined();
		const changed = structuredClone(result);
		changed.adaptive!.steps[2].value = changed.adaptive!.steps[2].value === 1 ? 5 : 1;
		expect(replayAdaptiveResult(q, changed)?.step).toBe(2);
		// the whole-form completion refuses an adaptive test
		const whole = await completeOpenOrNew(db, alice, instrument(), JSON.stringify({ EXT1: 3 }));
		expect(whole.ok).toBe(false);
		if (!whole.ok) expect(whole.error.code).toBe('response.error.adaptive');
	});

	it('resumes where it stopped, ignores a stale answer, and refuses an answer out of range without saving', async () => {
		const q = instrument().questionnaire;
		const first = adaptiveProgress(q, alice, {}).next[0];
		expect((await answerAdaptive(db, alice, instrument(), { item: first, value: '4' })).ok).toBe(true);
		const saved = JSON.parse((await row()).answers);
		expect(saved).toEqual({ [first]: 4 });
		// after a pause: the same answers give the same next statement
		const second = adaptiveProgress(q, alice, saved).next[0];
		expect(adaptiveProgress(q, alice, JSON.parse((await row()).answers)).next[0]).toBe(second);
		expect(second).not.toBe(first);
		// the first statement again (a second click, an old page): nothing changes
		const stale = await answerAdaptive(db, alice, instrument(), { item: first, value: '1' });
		expect(stale).toMatchObject({ ok: true, value: { stale: true, done: false } });
		expect(JSON.parse((await row()).answers)).toEqual({ [first]: 4 });
		const bad = await answerAdaptive(db, alice, instrument(), { item: second, value: '9' });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.error).toMatchObject({ code: 'response.error.invalid', field: second });
		expect(JSON.parse((await row()).answers)).toEqual({ [first]: 4 });
		// the whole-form save cannot put answers into an adaptive test
		const save = await saveProgress(db, alice, { instrumentId: ID, responseId: (await row()).id, answers: JSON.stringify({ [first]: 4, [second]: 5 }), page: 1 });
		expect(save.ok).toBe(false);
		if (!save.ok) expect(save.error.code).toBe('response.error.adaptive');
		expect(JSON.parse((await row()).answers)).toEqual({ [first]: 4 });
		// another person gets their own randomesque choices: over a few people the first statement varies
		const firsts = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((u) => adaptiveProgress(q, u, {}).next[0]));
		expect(firsts.size).toBeGreaterThan(1);
		expect(seededRandom(1)()).toBe(seededRandom(1)());
	});
});
