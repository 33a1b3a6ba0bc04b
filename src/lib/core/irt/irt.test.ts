// The graded response model, EAP, MML-EM calibration and the adaptive rule, against hand-worked values, an
// independent computation (tests/fixtures/irt/eap-reference.json, made by a base-R script with R's own adaptive
// quadrature) and recovery of parameters chosen here from simulated respondents.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrateGraded } from './calibrate.ts';
import { completeRule, keyed, nextItems, recordSteps, replayMismatch, resumeCat, runCat, scaleStates, type Bank } from './cat.ts';
import { eap } from './eap.ts';
import { categoryProbabilities, itemInformation, logistic, type GradedItem } from './grm.ts';
import { normalGrid } from './quadrature.ts';
import { normalDraw, seededRandom } from './random.ts';

const reference = JSON.parse(readFileSync(new URL('../../../../tests/fixtures/irt/eap-reference.json', import.meta.url), 'utf8')) as {
	items: { id: string; a: number; b: number[] }[];
	cases: { answers: (number | null)[]; theta: number; se: number }[];
};

describe('graded response model', () => {
	it('gives the category probabilities worked by hand', () => {
		expect(categoryProbabilities({ a: 1, b: [0] }, 0)).toEqual([0.5, 0.5]);
		// a = 2, b = (−1, 1) at θ = 0: P(X > 1) = 1/(1 + e^−2) = 0.880797, P(X > 2) = 1/(1 + e^2) = 0.119203
		const p = categoryProbabilities({ a: 2, b: [-1, 1] }, 0);
		expect(p[0]).toBeCloseTo(0.119203, 6);
		expect(p[1]).toBeCloseTo(0.761594, 6);
		expect(p[2]).toBeCloseTo(0.119203, 6);
		expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
		expect(logistic(-800)).toBe(0);
		expect(logistic(800)).toBe(1);
	});

	it('gives the item information worked by hand and by numerical differentiation', () => {
		// Two categories: I = a²·P·Q; at θ = b it is a²/4.
		expect(itemInformation({ a: 2, b: [0] }, 0)).toBeCloseTo(1, 14);
		// Three categories at θ = 0: P′₁ = −w, P′₂ = 0, P′₃ = w with w = 2·0.880797·0.119203 = 0.209987;
		// I = 2·w²/0.119203 = 2 · 0.0440945/0.119203 = 0.739824
		expect(itemInformation({ a: 2, b: [-1, 1] }, 0)).toBeCloseTo(0.739824, 5);
		const item: GradedItem = { a: 1.4, b: [-1.7, -0.3, 0.6, 2.1] };
		for (const theta of [-2.5, -0.4, 0.9, 3]) {
			const h = 1e-5;
			const up = categoryProbabilities(item, theta + h);
			const down = categoryProbabilities(item, theta - h);
			const mid = categoryProbabilities(item, theta);
			const numeric = mid.reduce((s, p, k) => s + ((up[k] - down[k]) / (2 * h)) ** 2 / p, 0);
			expect(itemInformation(item, theta)).toBeCloseTo(numeric, 6);
		}
	});
});

describe('EAP', () => {
	it('equals the base-R computation with adaptive quadrature (integrate) to 1e-5', () => {
		for (const c of reference.cases) {
			const answers = c.answers.flatMap((value, i) => (value === null ? [] : [{ item: reference.items[i], value }]));
			const e = eap(answers);
			expect(Math.abs(e.theta - c.theta)).toBeLessThan(1e-5);
			expect(Math.abs(e.se - c.se)).toBeLessThan(1e-5);
		}
	});

	it('is the prior without answers and refuses an answer outside 1…K', () => {
		const e = eap([], normalGrid(201, 8));
		expect(e.theta).toBeCloseTo(0, 12);
		expect(e.se).toBeCloseTo(1, 6);
		expect(() => eap([{ item: { a: 1, b: [0, 1] }, value: 4 }])).toThrow('1…3');
	});
});

/** `n` respondents × items simulated from the model (θ ~ N(0, 1)), a share of answers left missing. */
function simulate(items: GradedItem[], n: number, seed: number, missing = 0): Uint8Array {
	const random = seededRandom(seed);
	const data = new Uint8Array(n * items.length);
	const p: number[] = [];
	for (let i = 0; i < n; i++) {
		const theta = normalDraw(random);
		items.forEach((item, j) => {
			categoryProbabilities(item, theta, p);
			let u = random();
			let k = 0;
			while (k < p.length - 1 && u > p[k]) u -= p[k++];
			data[i * items.length + j] = random() < missing ? 0 : k + 1;
		});
	}
	return data;
}

