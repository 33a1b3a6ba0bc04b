/**
 * The profile export, version 1 (docs/profile-export.md): the document a client downloads, a counsellor exports for
 * a client who shares, and a matching service reads from `/api/v1/profile`. It validates against the
 * published JSON Schema `static/schema/profile-v1.json`; change both together, and only compatibly.
 */
import { localize } from '../localize.ts';
import { matchOpportunities } from '../matching/match.ts';
import { riasecFromDimensions } from '../matching/profile-riasec.ts';
import type { OpportunitySet } from '../opportunities/types.ts';
import type { Interval } from '../questionnaire/types.ts';
import type { CompletedResult, Profile, ProfileDimension } from './build.ts';
import type { OthersViewExport } from '../others-view/window.ts';
import type { ExportDecision } from '../decision/decision.ts';

/** Identifies the format and its version; the same string is the schema's `$id`. */
export const PROFILE_SCHEMA_URL = 'https://spejl.example/schema/profile-v1.json';
/** How many matches the export carries. */
export const EXPORT_MATCHES = 10;

export interface ExportScale {
	id: string;
	/** null when too few items were answered; `reason` then says why. */
	score: number | null;
	answered: number;
	reason?: string;
	z: number | null;
	t: number | null;
	percentile: number | null;
	sten: number | null;
	/** The band's label in the subject's locale. */
	band: string | null;
	/** 90 % band on the score, T and percentile metrics (with a norm and a reliability). */
	ci90: { score: Interval; t: Interval; percentile: Interval } | null;
}

export interface ExportResult {
	instrument: string;
	version: string;
	completedAt: string;
	scales: ExportScale[];
	codes: Record<string, { code: string | null; ties: string[][] }>;
	tallies: Record<string, Record<string, number>>;
	rankings: Record<string, string[]>;
	lists: Record<string, string[]>;
}

export interface ExportMatch {
	id: string;
	title: string;
	/** Pearson r of the two RIASEC profiles, rounded to 3 decimals. */
	fit: number;
	/** The letters that drove the fit. */
	why: string[];
	/** Extension: Iachan's M (0–28) of the two three-letter codes. */
	agreement: number;
	/** Extension: the opportunity's level (job zone / education level), when it has one. */
	level?: number;
}

/** Extension: where the matches come from, with the attribution its licence requires. */
export interface ExportMatchSource {
	set: string;
	title: string;
	licence: string;
	attribution: string[];
}

/** Extension: an opportunity the person starred. */
export interface ExportShortlistItem {
	/** The opportunity set's id. */
	set: string;
	id: string;
	/** As shown to the person (their language where the set has it). */
	title: string;
	addedAt: string;
}

export interface ProfileExport {
	schema: typeof PROFILE_SCHEMA_URL;
	subject: { id: string; locale: string };
	generatedAt: string;
	dimensions: Record<string, ProfileDimension>;
	codes: Record<string, string>;
	results: ExportResult[];
	matches: ExportMatch[];
	matchSource?: ExportMatchSource;
	/** "How others see me" (v1 extension), once enough people answered; see docs/others-view.md. */
	othersView?: OthersViewExport;
	shortlist?: ExportShortlistItem[];
	/** Extension: the decision step (balance sheets, want-vs-likely ratings, action plan), once started. */
	decision?: ExportDecision;
}

export interface ProfileExportInput {
	/** Opaque and stable per person (the user id). */
	subjectId: string;
	/** The subject's locale: band labels and the set title are given in it. */
	locale: string;
	profile: Profile;
	generatedAt: Date;
	/** The set the matches come from (the default set); without one, `matches` is empty. */
	opportunities?: OpportunitySet | null;
	/** The person's shortlist; carried as `shortlist` when given. */
	shortlist?: ExportShortlistItem[];
	/** The person's decision step; carried as `decision` when given. */
	decision?: ExportDecision;
}

/** `2026-11-26T10:00:00.000Z` → `2026-11-26T10:00:00Z`, as in docs/profile-export.md. */
function isoSeconds(d: Date): string {
	if (Number.isNaN(d.getTime())) throw new Error('buildProfileExport: generatedAt is not a valid date');
	return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function exportResult(r: CompletedResult, locale: string): ExportResult {
	const { result } = r;
	return {
		instrument: r.instrumentId,
		version: r.version,
		completedAt: r.completedAt,
		scales: result.scales.map((s) => ({
			id: s.id,
			score: s.score,
			answered: s.answered,
			...(s.score === null && s.reason ? { reason: s.reason } : {}),
			z: s.z ?? null,
			t: s.t ?? null,
			percentile: s.percentile ?? null,
			sten: s.sten ?? null,
			band: s.band ? localize(s.band.label, locale) : null,
			ci90: s.ci90 ?? null
		})),
		codes: Object.fromEntries(
			Object.entries(result.codes).map(([id, c]) => [id, { code: c.code, ties: c.ties }])
		),
		tallies: result.tallies,
		rankings: result.rankings,
		lists: result.lists
	};
}

function exportMatches(profile: Profile, set: OpportunitySet): ExportMatch[] {
	const { found, profile: riasec } = riasecFromDimensions(profile.dimensions);
	if (!found) return [];
	const result = matchOpportunities(riasec, set, { top: EXPORT_MATCHES });
	if (!result.matchable) return [];
	return result.matches.map((m) => ({
		id: m.id,
		title: m.title,
		fit: Math.round(m.fit * 1000) / 1000,
		why: m.why,
		agreement: m.agreement,
		...(m.level !== undefined ? { level: m.level } : {})
	}));
}

/**
 * Builds the profile export document, version 1 (docs/profile-export.md), from a built profile: the dimensions and
 * codes as they are, one `results` entry per instrument (its latest completed result, newest first;
 * history is not exported), and the top 10 `matches` of the given opportunity set (none when there is
 * no set, no RIASEC result, or the profile is flat or incomplete — see `matchOpportunities`).
 * Missing numbers are `null`, never left out, so every scale has the same fields. Pure: the time and
 * the set are parameters.
 *
 * Reference: docs/profile-export.md; JSON Schema `static/schema/profile-v1.json`.
 * @example buildProfileExport({ subjectId: 'u1', locale: 'da', generatedAt: new Date(0),
 *   profile: { latest: [], history: {}, dimensions: {}, codes: {} } })
 * // → { schema: 'https://spejl.example/schema/profile-v1.json', subject: { id: 'u1', locale: 'da' },
 * //     generatedAt: '1970-01-01T00:00:00Z', dimensions: {}, codes: {}, results: [], matches: [] }
 */
export function buildProfileExport(input: ProfileExportInput): ProfileExport {
	const { profile, locale, opportunities } = input;
	if (!input.subjectId) throw new Error('buildProfileExport: subjectId is required');
	const doc: ProfileExport = {
		schema: PROFILE_SCHEMA_URL,
		subject: { id: input.subjectId, locale },
		generatedAt: isoSeconds(input.generatedAt),
		dimensions: profile.dimensions,
		codes: profile.codes,
		results: profile.latest.map((r) => exportResult(r, locale)),
		matches: opportunities ? exportMatches(profile, opportunities) : []
	};
	if (opportunities && doc.matches.length > 0) {
		doc.matchSource = {
			set: opportunities.id,
			title: localize(opportunities.title, locale),
			licence: opportunities.licence,
			attribution: opportunities.attribution
		};
	}
	if (input.shortlist) doc.shortlist = input.shortlist;
	if (input.decision) doc.decision = input.decision;
	return doc;
}
