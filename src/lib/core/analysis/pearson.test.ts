import { describe, it, expect } from 'vitest';
import { centre, pearson } from './correlation.ts';

describe('pearson', () => {
	it('is 1 for a perfect positive linear relation: y = 2x', () => {
		expect(pearson([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12])).toBeCloseTo(1, 12);
	});

	it('is −1 for the reversed vector', () => {
		expect(pearson([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1])).toBeCloseTo(-1, 12);
	});

	it('matches a hand-worked value with equal variances', () => {
		// x = [1,2,3,4,5,6], y = [2,1,4,3,6,5]; x̄ = ȳ = 3.5
		// dx = [-2.5,-1.5,-0.5,0.5,1.5,2.5], dy = [-1.5,-2.5,0.5,-0.5,2.5,1.5]
		// Σdx·dy = 3.75 + 3.75 − 0.25 − 0.25 + 3.75 + 3.75 = 14.5
		// Σdx² = Σdy² = 6.25 + 2.25 + 0.25 + 0.25 + 2.25 + 6.25 = 17.5
		// r = 14.5 / √(17.5 · 17.5) = 29/35
		expect(pearson([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5])).toBeCloseTo(29 / 35, 12);
	});

	it('matches a hand-worked value with unequal variances', () => {
		// x = [1,2,3], y = [2,4,7]; x̄ = 2, ȳ = 13/3
		// dx = [-1,0,1], dy = [-7/3,-1/3,8/3]
		// Σdx·dy = 7/3 + 0 + 8/3 = 5; Σdx² = 2; Σdy² = (49 + 1 + 64)/9 = 38/3
		// r = 5 / √(2 · 38/3) = 5 / √(76/3) ≈ 0.99339926779878
		expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(76 / 3), 12);
		expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(0.99339926779878, 12);
	});

	it('is symmetric and invariant to positive linear rescaling (1–5 vs 1–7 scales)', () => {
		const a = [1.5, 2, 3.25, 4.75, 4, 2.5];
		const b = [2.1, 3.3, 1.7, 6.2, 5.5, 3.0];
		const r = pearson(a, b)!;
		expect(pearson(b, a)).toBeCloseTo(r, 14);
		expect(pearson(a.map((x) => 1 + ((x - 1) * 6) / 4), b)).toBeCloseTo(r, 12);
	});

	it.each([
		['x constant', [3, 3, 3, 3, 3, 3], [1, 2, 3, 4, 5, 6]],
		['y constant', [1, 2, 3, 4, 5, 6], [7, 7, 7, 7, 7, 7]],
		['both constant', [0, 0], [0, 0]],
		['x constant up to float noise', [0.1 + 0.2, 0.3, 0.3], [1, 2, 3]],
		['large constant values', [1e6, 1e6, 1e6 + 1e-7], [1, 2, 3]]
	])('returns null, never NaN, when %s', (_, x, y) => {
		expect(pearson(x, y)).toBeNull();
	});

	it('is null with fewer than two pairs', () => {
		expect(pearson([1], [2])).toBeNull();
		expect(pearson([], [])).toBeNull();
	});

	it('centres in two passes: mean, Σ(x − x̄)² and constancy, hand-worked', () => {
		// [1, 2, 6]: x̄ = 3; deviations −2, −1, 3; Σ = 4 + 1 + 9 = 14
		expect(centre([1, 2, 6])).toEqual({ mean: 3, ss: 14, constant: false });
		expect(centre(new Float64Array([5, 5]))).toEqual({ mean: 5, ss: 0, constant: true });
	});

	it('stays within [−1, 1]', () => {
		const x = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
		const r = pearson(x, x.map((v) => v * 3 + 0.7))!;
		expect(r).toBeLessThanOrEqual(1);
		expect(r).toBeCloseTo(1, 12);
	});

	it.each([
		['unequal lengths', [1, 2, 3], [1, 2], /x has 3 values, y has 2/],
		['NaN', [1, NaN, 3], [1, 2, 3], /finite/],
		['Infinity', [1, 2, 3], [1, Infinity, 3], /finite/]
	])('throws on %s', (_, x, y, message) => {
		expect(() => pearson(x, y)).toThrow(message);
	});
});
