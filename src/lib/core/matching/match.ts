import type { Opportunity, OpportunitySet } from '../opportunities/types.ts';
import { hollandCode, IACHAN_WEIGHTS, RIASEC_LETTERS } from './holland.ts';
import { centre, correlationFromSums, pearson } from '../analysis/correlation.ts';
import { valuesBonus, valuesReason, type ValuesProfile, type ValuesReason } from './work-values.ts';

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
	/**
	 * The client's work values (`valuesProfile`): when given, each opportunity with O*NET work values is sorted
	 * by fit + `valuesBonus` (at most ±0.03) instead of fit alone, and gets a `values` reason. Without it the
	 * order is by fit alone.
	 */
	values?: ValuesProfile | null;
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
	/** With `options.values` and the opportunity's work values: which of the client's values it offers. */
	values?: ValuesReason;
}

export type MatchResult =
	| { matchable: true; code: string; ties: string[][]; matches: Match[] }
	| { matchable: false; reason: 'flat-profile' | 'incomplete'; advice: string };

/**
 * Everything about a set that does not depend on the client, computed once per set object (sets are not
 * changed after parsing) and kept in typed arrays, so ranking a profile allocates only its result:
 * per opportunity k, `dev[6k + i]` = yᵢ − ȳ and `ss[k]` = Σ(yᵢ − ȳ)², computed exactly as `pearson` does, so
 * the fit is the same number to the last bit; `constant[k]` = 1 when `pearson` would find no variance;
 * `z` = the z-scores of `drivers`; `letterPos[6k + l]` = the position (0–2) of letter l in the
 * opportunity's code or −1 (Iachan's M without string work); `rank[k]` = the place of k when the whole set
 * is sorted by title (`localeCompare`, 'en'), then id, then set order: the ranking's last tie-breaks.
 */
interface Prepared {
	codes: string[];
	dev: Float64Array;
	ss: Float64Array;
	constant: Uint8Array;
	/** Index of an opportunity with a value that is not a finite number, or −1 (pearson() would throw). */
	invalid: Int32Array;
	z: Float64Array;
	letterPos: Int8Array;
	rank: Uint32Array;
	/** Per-call scratch, reused: fits, sorting keys (fit, or fit + values bonus), agreements and the order of the kept opportunities. */
	fit: Float64Array;
	key: Float64Array;
	agreement: Int32Array;
	order: Uint32Array;
	/** Lower-case title and description per locale ('' = the untranslated texts), built on first use. */
	lowerTexts: Map<string, string[][]>;
}

const preparedSets = new WeakMap<OpportunitySet, Prepared>();

function prepare(set: OpportunitySet): Prepared {
	let p = preparedSets.get(set);
	if (p) return p;
	const list = set.opportunities;
	const n = list.length;
	const codes = list.map((o) => hollandCode(o.riasec).code);
	const dev = new Float64Array(6 * n);
	const ss = new Float64Array(n);
	const constant = new Uint8Array(n);
	const invalid = new Int32Array(n).fill(-1);
	const z = new Float64Array(6 * n);
	const letterPos = new Int8Array(6 * n).fill(-1);
	for (let k = 0; k < n; k++) {
		const y = list[k].riasec;
		if (y.length !== 6 || !y.every((v) => Number.isFinite(v))) {
			invalid[k] = k;
			continue;
		}
		// centred as pearson() centres it, so the fit is the same number
		const c = centre(y);
		for (let i = 0; i < 6; i++) dev[6 * k + i] = y[i] - c.mean;
		ss[k] = c.ss;
		constant[k] = c.constant ? 1 : 0;
		const zo = standardize(y);
		for (let i = 0; i < 6; i++) z[6 * k + i] = zo[i];
		for (let pos = 0; pos < codes[k].length; pos++) letterPos[6 * k + LETTER_INDEX[codes[k][pos]]] = pos;
	}
	const byTitle = Array.from({ length: n }, (_, k) => k).sort(
		(a, b) =>
			list[a].title.localeCompare(list[b].title, 'en') ||
			(list[a].id < list[b].id ? -1 : list[a].id > list[b].id ? 1 : 0) ||
			a - b
	);
	const rank = new Uint32Array(n);
	byTitle.forEach((k, place) => (rank[k] = place));
	p = {
		codes,
		dev,
		ss,
		constant,
		invalid,
		z,
		letterPos,
		rank,
		fit: new Float64Array(n),
		key: new Float64Array(n),
		agreement: new Int32Array(n),
		order: new Uint32Array(n),
		lowerTexts: new Map()
	};
	preparedSets.set(set, p);
	return p;
}

const LETTER_INDEX: Readonly<Record<string, number>> = Object.fromEntries(RIASEC_LETTERS.map((l, i) => [l, i]));

/** zᵢ = (xᵢ − x̄) / s with the population SD s (the standardisation under which r = mean of zˣ·zʸ). */
function standardize(v: readonly number[]): number[] {
	const mean = v.reduce((a, b) => a + b, 0) / v.length;
	const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
	return v.map((x) => (x - mean) / sd);
}

/** Scratch for `drivers`: the letters picked so far and their products. */
const pickedLetters = new Int8Array(6);
const pickedProducts = new Float64Array(6);

/**
 * Letters where both z-scores are positive, by zᶜ·zᵒ descending (ties in RIASEC order), at most 3; `z` holds
 * the opportunity's z-scores at `at`…`at + 5`. A stable insertion sort of at most six letters.
 */
