import { sampleVariance } from './descriptive.ts';
import { column, columnCount, rowSums } from './matrix.ts';

/**
 * Cronbach's raw coefficient alpha of a respondent × item matrix (complete cases, keyed values):
 * α = k/(k − 1) · (1 − Σ s²ᵢ / s²ₜ), with sample variances s²ᵢ of the items and s²ₜ of the total score.
 * null when it is undefined: fewer than two items or two respondents, or a total with zero variance.
 * This is `raw_alpha` of R's `psych::alpha`.
 *
 * Reference: Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
 * Psychometrika 16, 297–334.
 * @example cronbachAlpha([[1, 2], [2, 3], [3, 3], [4, 5]]) // → 0.96
 */
export function cronbachAlpha(matrix: readonly (readonly number[])[]): number | null {
	const k = columnCount(matrix, 'cronbachAlpha');
	if (k < 2 || matrix.length < 2) return null;
	const total = sampleVariance(rowSums(matrix)) as number;
	if (total === 0) return null;
	let items = 0;
	for (let i = 0; i < k; i++) items += sampleVariance(column(matrix, i)) as number;
	return (k / (k - 1)) * (1 - items / total);
}
