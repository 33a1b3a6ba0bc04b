/** Scoring a whole response: scales, codes, tallies, rankings and lists (docs/questionnaire-format.md). */
import type { Answers, Norm, Questionnaire, ScaleDefinition, ScaleResult, ScoredResult } from '../questionnaire/types.ts';
import { elementsOf, type ElementInfo } from '../questionnaire/elements.ts';
import { scoreScale, type RawScaleScore } from './scale.ts';
import { scaleItemReader } from './items.ts';
import { applyNorm, ci90 } from './norms.ts';
import { chooseBand } from './bands.ts';
import { scoreCode } from './codes.ts';
import { tallyAnswers } from './tallies.ts';
import { rankTop } from './rankings.ts';
import { collectTexts } from './lists.ts';

export interface ScoreOptions {
	/** Norm id to use; a scale without a norm of that id uses its first norm. Default: each scale's first. */
	norm?: string;
}

function pickNorm(def: ScaleDefinition, id: string | undefined): Norm | undefined {
	return def.norms?.find((n) => n.id === id) ?? def.norms?.[0];
}

/**
 * One scale's full result: the raw score (scoreScale), then with a norm z, T, percentile and sten, with
 * a norm and a reliability the 90 % band, and the band chosen by percentile (norms) or score (none).
 *
 * Reference: docs/questionnaire-format.md, "scales" (normative).
 * @example scoreScaleResult(def, { a: 4, b: 2 }) // → { id, score: 4, answered: 2, norm: 'n', z: 1, t: 60, … }
 */
function scoreScaleResult(def: ScaleDefinition, answers: Answers, normId?: string): ScaleResult {
	return scaleResultFromRaw(def, scoreScale(def, answers), normId);
}

/**
 * A scale's full result from its raw score (see `scoreScaleResult`); the compiled scoring plan uses it
 * too, so both paths give the same numbers.
 * @example scaleResultFromRaw(def, { id: 'a', score: 4, answered: 2 }).z // → 1 (with a norm of mean 3, sd 1)
 */
export function scaleResultFromRaw(def: ScaleDefinition, raw: RawScaleScore, normId?: string): ScaleResult {
	const result: ScaleResult = { ...raw };
	if (raw.score === null) return result;
	const norm = pickNorm(def, normId);
	if (norm) {
		Object.assign(result, { norm: norm.id }, applyNorm(raw.score, norm));
		if (def.reliability) result.ci90 = ci90(raw.score, norm, def.reliability.alpha);
	}
	const bands = def.bands ?? [];
	const index = chooseBand(bands, norm ? result.percentile! : raw.score);
	if (index >= 0) {
		const { label, text } = bands[index];
		result.band = text === undefined ? { index, label } : { index, label, text };
	}
	return result;
}

/**
 * Scores a validated response: every scale (scoreScaleResult), every code from those scores
 * (scoreCode), tallies, rankings and lists. Throws when `options.norm` names a norm no scale has
 * (a typo would otherwise silently fall back to the default norms).
 *
 * Reference: docs/questionnaire-format.md.
 * @example scoreResponse(q, { EXT1: 4, EXT2: 2 }).scales[0].score // → 4
 */
export function scoreResponse(q: Questionnaire, answers: Answers, options: ScoreOptions = {}): ScoredResult {
	const scoring = q.scoring ?? {};
	const scaleDefs = scoring.scales ?? [];
	if (options.norm !== undefined && !scaleDefs.some((s) => s.norms?.some((n) => n.id === options.norm))) {
		throw new Error(`no scale of ${q.id} has a norm "${options.norm}"`);
	}
	const elements_ = () => elementsOf(q.survey);
	const scales = scaleDefs.map((def) => {
		// Matrix-row items and valueFrom: the item values are read out of the answers first.
		const read = scaleItemReader(def, elements_);
		return scoreScaleResult(def, read ? read(answers) : answers, options.norm);
	});
	return resultWithScales(q, scales, answers);
}

/**
 * A response's whole result around its scale results: the codes from the scale scores (scoreCode),
 * tallies, rankings and lists, keys in the order `scoreResponse` gives them. Shared by `scoreResponse`
 * and the compiled scorer of the server's completions (response-scorer.ts).
 */
export function resultWithScales(q: Questionnaire, scales: ScaleResult[], answers: Answers): ScoredResult {
	const scoring = q.scoring ?? {};
	const scores = Object.fromEntries(scales.map((s) => [s.id, s.score]));
	const result: ScoredResult = { scales, codes: {}, tallies: {}, rankings: {}, lists: {} };
	for (const def of scoring.codes ?? []) result.codes[def.id] = scoreCode(def, scores);
	const needElements = (scoring.tallies?.length ?? 0) + (scoring.lists?.length ?? 0) > 0;
	const elements = needElements ? elementsOf(q.survey) : new Map<string, ElementInfo>();
	for (const def of scoring.tallies ?? []) {
		const el = elements.get(def.question);
		const source = def.column === undefined ? el : el?.cells?.get(def.column);
		result.tallies[def.id] = tallyAnswers(def, answers, source?.values ?? []);
	}
	for (const def of scoring.rankings ?? []) result.rankings[def.id] = rankTop(def, answers);
	for (const def of scoring.lists ?? []) result.lists[def.id] = collectTexts(def, answers, elements);
	return result;
}
