// What the author pages show: item analysis of a stored version (src/lib/server/author/author-analysis.ts)
// and the playground's score report (src/lib/server/author/author-playground.ts). Types only.
import type { ItemAnalysis } from '../core/analysis/analyze-items';
import type { ValueCount } from '../core/analysis/distribution';
import type { Interval, LocalizedString } from '../core/questionnaire/types';

export interface ItemStats extends ItemAnalysis {
	/** The item's text as the person read it (question title or grid row), null when it has none. */
	text: LocalizedString | null;
	reversed: boolean;
	/** Raw answers per response value of the scale's range (before reverse keying). */
	distribution: ValueCount[];
	/** rDrop < RDROP_FLAG. */
	flagged: boolean;
}

export interface ScaleStats {
	id: string;
	title: LocalizedString;
	range: [number, number];
	n: number;
	alpha: number | null;
	/** Fewer complete cases than ALPHA_MIN_N: alpha is too unstable to read (shown as a warning, not a number). */
	alphaTooFew: boolean;
	/** alpha < ALPHA_FLAG (never when alphaTooFew). */
	flagged: boolean;
	items: ItemStats[];
}

export interface CarelessSummary {
	/** Items scored on some scale, in the order they are presented. */
	scoredItems: number;
	/** How many respondents had each longest run of identical consecutive answers (observed lengths only). */
	longestRun: { length: number; respondents: number }[];
	longestRunMedian: number | null;
	/** Runs at least this long (half the scored items) are counted as straight-lining. */
	longRunThreshold: number;
	longRunShare: number | null;
	/** Completion time = completed_at − started_at, in seconds. */
	completionMedianSeconds: number | null;
	fastThresholdSeconds: number;
	fastShare: number | null;
}

export interface VersionStats {
	questionnaire: string;
	version: string;
	sha: string;
	respondents: number;
	scales: ScaleStats[];
	careless: CarelessSummary;
}

export interface ItemReport {
	name: string;
	reversed: boolean;
	answer: number | null;
	keyed: number | null;
}

export interface ScaleReport {
	id: string;
	title: string;
	method: 'mean' | 'sum';
	range: [number, number];
	minAnswered: number;
	items: ItemReport[];
	score: number | null;
	answered: number;
	reason: string | null;
	norm: { id: string; title: string; mean: number; sd: number } | null;
	reliability: number | null;
	z: number | null;
	t: number | null;
	percentile: number | null;
	sten: number | null;
	ci90: { score: Interval; t: Interval; percentile: Interval } | null;
	band: { label: string; text: string | null } | null;
}

export interface ScoreReport {
	scales: ScaleReport[];
	codes: { id: string; code: string | null; ties: string[][] }[];
	tallies: { id: string; counts: { label: string; n: number }[] }[];
	rankings: { id: string; items: string[] }[];
	lists: { id: string; items: string[] }[];
}
