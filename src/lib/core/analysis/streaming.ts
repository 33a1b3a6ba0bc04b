import { scaleItemReader } from '../scoring/items.ts';
import { elementsOf } from '../questionnaire/elements.ts';
import type { Answers, Questionnaire, ScaleDefinition } from '../questionnaire/types.ts';
import type { ItemAnalysisReport, ScaleAnalysis } from './analyze-items.ts';

/**
 * The item analysis of `analyzeItems` over rows that are not all in memory at once (`npm run analyze`
 * on a large file): every row is given twice, in the same order, `first` for all of them, then `second`
 * for all of them, and `report` gives the same document, number for number (the same sums in the same
 * order: means in the first pass, the deviations from them in the second, as the two-pass formulas of
 * sampleVariance, cronbachAlpha and correctedItemTotal compute them). Memory is a few numbers per item,
 * whatever the number of rows.
 * @example const a = createItemAnalysis(q); rows.forEach(a.first); rows.forEach(a.second); a.report()
 */
export function createItemAnalysis(q: Questionnaire): {
	first(row: Answers): void;
	second(row: Answers): void;
	report(): ItemAnalysisReport;
} {
	const scales = (q.scoring?.scales ?? []).map((scale) => scaleState(scale, scaleItemReader(scale, () => elementsOf(q.survey))));
	let rows = 0;
	let seen = 0;
	return {
		first(row) {
			rows++;
			for (const s of scales) s.first(row);
		},
		second(row) {
			if (seen++ === 0) for (const s of scales) s.means();
			for (const s of scales) s.second(row);
		},
		report() {
			if (seen !== rows) throw new Error(`createItemAnalysis: ${rows} rows in the first pass, ${seen} in the second`);
			return { questionnaire: q.id, version: q.version, respondents: rows, scales: scales.map((s) => s.report(rows)) };
		}
	};
}

/** Keyed value y = lo + hi − x for reversed items, x otherwise; NaN when not answered (as analyze-items.ts). */
function keyed(value: unknown, reversed: boolean, lo: number, hi: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) return NaN;
	return reversed ? lo + hi - value : value;
}

function scaleState(scale: ScaleDefinition, read: ((answers: Answers) => Answers) | null) {
	const k = scale.items.length;
	const reverse = new Set(scale.reverse ?? []);
	const reversed = scale.items.map((item) => reverse.has(item));
	const [lo, hi] = scale.range;
	const values = new Float64Array(k);
	const zeros = () => new Float64Array(k);
	// First pass: sums. Given answers per item; on complete cases each item's column, the total and each rest score.
	const givenN = zeros();
	const givenSum = zeros();
	const colSum = zeros();
	const restSum = zeros();
	let totalSum = 0;
	let complete = 0;
	// Second pass: deviations from the means of the first.
	const givenMean = zeros();
	const colMean = zeros();
	const restMean = zeros();
	let totalMean = 0;
	const givenSs = zeros();
	const givenBias = zeros();
	const colSs = zeros();
	const colBias = zeros();
	const sxy = zeros();
	const syy = zeros();
	let totalSs = 0;
	let totalBias = 0;

	/** Keyed values of the row into `values`; the row total when every item is answered, else NaN. */
	function load(row: Answers): number {
		const answers = read ? read(row) : row;
		let total = 0;
		for (let i = 0; i < k; i++) {
			const v = keyed(answers[scale.items[i]], reversed[i], lo, hi);
			values[i] = v;
			total += v; // NaN once any item is missing; the sum order is rowSums' (0 + x₀ + x₁ + …)
		}
		return total;
	}

	return {
		first(row: Answers) {
			const total = load(row);
			for (let i = 0; i < k; i++) {
				if (Number.isNaN(values[i])) continue;
				givenN[i]++;
				givenSum[i] += values[i];
			}
			if (Number.isNaN(total)) return;
			complete++;
			totalSum += total;
			for (let i = 0; i < k; i++) {
				colSum[i] += values[i];
				restSum[i] += total - values[i];
			}
		},
		means() {
			for (let i = 0; i < k; i++) {
				givenMean[i] = givenSum[i] / givenN[i];
				colMean[i] = colSum[i] / complete;
				restMean[i] = restSum[i] / complete;
			}
			totalMean = totalSum / complete;
		},
		second(row: Answers) {
			const total = load(row);
			for (let i = 0; i < k; i++) {
				if (Number.isNaN(values[i])) continue;
				const d = values[i] - givenMean[i];
				givenSs[i] += d * d;
				givenBias[i] += d;
			}
			if (Number.isNaN(total)) return;
			const dt = total - totalMean;
			totalSs += dt * dt;
			totalBias += dt;
			for (let i = 0; i < k; i++) {
				const dx = values[i] - colMean[i];
				const dy = total - values[i] - restMean[i];
				colSs[i] += dx * dx;
				colBias[i] += dx;
				sxy[i] += dx * dy;
				syy[i] += dy * dy;
			}
		},
		report(rows: number): ScaleAnalysis {
			// sampleVariance: (Σd² − (Σd)²/n)/(n − 1), null below two values.
			const variance = (ss: number, bias: number, n: number) => (n < 2 ? null : (ss - (bias * bias) / n) / (n - 1));
			let alpha: number | null = null;
			if (k >= 2 && complete >= 2) {
				const total = variance(totalSs, totalBias, complete) as number;
				if (total !== 0) {
					let items = 0;
					for (let i = 0; i < k; i++) items += variance(colSs[i], colBias[i], complete) as number;
					alpha = (k / (k - 1)) * (1 - items / total);
				}
			}
			return {
				id: scale.id,
				n: complete,
				alpha,
				items: scale.items.map((name, i) => {
					const n = givenN[i];
					const v = variance(givenSs[i], givenBias[i], n);
					// pearson: null below two pairs, with fewer than two items, or without variance (Σdx² is Σ(x − x̄)²)
					const r = complete < 2 || k < 2 || colSs[i] === 0 || syy[i] === 0 ? null : sxy[i] / Math.sqrt(colSs[i] * syy[i]);
					return {
						name,
						n,
						mean: n === 0 ? null : givenSum[i] / n,
						sd: v === null ? null : Math.sqrt(v),
						rDrop: complete > 0 ? r : null,
						missing: rows > 0 ? (rows - n) / rows : null
					};
				})
			};
		}
	};
}
