/**
 * Labour-market tables (docs/labour-market.md): figures per occupation, indicator, area and period, with their
 * source and licence, that an operator loads beside the opportunity sets. The first shipped table is the US
 * BLS Employment Projections 2024–34; a career service adds its own (in Denmark, STAR's job prospects).
 */
import type { LocalizedString } from '../questionnaire/types.ts';

/** How an occupation is coded: O*NET-SOC 2019 (`15-1252.00`), US SOC 2018 (`15-1252`, groups `13-1020`), ISCO-08 / DISCO-08 (1–4 digits), or an ESCO occupation URI. */
export type CodeSystem = 'onet-soc' | 'soc' | 'isco' | 'esco';
export const CODE_SYSTEMS: readonly CodeSystem[] = ['onet-soc', 'soc', 'isco', 'esco'];

/** The indicators Spejl knows how to show, with the unit each must have. */
export const INDICATORS = {
	/** People employed (unit `persons`). */
	employment: 'number',
	/** Projected change of employment over the period, in percent (unit `percent`). */
	employment_change_pct: 'number',
	/** Job openings a year, on average over the period (unit `persons_per_year`). */
	openings_annual: 'number',
	/** Median yearly pay (unit: a currency code such as `USD` or `DKK`). */
	median_wage_annual: 'number',
	/** The job prospects in words: `very-good`, `good` or `limited` (unit `rating`), e.g. STAR's "rigtig gode / gode / mindre gode". */
	job_prospects: 'rating',
	/** Typical education needed to enter (unit `text`). */
	entry_education: 'text',
	/** Work experience in a related occupation usually needed (unit `text`). */
	work_experience: 'text',
	/** Training on the job usually needed to become competent (unit `text`). */
	on_the_job_training: 'text'
} as const;
export type Indicator = keyof typeof INDICATORS;
export const PROSPECTS = ['very-good', 'good', 'limited'] as const;
export type Prospect = (typeof PROSPECTS)[number];

/** One figure. A number may be a floor (`>=239200` in the file: "at least"). */
export interface LabourMarketRow {
	codeSystem: CodeSystem;
	code: string;
	/** The code's name in the source ("Software developers"), when the table gives it. */
	label?: string;
	indicator: Indicator;
	value: number | string;
	/** True when the value is a floor ("at least"). */
	atLeast?: boolean;
	unit: string;
	area: string;
	period: string;
	source: string;
	url?: string;
	licence: string;
	/** The CSV line, for messages. */
	line: number;
}

export interface LabourMarketTable {
	id: string;
	title: LocalizedString;
	/** Where the figures come from, in words (the rows' default `source`). */
	source: string;
	/** The rows' default `url`. */
	url?: string;
	/** The rows' default `licence`. */
	licence: string;
	/** Attribution texts to show wherever the table's figures are shown. */
	attribution: string[];
	/** Area codes → names (`US` → "USA", `DK-84` → "Region Hovedstaden"). Every row's area must be here. */
	areas: Record<string, LocalizedString>;
	/** The area shown when the client has chosen none of this table's areas. */
	defaultArea: string;
	/** Short label of the source for a figure's caption, e.g. "BLS 2024–34". */
	shortSource: LocalizedString;
	/** Example figures, not real ones: never shown to clients unless an operator turns illustrative data on. */
	illustrative?: boolean;
	rows: LabourMarketRow[];
}

export interface LabourMarketProblem {
	file: string;
	row?: number;
	column?: string;
	message: string;
}

export type LabourMarketTableResult =
	| { ok: true; table: LabourMarketTable }
	| { ok: false; problems: LabourMarketProblem[] };
