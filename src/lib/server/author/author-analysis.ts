// Item analysis of the responses collected for each stored version of an instrument, for authors.
// Only aggregates leave this module (no user ids, response ids or individual timestamps), and only when
// at least MIN_RESPONDENTS people completed that version, so that no one can be singled out.
import { analyzeItems } from '$lib/core/analysis/analyze-items';
import { longestRun } from '$lib/core/analysis/careless';
import { answerDistribution } from '$lib/core/analysis/distribution';
import { csvLine } from '$lib/core/csv/write';
import { collectElements } from '$lib/core/questionnaire/elements';
import { itemText } from '$lib/core/questionnaire/labels';
import type { Answers, LocalizedString, Questionnaire } from '$lib/core/questionnaire/types';
import type { Db } from '../db';
import { err, ok, type Result } from '../../result';
import { listInstrumentVersionsOf } from '../repositories/instrument-versions';
import { loadDefinition } from '../questionnaires/definitions';
import { listCompletedAnswersOfVersion } from '../repositories/responses';
import type { CarelessSummary, ItemStats, ScaleStats, VersionStats } from '../../views/author';
export type { CarelessSummary, ItemStats, ScaleStats, VersionStats } from '../../views/author';

/** Fewest completed responses for which a version's statistics are shown. */
export const MIN_RESPONDENTS = 5;
/** Items whose corrected item–total correlation is below this are flagged. */
export const RDROP_FLAG = 0.2;
/**
 * Fewest complete cases of a scale for which Cronbach's alpha is shown as a number. With fewer, its
 * sampling error is so large that it says nothing (at n = 6 it can come out at −10); 30 is the
 * smallest sample in common guidance for a first reliability estimate (e.g. Yurdugül 2008; Bonett
 * 2002's confidence intervals are about ±.15 wide there for α ≈ .7 with 5–10 items). Below it the
 * page says "too few" instead, and the exports carry `alpha_too_few`.
 */
export const ALPHA_MIN_N = 30;
/** Scales whose Cronbach's alpha is below this are flagged (Nunnally & Bernstein 1994). */
export const ALPHA_FLAG = 0.7;
/** Completing faster than this per scored item suggests not reading the items (Huang et al. 2012). */
export const SECONDS_PER_ITEM = 2;

export type VersionAnalysis =
	| { version: string; sha: string; respondents: number; enough: true; stats: VersionStats }
	| { version: string; sha: string; respondents: number; enough: false; needed: number };

