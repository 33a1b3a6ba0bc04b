/**
 * `scoreResponse` compiled once per questionnaire for scoring one response at a time, as the server
 * does on every completion. A scale's full result (norm, z, T, percentile, sten, 90 % band, band)
 * depends only on its keyed total Σy and the number of answered items, so with integer ranges it is
 * computed once per (total, answered) pair through the scoring plan's table (`planTableIndex`) and
 * reused; the totals are summed in item order with the same checks and messages as `scoreScale`, and
 * codes, tallies, rankings and lists are computed by the code `scoreResponse` uses (`resultWithScales`).
 * The result is the same object `scoreResponse` gives, key for key in the same order, so its JSON text
 * is identical.
 *
 * It also gives the result's JSON text, as `JSON.stringify(result)` writes it: each reused scale
 * result keeps its text, so a response's text is put together from them rather than written anew.
 * Reused scale results are frozen (they are shared between the results of many responses).
 */
import type { Answers, Questionnaire, ScaleResult, ScoredResult } from '../questionnaire/types.ts';
import { elementsOf } from '../questionnaire/elements.ts';
import { compileScoringPlan, planTableIndex, type ScoringPlan } from './plan.ts';
import { rawScaleScoreFrom } from './scale.ts';
import { resultWithScales, scaleResultFromRaw, scoreResponse } from './score.ts';
import { scaleItemReader } from './items.ts';

/** A response's result and its JSON text (exactly `JSON.stringify(result)`). */
export interface ScoredResponse {
	result: ScoredResult;
	json: string;
}

export type ResponseScorer = (answers: Answers) => ScoredResponse;

const scorers = new WeakMap<Questionnaire, ResponseScorer>();

/**
 * The scorer of a validated questionnaire, compiled on first use and remembered (questionnaire
 * versions never change): the compiled one when the plan covers every scale, else `scoreResponse`
 * itself. Either way `responseScorerOf(q)(answers).result` equals `scoreResponse(q, answers)` (default
 * norms) and `.json` is its JSON text.
 *
 * @example responseScorerOf(q)({ EXT1: 4, EXT2: 2 }).result.scales[0].score // → 4, as scoreResponse gives
 */
export function responseScorerOf(q: Questionnaire): ResponseScorer {
	let scorer = scorers.get(q);
	if (!scorer) scorers.set(q, (scorer = compileResponseScorer(q) ?? ((answers) => withJson(scoreResponse(q, answers)))));
	return scorer;
}

/**
 * The compiled scorer, or undefined when a scale is outside what the plan covers (`planObstacle`) or
 * reads its items out of matrix answers or `valueFrom` (score those with `scoreResponse`).
 */
export function compileResponseScorer(q: Questionnaire): ResponseScorer | undefined {
	const plan = compileScoringPlan(q);
	if (!plan) return undefined;
	const elements = () => elementsOf(q.survey);
	if (plan.scales.some((p) => scaleItemReader(p.def, elements) !== null)) return undefined;
	const tables = plan.scales.map(() => new Map<number, ScaleEntry>());
	return (answers) => {
		const entries = plan.scales.map((_, s) => scaleEntry(plan, s, answers, tables[s]));
		const result = resultWithScales(q, entries.map((e) => e.result), answers);
		// JSON.stringify(result), with the scales' texts reused: the same keys in the same order.
		const json = `{"scales":[${entries.map((e) => e.json).join(',')}],"codes":${JSON.stringify(result.codes)},"tallies":${JSON.stringify(
			result.tallies
		)},"rankings":${JSON.stringify(result.rankings)},"lists":${JSON.stringify(result.lists)}}`;
		return { result, json };
	};
}

const withJson = (result: ScoredResult): ScoredResponse => ({ result, json: JSON.stringify(result) });

/** A scale result with its JSON text. */
interface ScaleEntry {
	result: ScaleResult;
	json: string;
}

const entryOf = (result: ScaleResult): ScaleEntry => ({ result, json: JSON.stringify(result) });

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

/** Scale `s`'s result: Σy and answered as `scoreScale` sums them, then the table (or the full computation). */
function scaleEntry(plan: ScoringPlan, s: number, answers: Answers, table: Map<number, ScaleEntry>): ScaleEntry {
	const { def, reversed, lo, hi } = plan.scales[s];
	const items = def.items;
	let total = 0;
	let answered = 0;
	for (let i = 0; i < items.length; i++) {
		const x = answers[items[i]];
		if (isMissing(x)) continue;
		if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${def.id}: item ${items[i]} has the non-numeric answer ${JSON.stringify(x)}`);
		if (x < lo || x > hi) throw new Error(`${def.id}: item ${items[i]} has the answer ${x}, outside the range [${lo}, ${hi}]`);
		total += reversed[i] === 1 ? lo + hi - x : x;
		answered++;
	}
	const index = planTableIndex(plan, s, total, answered);
	if (index < 0) return entryOf(scaleResultFromRaw(def, rawScaleScoreFrom(def, total, answered)));
	let entry = table.get(index);
	if (entry === undefined) table.set(index, (entry = entryOf(freezeResult(scaleResultFromRaw(def, rawScaleScoreFrom(def, total, answered))))));
	return entry;
}

/** Freezes a scale result and the objects it owns; the band's label and text belong to the definition and are left alone. */
function freezeResult(r: ScaleResult): ScaleResult {
	if (r.band) Object.freeze(r.band);
	if (r.ci90) {
		Object.values(r.ci90).forEach((interval) => Object.freeze(interval));
		Object.freeze(r.ci90);
	}
	return Object.freeze(r);
}
