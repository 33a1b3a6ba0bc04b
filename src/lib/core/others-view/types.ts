/**
 * "How others see me": the exercise's definition (`scoring.othersView` of a questionnaire file) and
 * the Johari-style window it yields. See docs/others-view.md.
 */
import type { LocalizedString } from '../questionnaire/types.ts';

export interface OthersViewDefinition {
	/** Checkbox questions of the survey, one per theme; their choices are the qualities. */
	questions: string[];
	/** How many qualities the client picks about themself, in total over all the questions. */
	min: number;
	max: number;
	/** Answers needed before any result is shown (so no single answer can be traced to a person). */
	minRespondents: number;
	/** Longest free text an invitee may write (characters). */
	maxTextLength: number;
}

export interface Quality {
	/** The choice value, unique over all the exercise's questions. */
	id: string;
	text: LocalizedString;
}

export interface QualityTheme {
	/** The question name. */
	id: string;
	title: LocalizedString;
	qualities: Quality[];
}

/** One quality in a quadrant: `others` is how many of the respondents chose it. */
export interface WindowEntry {
	id: string;
	others: number;
}

export type JohariWindow =
	| { ready: false; respondents: number; needed: number }
	| {
			ready: true;
			respondents: number;
			/** Chosen by me and by at least one other. */
			open: WindowEntry[];
			/** Chosen by others, not by me. */
			blind: WindowEntry[];
			/** Chosen by me, by none of the others. */
			hidden: WindowEntry[];
	  };
