import { pearson } from './correlation.ts';
import { column, columnCount, rowSums } from './matrix.ts';

/**
 * Corrected item–total correlations ("r.drop") of a respondent × item matrix (complete cases, keyed
 * values): for each item i, the Pearson correlation of item i with the sum of the other items,
 * r_i = cor(x_i, T − x_i). null for an item where it is undefined (fewer than two respondents, fewer than
 * two items, or zero variance in the item or the rest score). This is `r.drop` of R's `psych::alpha`.
 *
 * Reference: Nunnally, J. C. & Bernstein, I. H. (1994). Psychometric Theory (3rd ed.), ch. 8; Revelle, W.
 * psych::alpha documentation.
 * @example correctedItemTotal([[1, 2, 1], [2, 3, 2], [3, 3, 2], [4, 5, 5]])
 * // → [0.9079091724509456, 0.9898267954648645, 0.9622504486493763]
 */
export function correctedItemTotal(matrix: readonly (readonly number[])[]): (number | null)[] {
	const k = columnCount(matrix, 'correctedItemTotal');
	const totals = rowSums(matrix);
	const out: (number | null)[] = [];
	for (let i = 0; i < k; i++) {
		const item = column(matrix, i);
		out.push(k < 2 ? null : pearson(item, totals.map((t, r) => t - item[r])));
	}
	return out;
}
