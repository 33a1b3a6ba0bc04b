/** Norm-referenced scores (docs/questionnaire-format.md, "scales"): z, T, percentile, sten and the 90 % band. */
import type { Interval, Norm } from '../questionnaire/types.ts';
import { normalCdf } from './normal.ts';

/** z of the two-sided 90 % interval of the normal distribution: Φ⁻¹(0.95). */
export const Z90 = 1.645;

/**
 * z = (score − m) / s.
 * Reference: any psychometrics text, e.g. Crocker & Algina (1986), *Introduction to Classical and Modern Test Theory*, ch. 19.
 * @example zScore(3.5, 3, 1) // → 0.5
 */
export function zScore(score: number, mean: number, sd: number): number {
	if (!(sd > 0)) throw new Error(`the norm's sd must be > 0 (got ${sd})`);
	return (score - mean) / sd;
}

/**
 * T = 50 + 10z.
 * Reference: Crocker & Algina (1986), ch. 19 (linear T scores).
 * @example tScore(0.5) // → 55
 */
export function tScore(z: number): number {
	return 50 + 10 * z;
}

/**
 * Percentile = 100·Φ(z), assuming normally distributed scores in the norm population.
 * Reference: Crocker & Algina (1986), ch. 19 (normalised percentile ranks).
 * @example percentileOf(0) // → 50
 */
export function percentileOf(z: number): number {
	return 100 * normalCdf(z);
}

/**
 * sten = min(10, max(1, round(2z + 5.5))) with halves rounded up. 2z + 5.5 is rounded to 9 decimals first,
 * so that a score meant to sit exactly on a half (z = 0.5 computed as 0.49999999999999967) rounds up too.
 * Reference: Canfield (1951), "The 'sten' scale"; docs/questionnaire-format.md, "scales".
 * @example sten(0.5) // → 7   (2·0.5 + 5.5 = 6.5 → 7)
 */
export function sten(z: number): number {
	const x = Math.round((2 * z + 5.5) * 1e9) / 1e9;
	return Math.min(10, Math.max(1, Math.floor(x + 0.5)));
}

export interface NormedScore {
	z: number;
	t: number;
	percentile: number;
	sten: number;
}

/**
 * All norm-referenced values of a score: z = (score − m)/s, T = 50 + 10z, percentile = 100·Φ(z), sten.
 * Reference: docs/questionnaire-format.md, "scales".
 * @example applyNorm(3.5, { id: 'n', mean: 3, sd: 1 }) // → { z: 0.5, t: 55, percentile: 69.146…, sten: 7 }
 */
export function applyNorm(score: number, norm: Norm): NormedScore {
	const z = zScore(score, norm.mean, norm.sd);
	return { z, t: tScore(z), percentile: percentileOf(z), sten: sten(z) };
}

/**
 * The 90 % band around a score from the standard error of measurement SEM = s·√(1 − α):
 * score ± 1.645·SEM, with the same ends converted to T and percentile.
 * Reference: Harvill (1991), "Standard error of measurement", *Educational Measurement: Issues and Practice* 10(2).
 * @example ci90(3.5, { id: 'n', mean: 3, sd: 1 }, 0.84).score // → { low: 2.842, high: 4.158 }  (SEM = 0.4)
 */
export function ci90(score: number, norm: Norm, alpha: number): { score: Interval; t: Interval; percentile: Interval } {
	if (!(alpha > 0 && alpha < 1)) throw new Error(`reliability alpha must be between 0 and 1 (got ${alpha})`);
	const half = Z90 * norm.sd * Math.sqrt(1 - alpha);
	const [low, high] = [score - half, score + half];
	const [zLow, zHigh] = [zScore(low, norm.mean, norm.sd), zScore(high, norm.mean, norm.sd)];
	return {
		score: { low, high },
		t: { low: tScore(zLow), high: tScore(zHigh) },
		percentile: { low: percentileOf(zLow), high: percentileOf(zHigh) }
	};
}
