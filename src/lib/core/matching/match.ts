import type { Opportunity, OpportunitySet } from '../opportunities/types.ts';
import { hollandCode, iachanM, RIASEC_LETTERS } from './holland.ts';
import { pearson } from './pearson.ts';

/**
 * A profile is flat when the population SD of its six scores is below this share of the scale's range:
 * 0.025 × (5 − 1) = 0.1 on the RIASEC-48's 1–5 means, 0.15 on a 1–7 scale.
 */
export const FLAT_SD_SHARE = 0.025;

export const FLAT_PROFILE_ADVICE =
	'Your interest scores are nearly equal, so no pattern stands out to match on. Talk it through with a counsellor, or retake the interests test thinking about which activities you would really choose.';
export const INCOMPLETE_PROFILE_ADVICE =
	'Some of your six interest scores are missing, so your profile cannot be matched yet. Finish the interests questionnaire and try again.';

export interface MatchProfile {
	/** The client's six scale scores in R, I, A, S, E, C order, on any scale; null/undefined = no score. */
	riasec: readonly (number | null | undefined)[];
	/** The range the scores can take; only used for the flat-profile threshold. Default [1, 5]. */
	scale?: readonly [number, number];
}

export interface MatchOptions {
	/** Keep only opportunities at exactly this level (education level or job zone). */
	level?: number;
	/** Keep only opportunities whose title or description contains this text (case-insensitive). */
	text?: string;
	/** The reader's locale: `text` also searches the opportunity's translated title and description. */
	locale?: string;
	/** Return at most this many matches (after ranking). Default: all. */
	top?: number;
}

export interface Match {
	id: string;
	title: string;
	/** Pearson r between the client's and the opportunity's six scores (unrounded). */
	fit: number;
	/** Iachan's M (0–28) between the two three-letter codes. */
	agreement: number;
	/** The opportunity's own three-letter code, derived from its six values. */
	code: string;
	/** Up to three letters that drove the fit (see `matchOpportunities`). */
	why: string[];
	level?: number;
	url?: string;
	isco?: string[];
	esco?: string[];
	/** The opportunity's translated texts, as in the set. */
	translations?: Opportunity['translations'];
}

export type MatchResult =
	| { matchable: true; code: string; ties: string[][]; matches: Match[] }
	| { matchable: false; reason: 'flat-profile' | 'incomplete'; advice: string };

/** Per-set work that does not depend on the client, done once per set object. */
const codeCache = new WeakMap<OpportunitySet, string[]>();

function opportunityCodes(set: OpportunitySet): string[] {
	let codes = codeCache.get(set);
	if (!codes) {
		codes = set.opportunities.map((o) => hollandCode(o.riasec).code);
		codeCache.set(set, codes);
	}
	return codes;
}

/** zᵢ = (xᵢ − x̄) / s with the population SD s (the standardisation under which r = mean of zˣ·zʸ). */
function standardize(v: readonly number[]): number[] {
	const mean = v.reduce((a, b) => a + b, 0) / v.length;
	const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
	return v.map((x) => (x - mean) / sd);
}

/** Letters where both z-scores are positive, by zᶜ·zᵒ descending (ties in RIASEC order), at most 3. */
function drivers(zc: readonly number[], opportunity: readonly number[]): string[] {
	const zo = standardize(opportunity);
	return [0, 1, 2, 3, 4, 5]
		.filter((k) => zc[k] > 0 && zo[k] > 0)
		.sort((a, b) => zc[b] * zo[b] - zc[a] * zo[a])
		.slice(0, 3)
		.map((k) => RIASEC_LETTERS[k]);
}

/** The translated texts of `o` for `locale` (exact tag, then its language), if any. */
export function translationOf(o: { translations?: Opportunity['translations'] }, locale: string | undefined) {
	if (!locale || !o.translations) return undefined;
	return o.translations[locale] ?? o.translations[locale.split('-')[0]];
}

function keep(o: Opportunity, options: MatchOptions, needle: string): boolean {
	if (options.level !== undefined && o.level !== options.level) return false;
	if (needle === '') return true;
	const local = translationOf(o, options.locale);
	return [o.title, o.description, local?.title, local?.description].some((s) => s?.toLowerCase().includes(needle) ?? false);
}

