/** How well an opportunity fits, in words; the UI translates these. */
export type FitLevel = 'very-good' | 'good' | 'some' | 'weak';

/** Lower bounds of the fit levels (Pearson r, compared after rounding to two decimals). */
export const FIT_THRESHOLDS: readonly { level: Exclude<FitLevel, 'weak'>; min: number }[] = [
	{ level: 'very-good', min: 0.8 },
	{ level: 'good', min: 0.6 },
	{ level: 'some', min: 0.4 }
];

/**
 * Puts a fit (Pearson r of the two RIASEC profiles) into words: very good (r ≥ .80), good (≥ .60),
 * some (≥ .40), otherwise weak. r is rounded to two decimals first, so the words always agree with
 * the number shown next to them (0.799 is shown as 0.80 and called very good).
 *
 * These are Spejl's conventions for explaining a correlation between two six-value profiles, not
 * published cut-offs; they follow the usual reading of r (≥ .8 very strong, ≥ .6 strong, ≥ .4 moderate).
 * @example fitLevel(0.8234) // → 'very-good'
 */
export function fitLevel(r: number): FitLevel {
	const rounded = Math.round(r * 100) / 100;
	return FIT_THRESHOLDS.find((t) => rounded >= t.min)?.level ?? 'weak';
}
