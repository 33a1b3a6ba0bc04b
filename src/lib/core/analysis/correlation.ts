/**
 * Relative tolerance under which a vector counts as constant: its population SD is at most this times the
 * larger of 1 and its largest absolute value. Catches float noise such as [0.1+0.2, 0.3, …].
 */
export const CONSTANT_TOLERANCE = 1e-9;

/** A vector's mean, its sum of squared deviations Σ(xᵢ − x̄)², and whether it counts as constant. */
export interface Centred {
	mean: number;
	ss: number;
	constant: boolean;
}

/**
 * Mean and Σ(xᵢ − x̄)² in two passes (for accuracy: the sum, then the squared deviations from the mean),
 * and `constant` when the population SD √(ss / n) is at most `CONSTANT_TOLERANCE` × max(1, max|xᵢ|).
 * `pearson` is built from it; the opportunity matching (matching/match.ts) uses it to centre each
 * opportunity once per set, so its fits are the same numbers to the last bit.
 */
export function centre(v: ArrayLike<number>): Centred {
	const n = v.length;
	let sum = 0;
	let scale = 1;
	for (let i = 0; i < n; i++) {
		sum += v[i];
		scale = Math.max(scale, Math.abs(v[i]));
	}
	const mean = sum / n;
	let ss = 0;
	for (let i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
	return { mean, ss, constant: Math.sqrt(ss / n) <= CONSTANT_TOLERANCE * scale };
}

/** r = Σdxdy / √(Σdx² · Σdy²) from the three sums, clamped to [−1, 1] against rounding. */
export function correlationFromSums(sxy: number, ssx: number, ssy: number): number {
	return Math.max(-1, Math.min(1, sxy / Math.sqrt(ssx * ssy)));
}

/**
 * Pearson's product-moment correlation of two equal-length vectors:
 *
 *   r = Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)² · Σ(yᵢ − ȳ)²)
 *
 * The one Pearson correlation of the code base (item analysis, opportunity matching). Returns `null`
 * (never NaN) when it is undefined: fewer than two pairs, or either vector constant (see `centre`). The
 * result is clamped to [−1, 1] against rounding. Throws on unequal lengths and on values that are not
 * finite numbers.
 *
 * Reference: Pearson, K. (1895). Notes on regression and inheritance in the case of two parents.
 * Proceedings of the Royal Society of London 58, 240–242.
 * @example pearson([1, 2, 3], [2, 4, 7]) // → 0.9933992677987828
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
	if (x.length !== y.length) throw new Error(`pearson: x has ${x.length} values, y has ${y.length}`);
	for (let i = 0; i < x.length; i++) {
		if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
			throw new Error(`pearson: ${Number.isFinite(x[i]) ? y[i] : x[i]} is not a finite number`);
		}
	}
	const n = x.length;
	if (n < 2) return null;
	const a = centre(x);
	const b = centre(y);
	if (a.constant || b.constant) return null;
	let sxy = 0;
	for (let i = 0; i < n; i++) sxy += (x[i] - a.mean) * (y[i] - b.mean);
	return correlationFromSums(sxy, a.ss, b.ss);
}
