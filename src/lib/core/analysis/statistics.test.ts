import { describe, expect, it } from 'vitest';
import { answerDistribution } from './distribution.ts';
import { longestRun } from './careless.ts';
import { correctedItemTotal } from './item-total.ts';
import { cronbachAlpha } from './cronbach-alpha.ts';
import { describeItem, mean, sampleVariance } from './descriptive.ts';
import { pearson } from './correlation.ts';

describe('mean, sampleVariance, describeItem', () => {
	it.each([
		['empty', [], null, null],
		['one value', [4], 4, null],
		['1,2,3,6', [1, 2, 3, 6], 3, 14 / 3],
		['constant', [2, 2, 2], 2, 0],
		// A large offset loses nothing with the two-pass formula: var(1e9 + [1,2,3,6]) = 14/3.
		['large offset', [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 6], 1e9 + 3, 14 / 3]
	] as const)('%s', (_, values, m, v) => {
		expect(mean(values)).toBe(m);
		const variance = sampleVariance(values);
		if (v === null) expect(variance).toBeNull();
		else expect(variance).toBeCloseTo(v, 12);
	});

	it('describeItem gives n, mean and the sample SD (n − 1)', () => {
		expect(describeItem([1, 2, 3, 6])).toEqual({ n: 4, mean: 3, sd: Math.sqrt(14 / 3) });
		expect(describeItem([5])).toEqual({ n: 1, mean: 5, sd: null });
		expect(describeItem([])).toEqual({ n: 0, mean: null, sd: null });
	});
});

describe('pearson', () => {
	it('hand-worked: sxy = 7.5, sxx = 2, syy = 12.667', () => {
		// x̄ = 2, ȳ = 13/3; Σdxdy = 5, Σdx² = 2, Σdy² = 38/3 → r = 5 / √(76/3)
		expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(76 / 3), 14);
	});
	it('is ±1 for exact linear relations', () => {
		expect(pearson([1, 2, 3, 4], [10, 8, 6, 4])).toBeCloseTo(-1, 14);
	});
	it('is null when undefined, never NaN', () => {
		expect(pearson([1], [2])).toBeNull();
		expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
	});
	it('throws on lists of different length', () => {
		expect(() => pearson([1, 2], [1])).toThrow(/x has 2 values, y has 1/);
	});
});

describe('cronbachAlpha', () => {
	it('hand-worked 4 × 2: k/(k−1)·(1 − (5/3 + 4.75/3) / 6.25) = 0.96', () => {
		expect(cronbachAlpha([[1, 2], [2, 3], [3, 3], [4, 5]])).toBeCloseTo(0.96, 14);
	});
	it('hand-worked 4 × 3: 1.5 · (1 − 17.75 / 50.75) = 198/203', () => {
		expect(cronbachAlpha([[1, 1, 2], [2, 3, 3], [3, 3, 3], [4, 5, 5]])).toBeCloseTo(198 / 203, 14);
	});
	it('is 1 for perfectly parallel items and can be negative', () => {
		expect(cronbachAlpha([[1, 1], [2, 2], [3, 3]])).toBeCloseTo(1, 14);
		// items negatively related: var_i = 1, 1, total constant → undefined; slightly off → negative
		expect(cronbachAlpha([[1, 3], [2, 2], [3, 2]])).toBeLessThan(0);
	});
	it.each([
		['one item', [[1], [2], [3]]],
		['one respondent', [[1, 2, 3]]],
		['no respondents', []],
		['zero total variance', [[1, 3], [2, 2], [3, 1]]]
	])('is null when undefined: %s', (_, m) => {
		expect(cronbachAlpha(m)).toBeNull();
	});
	it('throws on ragged matrices', () => {
		expect(() => cronbachAlpha([[1, 2], [1]])).toThrow(/row 1 has 1 values/);
	});
});

describe('correctedItemTotal', () => {
	it('hand-worked: item 1 against the rest [3, 6, 6, 10] → 10.5 / √(5 · 24.75)', () => {
		const r = correctedItemTotal([[1, 1, 2], [2, 3, 3], [3, 3, 3], [4, 5, 5]]);
		expect(r[0]).toBeCloseTo(10.5 / Math.sqrt(5 * 24.75), 14);
		expect(r).toHaveLength(3);
	});
	it('is null for a constant item or a single item, never NaN', () => {
		expect(correctedItemTotal([[1, 3, 2], [2, 3, 3], [3, 3, 5]])[1]).toBeNull();
		expect(correctedItemTotal([[1], [2], [3]])).toEqual([null]);
		expect(correctedItemTotal([[1, 2]])).toEqual([null, null]);
	});
});

describe('answerDistribution', () => {
	it('counts every value of the range, skipping missing answers', () => {
		expect(answerDistribution([1, 3, 3, null, 5, undefined], [1, 5])).toEqual([
			{ value: 1, count: 1 },
			{ value: 2, count: 0 },
			{ value: 3, count: 2 },
			{ value: 4, count: 0 },
			{ value: 5, count: 1 }
		]);
	});
	it('works for ranges that do not start at 1', () => {
		expect(answerDistribution([0, 0, 4], [0, 4]).map((c) => c.count)).toEqual([2, 0, 0, 0, 1]);
	});
	it('throws on values outside the range or non-integers', () => {
		expect(() => answerDistribution([6], [1, 5])).toThrow(/6 is not an integer in \[1, 5\]/);
		expect(() => answerDistribution([2.5], [1, 5])).toThrow(/2.5/);
		expect(() => answerDistribution([], [5, 1])).toThrow(/lo <= hi/);
	});
});

describe('longestRun', () => {
	it.each([
		[[], 0],
		[[null, undefined], 0],
		[[3], 1],
		[[1, 2, 3, 4], 1],
		[[3, 3, 4, 4, 4, null, 4], 3],
		[[5, 5, 5, 5, 5], 5],
		[[2, 2, null, 2, 2, 2, 1], 3],
		[['a', 'a', 'b'], 2]
	] as const)('%j → %d', (values, expected) => {
		expect(longestRun(values)).toBe(expected);
	});
});
