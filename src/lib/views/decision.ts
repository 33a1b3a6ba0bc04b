// The decision step as its page, the counsellor's report and the printed report show it (built by
// src/lib/server/profile/decision.ts).
import type { DecisionOption, GridHint, LabourFacts, PlanStep } from '../core/decision/decision';
import type { FitLevel } from '../core/matching/fit-words';

export interface DecisionOptionView extends DecisionOption {
	title: string;
	levelLabel?: string;
	url?: string;
	/** Pearson r of the client's interests and the option's (null without an interest result). */
	fit: number | null;
	fitLevel: FitLevel | null;
	hint: GridHint | null;
	facts: LabourFacts | null;
}

export interface DecisionView {
	/** Every kept option (for choosing which to weigh). */
	kept: { key: string; title: string }[];
	options: DecisionOptionView[];
	plan: PlanStep[];
	updatedAt: string | null;
	comment: { body: string; by: string; at: string } | null;
}