describe('MML-EM calibration', () => {
	// Ten items of five categories, spread as in personality scales (a from 0.8 to 2.15).
	const truth: GradedItem[] = Array.from({ length: 10 }, (_, j) => ({
		a: 0.8 + 0.15 * j,
		b: [-2.2 + 0.1 * j, -0.9 + 0.05 * j, 0.1 + 0.08 * j, 1.4 + 0.05 * j]
	}));

	it('recovers known parameters from 5,000 simulated respondents: RMSE ≤ 0.08 for a, ≤ 0.15 for b', () => {
		const result = calibrateGraded(simulate(truth, 5000, 20261208), 10, 5);
		expect(result.converged).toBe(true);
		expect(result.n).toBe(5000);
		const rmse = (pairs: [number, number][]) => Math.sqrt(pairs.reduce((s, [x, y]) => s + (x - y) ** 2, 0) / pairs.length);
		const rmseA = rmse(result.items.map((item, j) => [item.a, truth[j].a]));
		const rmseB = rmse(result.items.flatMap((item, j) => item.b.map((b, m): [number, number] => [b, truth[j].b[m]])));
		expect(rmseA).toBeLessThan(0.08);
		expect(rmseB).toBeLessThan(0.15);
		for (const item of result.items) {
			expect(item.n).toBe(5000);
			// the model reproduces each item's answer distribution
			item.observed.forEach((o, k) => expect(Math.abs(o - item.expected[k])).toBeLessThan(0.02));
		}
	});

	it('uses the answers given and leaves missing ones out (20 % missing, 3,000 respondents)', () => {
		const items = truth.slice(0, 5);
		const result = calibrateGraded(simulate(items, 3000, 7, 0.2), 5, 5);
		expect(result.converged).toBe(true);
		for (const [j, item] of result.items.entries()) {
			expect(item.n).toBeGreaterThan(2250);
			expect(item.n).toBeLessThan(2550);
			expect(Math.abs(item.a - items[j].a)).toBeLessThan(0.25);
			item.b.forEach((b, m) => expect(Math.abs(b - items[j].b[m])).toBeLessThan(0.35));
		}
	});

	it('refuses data that do not fit the scale', () => {
		expect(() => calibrateGraded([1, 2, 3], 2, 5)).toThrow('multiple of 2');
		expect(() => calibrateGraded([0, 0, 0, 0], 2, 5)).toThrow('no respondent');
		expect(() => calibrateGraded([1, 6], 2, 5)).toThrow('1…5');
	});
});

