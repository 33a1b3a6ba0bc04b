import { describe, it, expect } from 'vitest';
import { applyNorm, ci90, percentileOf, sten, tScore, zScore } from './norms.ts';

describe('zScore, tScore, percentileOf', () => {
	it.each([
		// score, mean, sd → z, T = 50 + 10z, percentile = 100·Φ(z)
		[3.5, 3, 1, 0.5, 55, 69.14624612740131], // z = 0.5/1; Φ(0.5) = 0.6914624612740131
		[2, 3, 0.5, -2, 30, 2.275013194817921], // z = −1/0.5; Φ(−2) = 0.02275013194817921
		[3, 3, 0.9, 0, 50, 50], // at the mean
		[4.96, 3, 1, 1.96, 69.6, 97.50021048517795] // z = 1.96 (within 1e-15); Φ(1.96) = 0.9750021048517795
	])('score %s with norm (%s, %s): z %s, T %s, percentile %s', (score, m, s, z, t, p) => {
		expect(zScore(score, m, s)).toBeCloseTo(z, 12);
		expect(tScore(zScore(score, m, s))).toBeCloseTo(t, 12);
		expect(percentileOf(zScore(score, m, s))).toBeCloseTo(p, 10);
	});

	it('refuses sd <= 0', () => {
		expect(() => zScore(1, 0, 0)).toThrow("the norm's sd must be > 0 (got 0)");
	});
});

describe('sten = min(10, max(1, round(2z + 5.5))), halves up', () => {
	it.each([
		[0.5, 7], // 2·0.5 + 5.5 = 6.5 → 7 (half rounds up)
		[-0.5, 5], // −1 + 5.5 = 4.5 → 5
		[0, 6], // 5.5 → 6
		[-0.26, 5], // −0.52 + 5.5 = 4.98 → 5
		[0.24, 6], // 0.48 + 5.5 = 5.98 → 6
		[2.25, 10], // 4.5 + 5.5 = 10 → 10
		[3, 10], // 11.5 → 12, capped at 10
		[-3, 1], // −0.5 → 0, raised to 1
		[-2.25, 1] // −4.5 + 5.5 = 1 → 1
	])('z = %s → sten %s', (z, expected) => {
		expect(sten(z)).toBe(expected);
	});

	it('treats a half blurred by floating point as a half', () => {
		// score 3.3, norm (3, 0.6): z should be 0.3/0.6 = 0.5, but (3.3 − 3)/0.6 = 0.49999999999999967 in doubles.
		const z = zScore(3.3, 3, 0.6);
		expect(z).toBeLessThan(0.5);
		expect(sten(z)).toBe(7);
	});
});

describe('applyNorm', () => {
	it('gives z, T, percentile and sten together', () => {
		expect(applyNorm(3.5, { id: 'n', mean: 3, sd: 1 })).toEqual({ z: 0.5, t: 55, percentile: expect.closeTo(69.14624612740131, 10), sten: 7 });
	});
});

describe('ci90: score ± 1.645·SEM with SEM = sd·√(1 − α)', () => {
	it('α = 0.84, sd 1: SEM = √0.16 = 0.4, half-width 1.645·0.4 = 0.658', () => {
		const band = ci90(3.5, { id: 'n', mean: 3, sd: 1 }, 0.84);
		expect(band.score.low).toBeCloseTo(2.842, 12); // 3.5 − 0.658
		expect(band.score.high).toBeCloseTo(4.158, 12); // 3.5 + 0.658
		expect(band.t.low).toBeCloseTo(48.42, 10); // z = −0.158 → 50 − 1.58
		expect(band.t.high).toBeCloseTo(61.58, 10); // z = 1.158 → 50 + 11.58
		expect(band.percentile.low).toBeCloseTo(43.7228399357741, 9); // 100·Φ(−0.158)
		expect(band.percentile.high).toBeCloseTo(87.6567981792909, 9); // 100·Φ(1.158)
	});

	it('α = 0.75, sd 2, norm mean 10: SEM = 2·0.5 = 1, band 12 ± 1.645', () => {
		const band = ci90(12, { id: 'n', mean: 10, sd: 2 }, 0.75);
		expect(band.score).toEqual({ low: expect.closeTo(10.355, 12), high: expect.closeTo(13.645, 12) });
		// z ends: (10.355 − 10)/2 = 0.1775, (13.645 − 10)/2 = 1.8225 → T 51.775, 68.225
		expect(band.t).toEqual({ low: expect.closeTo(51.775, 10), high: expect.closeTo(68.225, 10) });
	});

	it('refuses alpha outside (0, 1)', () => {
		expect(() => ci90(1, { id: 'n', mean: 0, sd: 1 }, 1)).toThrow('between 0 and 1');
	});
});
