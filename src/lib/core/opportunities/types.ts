/**
 * Opportunity sets (docs/opportunity-sets.md): a CSV of opportunities with six RIASEC values each, plus a JSON sidecar
 * naming the source, licence and the R–C scale range.
 */
import type { LocalizedString } from '../questionnaire/types.ts';

/** Six values in the fixed order R, I, A, S, E, C. */
export type Riasec = [number, number, number, number, number, number];

/** What a set describes; the UI words its headings by this. */
export type OpportunityKind = 'occupation' | 'education' | 'course' | 'job' | 'other';

export const OPPORTUNITY_KINDS: readonly OpportunityKind[] = ['occupation', 'education', 'course', 'job', 'other'];

export interface Opportunity {
	id: string;
	title: string;
	/** R, I, A, S, E, C on the set's `scale`. */
	riasec: Riasec;
	/** Education level or job zone; a key of the set's `levels` when it has them. */
	level?: number;
	url?: string;
	/** ISCO-08 codes. */
	isco?: string[];
	/** ESCO concept URIs. */
	esco?: string[];
	description?: string;
	/**
	 * Translated texts by locale (`title_da`, `description_da` columns); `titleSource` / `descriptionSource`
	 * say where each comes from (e.g. an ESCO URI), `titleRelation` how that source relates to this opportunity
	 * (`exactMatch`, `broadMatch`, `iscoGroup`, …) and `titleChecked` when a person checked it (a date). A locale
	 * without a title shows `title`.
	 */
	translations?: Record<string, TranslatedTexts>;
	/**
	 * O*NET work-value extent scores (1–7) in the order Achievement, Working Conditions, Recognition,
	 * Relationships, Support, Independence (columns `wv_achievement` … `wv_independence`); absent when unknown.
	 */
	workValues?: WorkValues;
}

/** Six work-value extent scores, see `Opportunity.workValues`. */
export type WorkValues = [number, number, number, number, number, number];

export interface TranslatedTexts {
	title?: string;
	description?: string;
	titleSource?: string;
	titleRelation?: string;
	titleChecked?: string;
	descriptionSource?: string;
	descriptionRelation?: string;
	descriptionChecked?: string;
}

/** Where a set's translated columns for one locale come from (sidecar `translations`). */
export interface TranslationSource {
	source: string;
	licence: string;
	/** Attribution texts the translation's licence requires; shown with the set's own. */
	attribution: string[];
}

export interface OpportunitySet {
	id: string;
	title: LocalizedString;
	kind: OpportunityKind;
	/** Where the data comes from, in words. */
	source?: string;
	licence: string;
	/** Attribution texts the licence requires; show all of them wherever the set's data is shown. */
	attribution: string[];
	/** Longer licence notices (e.g. the MIT text) to keep with the data. */
	notices?: string[];
	/** Lowest and highest possible R–C value. */
	scale: [number, number];
	/** Labels of the levels, keyed by the level number as a string. */
	levels?: Record<string, LocalizedString>;
	/** Plain-words descriptions of the levels (what preparation each means), keyed like `levels`. */
	levelDescriptions?: Record<string, LocalizedString>;
	/** Provenance of the translated columns, by locale. */
	translations?: Record<string, TranslationSource>;
	/** Example data, not real: offered to clients only when the operator chooses it (ILLUSTRATIVE_DATA=1), and marked. */
	illustrative?: boolean;
	opportunities: Opportunity[];
}

/** A problem with an opportunity set; `row` is the 1-based line in the CSV (the header is line 1). */
export interface OpportunityProblem {
	/** The file the problem is in (the CSV or its JSON sidecar). */
	file?: string;
	row?: number;
	/** A CSV column name, or a sidecar property such as `scale`. */
	column?: string;
	message: string;
}

export type OpportunitySetResult =
	| { ok: true; set: OpportunitySet }
	| { ok: false; problems: OpportunityProblem[] };
