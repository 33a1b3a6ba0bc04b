import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../questionnaire/types.ts';
import { analyzeItems } from './analyze-items.ts';

const q: Questionnaire = {
	id: 'tiny',
	version: '2.0.0',
	kind: 'test',
	title: 'Tiny',
	survey: {},
	scoring: {
		scales: [
			{ id: 'x', title: 'X', items: ['i1', 'i2', 'i3'], reverse: ['i2'], range: [1, 5], method: 'mean' },
			{ id: 'flat', title: 'Flat', items: ['f1', 'f2'], range: [0, 4], method: 'sum' }
		]
	}
};

// Keyed (i2 → 6 − x): r1 1,1,2 · r2 2,3,3 · r3 3,3,3 · r4 4,5,5 · r5 5,–,4 (not complete)
const rows = [
	{ i1: 1, i2: 5, i3: 2, f1: 2, f2: 2 },
	{ i1: 2, i2: 3, i3: 3, f1: 2, f2: 2 },
	{ i1: 3, i2: 3, i3: 3, f1: 2 },
	{ i1: 4, i2: 1, i3: 5 },
	{ i1: 5, i3: 4, f2: null }
];

describe('analyzeItems', () => {
	const report = analyzeItems(q, rows);
	const x = report.scales[0];

	it('names the questionnaire and counts respondents', () => {
		expect(report).toMatchObject({ questionnaire: 'tiny', version: '2.0.0', respondents: 5 });
		expect(report.scales.map((s) => s.id)).toEqual(['x', 'flat']);
	});

	it('alpha and rDrop on the complete cases of the scale, keyed', () => {
		expect(x.n).toBe(4);
		// Σ var_i = (5 + 8 + 4.75)/3, var_total = 50.75/3 → 1.5 · (1 − 17.75/50.75) = 198/203
		expect(x.alpha).toBeCloseTo(198 / 203, 14);
		// i1 against the rest [3, 6, 6, 10]
		expect(x.items[0].rDrop).toBeCloseTo(10.5 / Math.sqrt(5 * 24.75), 14);
		// i2 (keyed 1,3,3,5) against the rest [3, 5, 6, 9]: sxy = 12, sxx = 8, syy = 18.75
		expect(x.items[1].rDrop).toBeCloseTo(12 / Math.sqrt(8 * 18.75), 14);
	});

	it('item n, mean and SD use every answer given (keyed); missing is a share of respondents', () => {
		expect(x.items[0]).toMatchObject({ name: 'i1', n: 5, mean: 3, missing: 0 });
		expect(x.items[0].sd).toBeCloseTo(Math.sqrt(2.5), 14);
		expect(x.items[1]).toMatchObject({ name: 'i2', n: 4, mean: 3, missing: 0.2 });
		expect(x.items[1].sd).toBeCloseTo(Math.sqrt(8 / 3), 14);
		expect(x.items[2].mean).toBeCloseTo(3.4, 14);
		expect(x.items[2].sd).toBeCloseTo(Math.sqrt(1.3), 14);
	});

	it('gives null, never NaN, when a statistic is undefined', () => {
		const flat = report.scales[1];
		// two complete cases, both items constant → alpha and rDrop undefined
		expect(flat).toMatchObject({ n: 2, alpha: null });
		expect(flat.items.map((i) => i.rDrop)).toEqual([null, null]);
		expect(flat.items[0]).toMatchObject({ n: 3, mean: 2, sd: 0, missing: 0.4 });
		expect(JSON.stringify(report)).not.toMatch(/NaN/);
	});

	it('handles no respondents', () => {
		const empty = analyzeItems(q, []);
		expect(empty.respondents).toBe(0);
		expect(empty.scales[0]).toMatchObject({ n: 0, alpha: null });
		expect(empty.scales[0].items[0]).toEqual({ name: 'i1', n: 0, mean: null, sd: null, rDrop: null, missing: null });
	});

	it('has no scales for a questionnaire without scoring', () => {
		expect(analyzeItems({ ...q, scoring: undefined }, rows).scales).toEqual([]);
	});
});
