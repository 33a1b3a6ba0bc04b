/**
 * Samejima's graded response model (GRM) for one Likert item with keyed answers 1…K (reversed items already
 * turned round, so a > 0): P(X > j | θ) = 1 / (1 + exp(−a(θ − b[j−1]))) for j = 1…K−1, and
 * P(X = k) = P(X > k−1) − P(X > k) with P(X > 0) = 1 and P(X > K) = 0.
 *
 * Reference: Samejima, F. (1969). Estimation of latent ability using a response pattern of graded scores.
 * Psychometrika Monograph Supplement No. 17. Item information: Baker & Kim (2004), *Item Response Theory:
 * Parameter Estimation Techniques*, 2nd ed., ch. 8.
 */

/** One calibrated item: discrimination `a` and ordered thresholds `b` (K − 1 of them for K categories). */
export interface GradedItem {
	a: number;
	b: number[];
}

/** The logistic function 1 / (1 + e^(−x)), written to stay finite for large |x|. */
export function logistic(x: number): number {
	if (x >= 0) return 1 / (1 + Math.exp(-x));
	const e = Math.exp(x);
	return e / (1 + e);
}

/**
 * P(X = k | θ) for k = 1…K, written into `out` (index k − 1); returns `out`.
 * @example categoryProbabilities({ a: 1, b: [0] }, 0) // → [0.5, 0.5]
 */
export function categoryProbabilities(item: GradedItem, theta: number, out: number[] = []): number[] {
	const K = item.b.length + 1;
	let above = 1; // P(X > 0)
	for (let j = 0; j < K - 1; j++) {
		const next = logistic(item.a * (theta - item.b[j]));
		out[j] = above - next;
		above = next;
	}
	out[K - 1] = above;
	out.length = K;
	return out;
}

/**
 * Fisher information of the item at θ: Σₖ (∂Pₖ/∂θ)² / Pₖ, with ∂P(X > j)/∂θ = a·P*(1 − P*).
 * @example itemInformation({ a: 2, b: [0] }, 0) // → 1   (a²·P·Q = 4 · 0.25)
 */
export function itemInformation(item: GradedItem, theta: number): number {
	const K = item.b.length + 1;
	let info = 0;
	let pAbove = 1;
	let dAbove = 0;
	for (let j = 0; j < K; j++) {
		let pNext = 0;
		let dNext = 0;
		if (j < K - 1) {
			pNext = logistic(item.a * (theta - item.b[j]));
			dNext = item.a * pNext * (1 - pNext);
		}
		const p = pAbove - pNext;
		const d = dAbove - dNext;
		if (p > 1e-300) info += (d * d) / p;
		pAbove = pNext;
		dAbove = dNext;
	}
	return info;
}
