/**
 * Longest run of identical consecutive answers in one respondent's answers, in the order the items were
 * presented ("long-string index"). A missing answer (null/undefined) ends a run and does not start one.
 * A long run relative to the number of items suggests careless responding (straight-lining).
 *
 * Reference: Johnson, J. A. (2005). Ascertaining the validity of individual protocols from web-based
 * personality inventories. Journal of Research in Personality 39, 103–129; Curran, P. G. (2016). Methods
 * for the detection of carelessly invalid responses in survey data. JESP 66, 4–19.
 * @example longestRun([3, 3, 4, 4, 4, null, 4]) // → 3
 */
export function longestRun(values: readonly (number | string | null | undefined)[]): number {
	let best = 0;
	let run = 0;
	let previous: number | string | null | undefined = undefined;
	for (const v of values) {
		if (v === null || v === undefined) {
			run = 0;
		} else {
			run = run > 0 && v === previous ? run + 1 : 1;
			if (run > best) best = run;
		}
		previous = v;
	}
	return best;
}
