/** Batch results in the `npm run score` formats (docs/batch-csv.md): JSON objects and CSV rows. */
import type { Questionnaire, ScaleDefinition, ScaleResult, ScoredResult } from '../questionnaire/types.ts';
import { csvField } from '../csv/write.ts';

/** One scale of one respondent: score (null with a reason when not scored), answered, and norm values. */
export interface BatchScale {
	score: number | null;
	answered: number;
	reason?: string;
	z?: number;
	t?: number;
	percentile?: number;
	sten?: number;
}

/** One respondent: `{ "id": "r1", "scales": { "extraversion": { "score": 3.4, "answered": 10, … } } }`. */
export interface BatchResult {
	id: string;
	scales: Record<string, BatchScale>;
}

const NORM_FIELDS = ['z', 't', 'percentile', 'sten'] as const;

/** One scale's entry in the batch formats (score, answered, reason, norm values; no bands or intervals). */
export function toBatchScale(s: ScaleResult): BatchScale {
	const out: BatchScale = { score: s.score, answered: s.answered };
	if (s.reason !== undefined) out.reason = s.reason;
	for (const f of NORM_FIELDS) if (s[f] !== undefined) out[f] = s[f];
	return out;
}

/**
 * The docs/batch-csv.md JSON shape of one scored respondent; numbers unrounded. Bands, 90 % intervals and
 * codes are left out: the batch format carries scale scores only.
 *
 * Reference: docs/batch-csv.md.
 * @example toBatchResult('r1', scoreResponse(q, { a1: 4 }))
 * // → { id: 'r1', scales: { a: { score: 4, answered: 1, z: 1.1, t: 61, percentile: 86.4…, sten: 8 } } }
 */
export function toBatchResult(id: string, scored: ScoredResult): BatchResult {
	return { id, scales: Object.fromEntries(scored.scales.map((s) => [s.id, toBatchScale(s)])) };
}

/**
 * CSV columns of the score output: `id`, then per scale `<scale>_score`, `<scale>_answered` and, for a
 * scale with norms, `<scale>_z`, `<scale>_t`, `<scale>_percentile`, `<scale>_sten`.
 *
 * Reference: docs/batch-csv.md.
 * @example batchCsvColumns(q) // → ['id', 'a_score', 'a_answered', 'a_z', 'a_t', 'a_percentile', 'a_sten', 'b_score', 'b_answered']
 */
export function batchCsvColumns(q: Questionnaire): string[] {
	const columns = ['id'];
	for (const s of q.scoring?.scales ?? []) {
		columns.push(`${s.id}_score`, `${s.id}_answered`);
		if (s.norms?.length) columns.push(...NORM_FIELDS.map((f) => `${s.id}_${f}`));
	}
	return columns;
}


/**
 * One CSV line (no line break) for a respondent, in the order of `batchCsvColumns`; a missing value
 * (no score, no norm) is an empty cell; numbers in full precision (shortest round-trip form).
 *
 * Reference: docs/batch-csv.md; RFC 4180.
 * @example batchCsvRow(q, toBatchResult('r1', scored)) // → 'r1,4,1,1.1,61,86.43…,8,,0'
 */
export function batchCsvRow(q: Questionnaire, result: BatchResult): string {
	const cells = [csvField(result.id)];
	for (const s of q.scoring?.scales ?? []) cells.push(...batchCsvScaleCells(s, result.scales[s.id]));
	return cells.join(',');
}

/** The cells of one scale in a `batchCsvRow` line: score, answered and, with norms, z, t, percentile, sten. */
export function batchCsvScaleCells(def: ScaleDefinition, r: BatchScale | undefined): string[] {
	const fields: (keyof BatchScale)[] = ['score', 'answered'];
	if (def.norms?.length) fields.push(...NORM_FIELDS);
	return fields.map((f) => (r?.[f] === undefined || r[f] === null ? '' : String(r[f])));
}
