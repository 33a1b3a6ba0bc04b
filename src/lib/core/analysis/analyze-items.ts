import { scaleItemReader } from '../scoring/items.ts';
import { elementsOf } from '../questionnaire/elements.ts';
import type { Answers, Questionnaire, ScaleDefinition } from '../questionnaire/types.ts';
import { cronbachAlpha } from './cronbach-alpha.ts';
import { describeItem } from './descriptive.ts';
import { correctedItemTotal } from './item-total.ts';

/** One item of a scale in the item analysis (docs/batch-csv.md). */
export interface ItemAnalysis {
	name: string;
	/** Answers given to the item. */
	n: number;
	/** Mean and sample SD of the keyed answers given; null when undefined (n = 0, resp. n < 2). */
	mean: number | null;
	sd: number | null;
	/** Corrected item–total correlation on the scale's complete cases; null when undefined. */
	rDrop: number | null;
	/** Share of respondents who did not answer the item; null when there are no respondents. */
	missing: number | null;
}

export interface ScaleAnalysis {
	id: string;
	/** Complete cases: respondents who answered every item of the scale. */
	n: number;
	/** Cronbach's raw alpha on the complete cases; null when undefined. */
	alpha: number | null;
	items: ItemAnalysis[];
}

/** The `npm run analyze` document (docs/batch-csv.md). */
export interface ItemAnalysisReport {
	questionnaire: string;
	version: string;
	respondents: number;
	scales: ScaleAnalysis[];
}

/** Keyed value y = lo + hi − x for reversed items, x otherwise (docs/questionnaire-format.md, "scales"); null when not answered. */
function keyed(value: unknown, reversed: boolean, [lo, hi]: [number, number]): number | null {
	if (typeof value !== 'number' || !Number.isFinite(value)) return null;
	return reversed ? lo + hi - value : value;
}

function analyzeScale(scale: ScaleDefinition, rows: readonly Answers[]): ScaleAnalysis {
	const reverse = new Set(scale.reverse ?? []);
	const keyedRows = rows.map((row) =>
		scale.items.map((item) => keyed(row[item], reverse.has(item), scale.range))
	);
	const complete = keyedRows.filter((r): r is number[] => r.every((v) => v !== null));
	const rDrop = correctedItemTotal(complete);
	const items = scale.items.map((name, i): ItemAnalysis => {
		const given = keyedRows.map((r) => r[i]).filter((v): v is number => v !== null);
		return {
			name,
			...describeItem(given),
			rDrop: complete.length > 0 ? rDrop[i] : null,
			missing: rows.length > 0 ? (rows.length - given.length) / rows.length : null
		};
	});
	return { id: scale.id, n: complete.length, alpha: cronbachAlpha(complete), items };
}

/**
 * Item analysis of collected responses for every numeric scale of a questionnaire (docs/batch-csv.md): per scale the
 * number of complete cases n, Cronbach's raw alpha on them, and per item n, mean and sample SD of the keyed
 * answers given, the corrected item–total correlation (r.drop) on the complete cases and the share missing.
 * Keyed values follow docs/questionnaire-format.md, "scales" (y = lo + hi − x for reversed items). A statistic that is undefined
 * (too few cases, zero variance) is null, never NaN. An answer that is not a finite number counts as missing:
 * validate rows first (see `readResponses`).
 *
 * Reference: Cronbach (1951), Psychometrika 16, 297–334; Nunnally & Bernstein (1994), Psychometric Theory,
 * ch. 8; matches R `psych::alpha` (raw_alpha, r.drop) on the complete cases.
 * @example analyzeItems(q, [{ a1: 1, a2: 2 }, { a1: 3, a2: 3 }]).scales[0].n // → 2
 */
export function analyzeItems(q: Questionnaire, rows: readonly Answers[]): ItemAnalysisReport {
	return {
		questionnaire: q.id,
		version: q.version,
		respondents: rows.length,
		scales: (q.scoring?.scales ?? []).map((scale) => {
			// Matrix-row items and valueFrom: the item values are read out of each response first.
			const read = scaleItemReader(scale, () => elementsOf(q.survey));
			return analyzeScale(scale, read ? rows.map(read) : rows);
		})
	};
}