/**
 * Ranks an opportunity set against a client's six RIASEC scores by profile shape (docs/opportunity-sets.md):
 *
 *   fit = r(client, opportunity), Pearson's r over the six R–C values (so the two scales need not match);
 *   agreement = Iachan's M of the client's and the opportunity's three-letter codes (0–28);
 *   why = letters k with zᶜₖ > 0 and zᵒₖ > 0 (z within each profile, population SD), ordered by zᶜₖ·zᵒₖ
 *         descending, at most 3. Since r = (1/6) Σₖ zᶜₖ·zᵒₖ, these are the largest shared high points
 *         adding to the fit.
 *
 * Sorted by fit descending, then agreement descending, then title (`localeCompare`, 'en'), then id.
 * Opportunities with six equal values (no shape) are left out. A profile with a missing score is
 * `incomplete`; one whose population SD is below `FLAT_SD_SHARE` × the scale range (0.1 on 1–5) is
 * `flat-profile`: shape matching would rank noise. Filters: `level` (exact), `text` (case-insensitive
 * substring of title or description, and with `locale` of the translated title or description), `top`.
 *
 * Reference: McCloy, R., Campbell, J., Oswald, F. L., Lewis, P., & Rivkin, D. (1999). Linking client
 * assessment profiles to O*NET occupational profiles. Raleigh, NC: National Center for O*NET Development.
 * Iachan (1984) for the agreement (see `iachanM`).
 * @example
 * const set = { id: 'demo', title: 'Demo', kind: 'job', licence: 'MIT', attribution: [], scale: [1, 7],
 *   opportunities: [{ id: 'x', title: 'X', riasec: [2, 3, 4, 5, 6, 7] }] };
 * matchOpportunities({ riasec: [1, 2, 3, 4, 5, 6] }, set)
 * // → { matchable: true, code: 'CES', ties: [],
 * //     matches: [{ id: 'x', title: 'X', fit: 1, agreement: 28, code: 'CES', why: ['C', 'E', 'S'] }] }
 */
export function matchOpportunities(
	profile: MatchProfile,
	set: OpportunitySet,
	options: MatchOptions = {}
): MatchResult {
	const raw = profile.riasec;
	if (raw.length !== 6 || !raw.every((x) => typeof x === 'number' && Number.isFinite(x))) {
		return { matchable: false, reason: 'incomplete', advice: INCOMPLETE_PROFILE_ADVICE };
	}
	const scores = raw as readonly number[];
	const [lo, hi] = profile.scale ?? [1, 5];
	const mean = scores.reduce((a, b) => a + b, 0) / 6;
	const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / 6);
	if (sd < FLAT_SD_SHARE * (hi - lo)) {
		return { matchable: false, reason: 'flat-profile', advice: FLAT_PROFILE_ADVICE };
	}
	if (options.top !== undefined && (!Number.isInteger(options.top) || options.top < 1)) {
		throw new Error(`matchOpportunities: top must be a positive whole number, got ${options.top}`);
	}
	const person = hollandCode(scores);
	const codes = opportunityCodes(set);
	const needle = (options.text ?? '').trim().toLowerCase();

	const ranked: { o: Opportunity; fit: number; agreement: number; code: string }[] = [];
	set.opportunities.forEach((o, i) => {
		if (!keep(o, options, needle)) return;
		const fit = pearson(scores, o.riasec);
		if (fit === null) return;
		ranked.push({ o, fit, agreement: iachanM(person.code, codes[i]), code: codes[i] });
	});
	ranked.sort(
		(a, b) =>
			b.fit - a.fit ||
			b.agreement - a.agreement ||
			a.o.title.localeCompare(b.o.title, 'en') ||
			(a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0)
	);

	const zc = standardize(scores);
	const matches = ranked.slice(0, options.top ?? ranked.length).map(({ o, fit, agreement, code }) => {
		const m: Match = { id: o.id, title: o.title, fit, agreement, code, why: drivers(zc, o.riasec) };
		if (o.level !== undefined) m.level = o.level;
		if (o.url !== undefined) m.url = o.url;
		if (o.isco !== undefined) m.isco = o.isco;
		if (o.esco !== undefined) m.esco = o.esco;
		if (o.translations !== undefined) m.translations = o.translations;
		return m;
	});
	return { matchable: true, code: person.code, ties: person.ties, matches };
}