export interface CompletedRow {
	answers: Answers;
	startedAt: string;
	completedAt: string | null;
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const isRangeValue = (v: unknown, [lo, hi]: [number, number]): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

function carelessSummary(q: Questionnaire, rows: CompletedRow[]): CarelessSummary {
	const scored = new Set((q.scoring?.scales ?? []).flatMap((s) => s.items));
	const order = [...collectElements(q.survey).keys()].filter((name) => scored.has(name));
	const runs = rows.map((r) =>
		longestRun(order.map((name) => {
			const v = r.answers[name];
			return typeof v === 'number' || typeof v === 'string' ? v : null;
		}))
	);
	const byLength = new Map<number, number>();
	for (const n of runs) byLength.set(n, (byLength.get(n) ?? 0) + 1);
	const longRunThreshold = Math.max(2, Math.ceil(order.length / 2));
	const seconds = rows
		.filter((r) => r.completedAt)
		.map((r) => (Date.parse(r.completedAt!) - Date.parse(r.startedAt)) / 1000)
		.filter((s) => Number.isFinite(s) && s >= 0);
	const questions = order.length || collectElements(q.survey).size;
	const fastThresholdSeconds = SECONDS_PER_ITEM * questions;
	const share = (k: number, n: number) => (n > 0 ? k / n : null);
	return {
		scoredItems: order.length,
		longestRun: [...byLength].sort(([a], [b]) => a - b).map(([length, respondents]) => ({ length, respondents })),
		longestRunMedian: order.length ? median(runs) : null,
		longRunThreshold,
		longRunShare: order.length ? share(runs.filter((n) => n >= longRunThreshold).length, runs.length) : null,
		completionMedianSeconds: median(seconds),
		fastThresholdSeconds,
		fastShare: share(seconds.filter((s) => s < fastThresholdSeconds).length, seconds.length)
	};
}

/**
 * Statistics of one version's completed responses: the core's item analysis (alpha, rDrop, mean, SD,
 * missing share), with flags (rDrop < .20, alpha < .70), the distribution of raw answers per item and
 * careless-responding indicators. No gating here: callers apply MIN_RESPONDENTS.
 */
export function versionStats(q: Questionnaire, sha: string, rows: CompletedRow[]): VersionStats {
	const answers = rows.map((r) => r.answers);
	const report = analyzeItems(q, answers);
	const defs = q.scoring?.scales ?? [];
	return {
		questionnaire: q.id,
		version: q.version,
		sha,
		respondents: rows.length,
		scales: report.scales.map((s, i): ScaleStats => {
			const def = defs[i];
			const reverse = new Set(def.reverse ?? []);
			return {
				id: s.id,
				title: def.title,
				range: def.range,
				n: s.n,
				alpha: s.alpha,
				alphaTooFew: s.n < ALPHA_MIN_N,
				flagged: s.n >= ALPHA_MIN_N && s.alpha !== null && s.alpha < ALPHA_FLAG,
				items: s.items.map((item) => ({
					...item,
					text: itemText(q.survey, item.name),
					reversed: reverse.has(item.name),
					distribution: answerDistribution(
						answers.map((a) => (isRangeValue(a[item.name], def.range) ? (a[item.name] as number) : null)),
						def.range
					),
					flagged: item.rDrop !== null && item.rDrop < RDROP_FLAG
				}))
			};
		}),
		careless: carelessSummary(q, rows)
	};
}

export interface InstrumentAnalysis {
	id: string;
	title: LocalizedString;
	versions: VersionAnalysis[];
}

function parseAnswers(text: string): Answers {
	try {
		const v = JSON.parse(text) as unknown;
		return v && typeof v === 'object' && !Array.isArray(v) ? (v as Answers) : {};
	} catch {
		return {};
	}
}

async function analyzeStored(db: Db, v: { id: number; version: string; sha256: string }): Promise<VersionAnalysis> {
	const rows = await listCompletedAnswersOfVersion(db, v.id);
	const sha = v.sha256.slice(0, 12);
	if (rows.length < MIN_RESPONDENTS)
		return { version: v.version, sha, respondents: rows.length, enough: false, needed: MIN_RESPONDENTS - rows.length };
	const q = await loadDefinition(db, v.id);
	const completed = rows.map((r) => ({ answers: parseAnswers(r.answers), startedAt: r.started_at, completedAt: r.completed_at }));
	return { version: v.version, sha, respondents: rows.length, enough: true, stats: versionStats(q, sha, completed) };
}

/** Every stored version of an instrument, newest first, each analysed when it has enough respondents; null if none is stored. */
export async function analyzeInstrument(db: Db, instrumentId: string): Promise<InstrumentAnalysis | null> {
	const stored = await listInstrumentVersionsOf(db, instrumentId);
	if (stored.length === 0) return null;
	const versions = await Promise.all([...stored].reverse().map((v) => analyzeStored(db, v)));
	const latest = await loadDefinition(db, stored[stored.length - 1].id);
	return { id: instrumentId, title: latest.title, versions };
}

/**
 * One version's statistics for export. `version` is the semantic version; `sha` (a prefix of the
 * definition's SHA-256) is needed only when one version was stored with different contents.
 */
export async function exportVersion(db: Db, instrumentId: string, version: string | null, sha: string | null): Promise<Result<VersionStats>> {
	if (!version) return err('author.export.error.noVersion', undefined, 'version');
	const stored = (await listInstrumentVersionsOf(db, instrumentId)).filter(
		(v) => v.version === version && (!sha || v.sha256.startsWith(sha.toLowerCase()))
	);
	if (stored.length === 0) return err('author.export.error.noSuchVersion', { version, id: instrumentId }, 'version');
	if (stored.length > 1) return err('author.export.error.ambiguous', { version, id: instrumentId }, 'sha');
	const a = await analyzeStored(db, stored[0]);
	if (!a.enough) return err('author.export.error.tooFew', { n: a.respondents, min: MIN_RESPONDENTS, version, needed: a.needed });
	return ok(a.stats);
}


/**
 * One row per item: the scale's n and alpha, the item's statistics and flags, and its raw-answer
 * distribution as `value=count` pairs separated by `;`.
 */
export function statsCsv(stats: VersionStats): string {
	const header = ['questionnaire', 'version', 'respondents', 'scale', 'scale_n', 'alpha', 'alpha_too_few', 'alpha_below_70', 'item', 'reversed', 'n', 'mean', 'sd', 'r_drop', 'r_drop_below_20', 'missing', 'distribution'];
	const lines = [header.join(',')];
	for (const s of stats.scales) {
		for (const i of s.items) {
			lines.push(
				csvLine([
					stats.questionnaire, stats.version, stats.respondents, s.id, s.n, s.alpha, s.alphaTooFew, s.flagged, i.name, i.reversed,
					i.n, i.mean, i.sd, i.rDrop, i.flagged, i.missing, i.distribution.map((d) => `${d.value}=${d.count}`).join(';')
				])
			);
		}
	}
	return `${lines.join('\n')}\n`;
}
