/** Descriptive statistics of one item's answers (docs/batch-csv.md, `npm run analyze`). */

/**
 * Arithmetic mean, x̄ = Σ xᵢ / n; null for no values.
 *
 * @example mean([1, 2, 3, 6]) // → 3
 */
export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

/**
 * Sample variance, s² = Σ (xᵢ − x̄)² / (n − 1), computed in two passes (mean first) so that large
 * offsets do not cost precision; null for fewer than two values.
 *
 * Reference: Chan, Golub & LeVeque (1983), Algorithms for computing the sample variance, The American
 * Statistician 37(3), 242–247.
 * @example sampleVariance([1, 2, 3, 6]) // → 14 / 3
 */
export function sampleVariance(values: readonly number[]): number | null {
	const m = mean(values);
	if (m === null || values.length < 2) return null;
	let ss = 0;
	let bias = 0; // Σ (xᵢ − x̄): ~0, removes the rounding error of x̄ (corrected two-pass formula)
	for (const v of values) {
		ss += (v - m) * (v - m);
		bias += v - m;
	}
	return (ss - (bias * bias) / values.length) / (values.length - 1);
}

/** n, mean and sample SD of an item's answers. */
export interface ItemDescription {
	n: number;
	/** null when n = 0 */
	mean: number | null;
	/** Sample SD (n − 1); null when n < 2 */
	sd: number | null;
}

/**
 * Number of answers, mean and sample standard deviation s = √(Σ (xᵢ − x̄)² / (n − 1)).
 *
 * @example describeItem([1, 2, 3, 6]) // → { n: 4, mean: 3, sd: 2.160246899469287 }
 */
export function describeItem(values: readonly number[]): ItemDescription {
	const variance = sampleVariance(values);
	return { n: values.length, mean: mean(values), sd: variance === null ? null : Math.sqrt(variance) };
}
