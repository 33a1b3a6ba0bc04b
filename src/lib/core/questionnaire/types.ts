/**
 * Types of the questionnaire file format, version 1 (docs/questionnaire-format.md), and of scored results.
 * This module is the contract between the core, the server, the CLI and the UI.
 */
import type { OthersViewDefinition } from '../others-view/types.ts';

/** A plain string, or locale → text with `default` as the fallback (SurveyJS's own convention). */
export type LocalizedString = string | ({ default: string } & Record<string, string>);

import type { AdaptiveDefinition } from '../irt/adaptive.ts';

export type InstrumentKind = 'test' | 'self-evaluation' | 'exercise';

export interface Norm {
	id: string;
	title?: LocalizedString;
	population?: string;
	n?: number;
	/** On the scale's own metric (mean or sum). */
	mean: number;
	sd: number;
	source?: string;
}

export interface Band {
	/** Upper bound (inclusive): a percentile when the scale has norms, otherwise the scale's own metric. */
	upTo: number;
	label: LocalizedString;
	text?: LocalizedString;
}

export interface ScaleDefinition {
	id: string;
	title: LocalizedString;
	/** Where the scale lands in the profile, e.g. `bigfive.E`, `riasec.S`. */
	dimension?: string;
	/**
	 * Question names; a Likert-grid row as `<matrix>.<row value>`, a matrixdropdown cell as
	 * `<matrix>.<row value>.<column name>`.
	 */
	items: string[];
	/** Take each item's value from this property of the chosen choice (e.g. `score`) instead of its `value`. */
	valueFrom?: string;
	reverse?: string[];
	/** Lowest and highest response value of the items. */
	range: [number, number];
	method: 'mean' | 'sum';
	/** Fewer answered items → no score. Default: all items. */
	minAnswered?: number;
	norms?: Norm[];
	reliability?: { alpha: number; source?: string };
	bands?: Band[];
}

export interface CodeDefinition {
	id: string;
	scales: string[];
	letters: string[];
	length: number;
}

export interface TallyDefinition {
	id: string;
	/** A question name; for matrixdynamic/paneldynamic, `column` names the cell or inner question holding the category. */
	question: string;
	column?: string;
	/** A profile namespace: each category c becomes dimension `<dimension>.<c>` with its count. */
	dimension?: string;
}

export interface RankingDefinition {
	id: string;
	question: string;
	top: number;
}

export interface ListDefinition {
	id: string;
	questions: string[];
}

export interface Scoring {
	scales?: ScaleDefinition[];
	codes?: CodeDefinition[];
	tallies?: TallyDefinition[];
	rankings?: RankingDefinition[];
	lists?: ListDefinition[];
	/** "How others see me" (see docs/others-view.md). */
	othersView?: OthersViewDefinition;
}

export interface Questionnaire {
	$schema?: string;
	id: string;
	version: string;
	kind: InstrumentKind;
	title: LocalizedString;
	description?: LocalizedString;
	minutes?: number;
	source?: { citation: string; licence: string; url?: string; notes?: string };
	/** Per locale: whether the translation has been validated (extension of v1; absent means unknown). */
	translations?: Record<string, { validated: boolean; note?: string }>;
	/** SurveyJS form JSON. */
	survey: Record<string, unknown>;
	scoring?: Scoring;
	/** An adaptive test over calibrated item parameters (docs/adaptive-testing.md). */
	adaptive?: AdaptiveDefinition;
}

/** One problem found in a questionnaire file: `path` is a JSON path such as `$.scoring.scales[2].reverse[0]`. */
export interface QuestionnaireProblem {
	path: string;
	message: string;
}

/** Answers as SurveyJS produces them (`survey.data`): element name → value. */
export type Answers = Record<string, unknown>;

export interface Interval {
	low: number;
	high: number;
}

export interface ScaleResult {
	id: string;
	/** null when fewer than minAnswered items were answered; `reason` then says why. */
	score: number | null;
	answered: number;
	reason?: string;
	/** Present only with a norm. */
	norm?: string;
	z?: number;
	t?: number;
	percentile?: number;
	sten?: number;
	/** Index into the scale's `bands` and its label/text (unresolved localised strings). */
	band?: { index: number; label: LocalizedString; text?: LocalizedString };
	/** 90 % band from SEM = sd·√(1−α), with a norm and a reliability. */
	ci90?: { score: Interval; t: Interval; percentile: Interval };
	/** An adaptive test's scale: statements presented, of how many, and the SE of θ (docs/adaptive-testing.md). */
	adaptive?: { items: number; of: number; se: number };
}

export interface CodeResult {
	/** Letters of the highest scales, highest first, e.g. `SAE`; null if a scale has no score. */
	code: string | null;
	/** Groups of letters whose scores tie, e.g. [['A','E']]; only ties that touch the code. */
	ties: string[][];
}

export interface ScoredResult {
	scales: ScaleResult[];
	codes: Record<string, CodeResult>;
	/** tally id → category → count */
	tallies: Record<string, Record<string, number>>;
	/** ranking id → top values, first = most important */
	rankings: Record<string, string[]>;
	/** list id → texts verbatim */
	lists: Record<string, string[]>;
	/** An adaptive test: statements used of the bank, and each step in order with the scale's θ and SE after it. */
	adaptive?: { used: number; of: number; steps: { item: string; value: number | null; theta: number; se: number }[] };
}