describe('the adaptive rule', () => {
	// Two scales; answers 1…5, x2 and y1 reversed.
	const bank: Bank = {
		min: 1,
		max: 5,
		scales: [
			{
				id: 'x',
				items: [
					{ id: 'x1', a: 1.0, b: [-2, -1, 0, 1], reverse: false },
					{ id: 'x2', a: 2.5, b: [-1.5, -0.5, 0.5, 1.5], reverse: true },
					{ id: 'x3', a: 1.8, b: [-1, 0, 1, 2], reverse: false },
					{ id: 'x4', a: 0.7, b: [-2, -1, 1, 2], reverse: false }
				]
			},
			{
				id: 'y',
				items: [
					{ id: 'y1', a: 1.5, b: [-1, 0, 1, 2], reverse: true },
					{ id: 'y2', a: 2.2, b: [-2, -1, 0, 1], reverse: false },
					{ id: 'y3', a: 0.9, b: [-1, 0, 1, 2], reverse: false }
				]
			}
		]
	};
	const rule = completeRule(bank, { se: 0.5, minItems: 2 });
	const first = () => 0;

	it('fills in the defaults: SE 0.40, at least 4, at most all items, the best item, one per step', () => {
		expect(completeRule(bank)).toEqual({ se: 0.4, minItems: 4, maxItems: 4, randomesque: 1, perStep: 1 });
	});

	it('turns reversed answers round', () => {
		expect(keyed(bank, bank.scales[0].items[1], 5)).toBe(1);
		expect(keyed(bank, bank.scales[0].items[0], 5)).toBe(5);
	});

	it('picks the most informative item at θ = 0 and rotates across scales (content balancing)', () => {
		expect(nextItems(bank, rule, [], first)).toEqual(['x2']); // a = 2.5, thresholds around 0
		const afterX = recordSteps(bank, [], [{ item: 'x2', value: 3 }]);
		expect(nextItems(bank, rule, afterX, first)).toEqual(['y2']); // y has fewer statements
		expect(nextItems(bank, { ...rule, perStep: 2 }, [], first)).toEqual(['x2', 'y2']);
	});

	it('chooses among the best few at random (randomesque) with the caller’s random numbers', () => {
		const r3 = { ...rule, randomesque: 3 };
		// at θ = 0 the order in x is x2 (2.5), x3 (1.8), x1 (1.0)
		expect(nextItems(bank, r3, [], () => 0.99)).toEqual(['x1']);
		expect(nextItems(bank, r3, [], () => 0.5)).toEqual(['x3']);
		const order = bank.scales[0].items.map((i) => [i.id, itemInformation(i, 0)] as const).sort((p, q) => q[1] - p[1]);
		expect(order.map(([id]) => id).slice(0, 3)).toEqual(['x2', 'x3', 'x1']);
	});

	it('records θ and SE after each answer as the EAP of the scale’s keyed answers so far, and replays exactly', () => {
		const steps = recordSteps(bank, [], [
			{ item: 'x2', value: 5 },
			{ item: 'y2', value: 4 },
			{ item: 'x3', value: null },
			{ item: 'x1', value: 2 }
		]);
		const x = bank.scales[0].items;
		const y = bank.scales[1].items;
		expect(steps[0]).toMatchObject(eap([{ item: x[1], value: 1 }]));
		expect(steps[1]).toMatchObject(eap([{ item: y[1], value: 4 }]));
		expect(steps[2]).toMatchObject(eap([{ item: x[1], value: 1 }])); // skipped: no new information
		expect(steps[3]).toMatchObject(eap([{ item: x[0], value: 2 }, { item: x[1], value: 1 }]));
		expect(replayMismatch(bank, steps)).toBeUndefined();
		const tampered = steps.map((s, i) => (i === 3 ? { ...s, theta: s.theta + 0.01 } : s));
		expect(replayMismatch(bank, tampered)?.step).toBe(3);
		expect(() => recordSteps(bank, steps, [{ item: 'x2', value: 1 }])).toThrow('twice');
		expect(() => recordSteps(bank, [], [{ item: 'x9', value: 1 }])).toThrow('not in the item bank');
		expect(() => recordSteps(bank, [], [{ item: 'x1', value: 6 }])).toThrow('1…5');
	});

	it('resumes from answers alone: the same statements in the same order, a block part-answered shows what is left', () => {
		const answers = new Map([['x2', 4], ['y2', 2], ['x3', 5]]);
		const resumed = resumeCat(bank, rule, answers, () => 0);
		expect(resumed.steps.map((s) => s.item)).toEqual(['x2', 'y2', 'x3']);
		expect(resumed.steps).toEqual(recordSteps(bank, [], resumed.steps));
		expect(resumed.stray).toEqual([]);
		const block = resumeCat(bank, { ...rule, perStep: 2 }, new Map([['x2', 4]]), () => 0);
		expect(block.steps).toEqual([]);
		expect(block.next).toEqual(['y2']);
		expect(resumeCat(bank, rule, new Map([['x4', 1]]), () => 0).stray).toEqual(['x4']);
	});

	it('stops a scale at SE ≤ the target after the minimum, at the maximum, or when its items run out', () => {
		// Extreme answers leave SE high: the scale runs to its maximum.
		const capped = runCat(bank, { ...rule, se: 0.01, maxItems: 3 }, () => 5, first);
		expect(capped.scales.map((s) => s.presented.length)).toEqual([3, 3]);
		const all = runCat(bank, { ...rule, se: 0.01 }, () => 3, first);
		expect(all.scales.map((s) => s.presented.length)).toEqual([4, 3]);
		// A generous target stops each scale right at the minimum of 2 answers.
		const early = runCat(bank, { ...rule, se: 0.99 }, () => 3, first);
		expect(early.scales.map((s) => [s.answered, s.done])).toEqual([[2, true], [2, true]]);
		expect(early.steps.map((s) => s.item)).toEqual(['x2', 'y2', nextAfter('x2', 3), nextAfter('y2', 3)]);
		const states = scaleStates(bank, { ...rule, se: 0.99 }, early.steps);
		expect(states.every((s) => s.done)).toBe(true);
	});

	/** The most informative remaining item of the same scale after a middle answer to `item`. */
	function nextAfter(item: string, value: number): string {
		const scale = bank.scales.find((s) => s.items.some((i) => i.id === item))!;
		const theta = recordSteps(bank, [], [{ item, value }])[0].theta;
		return scale.items.filter((i) => i.id !== item).sort((p, q) => itemInformation(q, theta) - itemInformation(p, theta))[0].id;
	}
});
