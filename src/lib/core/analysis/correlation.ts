/**
 * Pearson product-moment correlation,
 * r = Σ (xᵢ − x̄)(yᵢ − ȳ) / √(Σ (xᵢ − x̄)² · Σ (yᵢ − ȳ)²);
 * null when there are fewer than two pairs or either variable has zero variance (r is undefined).
 * Throws when the two lists differ in length.
 *
 * Reference: Pearson, K. (1896). Mathematical contributions to the theory of evolution III. Philosophical
 * Transactions of the Royal Society A 187, 253–318.
 * @example pearson([1, 2, 3], [2, 4, 7]) // → 0.9933992677987828
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
	if (x.length !== y.length) throw new Error(`pearson: x has ${x.length} values, y has ${y.length}`);
	const n = x.length;
	if (n < 2) return null;
	let mx = 0;
	let my = 0;
	for (let i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= n;
	my /= n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = x[i] - mx;
		const dy = y[i] - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (sxx === 0 || syy === 0) return null;
	return sxy / Math.sqrt(sxx * syy);
}
