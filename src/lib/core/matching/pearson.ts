/**
 * Relative tolerance under which a vector counts as constant: its population SD is at most this times the
 * larger of 1 and its largest absolute value. Catches float noise such as [0.1+0.2, 0.3, …].
 */
export const CONSTANT_TOLERANCE = 1e-9;

/** Population standard deviation √(Σ(xᵢ − x̄)² / n), computed in two passes for accuracy. */
function spread(v: readonly number[]): { mean: number; ss: number; scale: number } {
	let sum = 0;
	let scale = 1;
	for (const x of v) {
		sum += x;
		scale = Math.max(scale, Math.abs(x));
	}
	const mean = sum / v.length;
	let ss = 0;
	for (const x of v) ss += (x - mean) * (x - mean);
	return { mean, ss, scale };
}

/**
 * Pearson's product-moment correlation of two equal-length vectors:
 *
 *   r = Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)² · Σ(yᵢ − ȳ)²)
 *
 * Returns `null` (never NaN) when either vector is constant, i.e. its population SD is at most
 * `CONSTANT_TOLERANCE` × max(1, max|xᵢ|): a correlation is undefined without variance. The result is clamped
 * to [−1, 1] against rounding. Throws on unequal lengths, fewer than two values or non-finite values.
 *
 * Reference: Pearson, K. (1895). Notes on regression and inheritance in the case of two parents.
 * Proceedings of the Royal Society of London 58, 240–242.
 * @example pearson([1, 2, 3], [2, 4, 7]) // → 0.9933992677987828
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
	if (x.length !== y.length) throw new Error(`pearson: vectors differ in length (${x.length} and ${y.length})`);
	if (x.length < 2) throw new Error('pearson: needs at least two values');
	for (let i = 0; i < x.length; i++) {
		if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
			throw new Error(`pearson: ${Number.isFinite(x[i]) ? y[i] : x[i]} is not a finite number`);
		}
	}
	const a = spread(x);
	const b = spread(y);
	const n = x.length;
	if (Math.sqrt(a.ss / n) <= CONSTANT_TOLERANCE * a.scale) return null;
	if (Math.sqrt(b.ss / n) <= CONSTANT_TOLERANCE * b.scale) return null;
	let sxy = 0;
	for (let i = 0; i < n; i++) sxy += (x[i] - a.mean) * (y[i] - b.mean);
	const r = sxy / Math.sqrt(a.ss * b.ss);
	return Math.max(-1, Math.min(1, r));
}