function drivers(zc: readonly number[], z: Float64Array, at: number): string[] {
	let size = 0;
	for (let k = 0; k < 6; k++) {
		if (!(zc[k] > 0 && z[at + k] > 0)) continue;
		const product = zc[k] * z[at + k];
		let j = size++;
		while (j > 0 && pickedProducts[j - 1] < product) {
			pickedLetters[j] = pickedLetters[j - 1];
			pickedProducts[j] = pickedProducts[j - 1];
			j--;
		}
		pickedLetters[j] = k;
		pickedProducts[j] = product;
	}
	const why: string[] = [];
	for (let j = 0; j < size && j < 3; j++) why.push(RIASEC_LETTERS[pickedLetters[j]]);
	return why;
}

/** The translated texts of `o` for `locale` (exact tag, then its language), if any. */
export function translationOf(o: { translations?: Opportunity['translations'] }, locale: string | undefined) {
	if (!locale || !o.translations) return undefined;
	return o.translations[locale] ?? o.translations[locale.split('-')[0]];
}

/** The lower-case texts `text` searches, per opportunity: title, description and, for `locale`, their translations. */
function lowerTexts(set: OpportunitySet, p: Prepared, locale: string | undefined): string[][] {
	const key = locale ?? '';
	let texts = p.lowerTexts.get(key);
	if (!texts) {
		texts = set.opportunities.map((o) => {
			const local = translationOf(o, locale);
			return [o.title, o.description, local?.title, local?.description]
				.filter((t): t is string => typeof t === 'string')
				.map((t) => t.toLowerCase());
		});
		p.lowerTexts.set(key, texts);
	}
	return texts;
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
 * With `options.values` (the client's work values) the first sort key is fit + `valuesBonus` (work-values.ts),
 * which moves an opportunity at most 0.03 up or down, so values only reorder near-equal fits.
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
	const p = prepare(set);
	const list = set.opportunities;
	const n = list.length;
	const needle = (options.text ?? '').trim().toLowerCase();
	const texts = needle === '' ? null : lowerTexts(set, p, options.locale);

	// the client's side of pearson(), centred the same way
	const { mean: cMean, ss: cSs, constant: clientConstant } = centre(scores);
	const d0 = scores[0] - cMean, d1 = scores[1] - cMean, d2 = scores[2] - cMean;
	const d3 = scores[3] - cMean, d4 = scores[4] - cMean, d5 = scores[5] - cMean;
	// Iachan's weights of the client's three letters, by the letter's position in the opportunity's code
	const l0 = LETTER_INDEX[person.code[0]], l1 = LETTER_INDEX[person.code[1]], l2 = LETTER_INDEX[person.code[2]];
	const { dev, ss, constant, invalid, letterPos, fit, key, agreement, order, rank } = p;
	const values = options.values ?? null;

	let kept = 0;
	for (let k = 0; k < n; k++) {
		if (options.level !== undefined && list[k].level !== options.level) continue;
		if (texts !== null && !texts[k].some((t) => t.includes(needle))) continue;
		if (invalid[k] >= 0) pearson(scores, list[k].riasec); // throws its message, as before
		if (clientConstant || constant[k] === 1) continue;
		const a = 6 * k;
		const sxy = 0 + d0 * dev[a] + d1 * dev[a + 1] + d2 * dev[a + 2] + d3 * dev[a + 3] + d4 * dev[a + 4] + d5 * dev[a + 5];
		fit[k] = correlationFromSums(sxy, cSs, ss[k]);
		key[k] = values ? fit[k] + valuesBonus(list[k].workValues, values) : fit[k];
		let m = 0;
		const p0 = letterPos[a + l0], p1 = letterPos[a + l1], p2 = letterPos[a + l2];
		if (p0 >= 0) m += IACHAN_WEIGHTS[0][p0];
		if (p1 >= 0) m += IACHAN_WEIGHTS[1][p1];
		if (p2 >= 0) m += IACHAN_WEIGHTS[2][p2];
		agreement[k] = m;
		order[kept++] = k;
	}
	// key (fit, or fit + values bonus) descending, agreement descending, then the set's title order (no two compare equal)
	const before = (a: number, b: number) =>
		key[a] !== key[b] ? key[a] > key[b] : agreement[a] !== agreement[b] ? agreement[a] > agreement[b] : rank[a] < rank[b];
	const top = Math.min(options.top ?? kept, kept);
	if (top * 8 < kept) {
		// the best `top` by insertion into a short sorted head: most opportunities lose the first comparison
		let size = 0;
		for (let i = 0; i < kept; i++) {
			const k = order[i];
			if (size === top && !before(k, order[size - 1])) continue;
			let j = size < top ? size++ : size - 1;
			while (j > 0 && before(k, order[j - 1])) {
				order[j] = order[j - 1];
				j--;
			}
			order[j] = k;
		}
	} else {
		order.subarray(0, kept).sort((a, b) => key[b] - key[a] || agreement[b] - agreement[a] || rank[a] - rank[b]);
	}

	const zc = standardize(scores);
	const matches: Match[] = new Array(top);
	for (let i = 0; i < top; i++) {
		const k = order[i];
		const o = list[k];
		const m: Match = { id: o.id, title: o.title, fit: fit[k], agreement: agreement[k], code: p.codes[k], why: drivers(zc, p.z, 6 * k) };
		if (o.level !== undefined) m.level = o.level;
		if (o.url !== undefined) m.url = o.url;
		if (o.isco !== undefined) m.isco = o.isco;
		if (o.esco !== undefined) m.esco = o.esco;
		if (o.translations !== undefined) m.translations = o.translations;
		if (values && o.workValues) m.values = valuesReason(o.workValues, values);
		matches[i] = m;
	}
	return { matchable: true, code: person.code, ties: person.ties, matches };
}
