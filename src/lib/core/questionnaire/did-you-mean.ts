/** "Did you mean …?" for a mistyped property name. */

/**
 * Levenshtein distance: the fewest single-character insertions, deletions and substitutions that
 * turn `a` into `b`.
 *
 * Reference: V. I. Levenshtein (1966), Binary codes capable of correcting deletions, insertions and reversals.
 * @example editDistance('isRequred', 'isRequired') // → 1
 */
export function editDistance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = row;
	}
	return prev[b.length];
}

/**
 * The known name closest to `name` when it is close enough to be a likely typo: the same name in
 * another case, or within an edit distance of 1 (short names) to 2 (names of 6 characters or more).
 * @example didYouMean('isRequred', ['isRequired', 'name']) // → 'isRequired'
 */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
	const lower = name.toLowerCase();
	const sameCase = known.find((k) => k.toLowerCase() === lower);
	if (sameCase) return sameCase;
	const limit = name.length >= 6 ? 2 : 1;
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const k of known) {
		const d = editDistance(lower, k.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [k, d];
	}
	return bestDistance <= limit ? best : undefined;
}
