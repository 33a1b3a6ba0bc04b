/** How often each response value was chosen. */
export interface ValueCount {
	value: number;
	count: number;
}

/**
 * Counts the answers per response value for every integer value of `range` = [lo, hi], in order,
 * including values nobody chose (count 0): n_v = #{ i : xᵢ = v }, v = lo … hi. Missing answers
 * (null/undefined) are not counted; a value outside the range or not an integer throws, because it means
 * the answers were not validated.
 *
 * Reference: frequency distribution of a categorical item, e.g. Crocker, L. & Algina, J. (1986).
 * Introduction to Classical and Modern Test Theory, ch. 14 (item analysis).
 * @example answerDistribution([1, 3, 3, null, 5], [1, 5])
 * // → [{ value: 1, count: 1 }, { value: 2, count: 0 }, { value: 3, count: 2 }, { value: 4, count: 0 }, { value: 5, count: 1 }]
 */
export function answerDistribution(
	values: readonly (number | null | undefined)[],
	range: readonly [number, number]
): ValueCount[] {
	const [lo, hi] = range;
	if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo > hi) {
		throw new Error(`answerDistribution: range must be two integers lo <= hi (got [${lo}, ${hi}])`);
	}
	const counts = new Array<number>(hi - lo + 1).fill(0);
	for (const v of values) {
		if (v === null || v === undefined) continue;
		if (!Number.isInteger(v) || v < lo || v > hi) {
			throw new Error(`answerDistribution: ${v} is not an integer in [${lo}, ${hi}]`);
		}
		counts[v - lo]++;
	}
	return counts.map((count, i) => ({ value: lo + i, count }));
}
