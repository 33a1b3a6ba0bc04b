/**
 * matchOpportunities against a straightforward reference ranking (the first implementation: one pearson()
 * and iachanM() call per opportunity, a sort of objects): the precomputed, typed-array ranking must give
 * exactly the same result, value for value, on the 923 O*NET occupations and on hand-made edge cases.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	matchOpportunities,
	FLAT_PROFILE_ADVICE,
	FLAT_SD_SHARE,
	INCOMPLETE_PROFILE_ADVICE,
	type Match,
	type MatchOptions,
	type MatchProfile,
	type MatchResult
} from './match.ts';
import { hollandCode, iachanM, RIASEC_LETTERS } from './holland.ts';
import { pearson } from '../analysis/correlation.ts';
import { parseOpportunitySet } from '../opportunities/parse-set.ts';
import type { Opportunity, OpportunitySet, Riasec } from '../opportunities/types.ts';

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
function translationOf(o: { translations?: Opportunity['translations'] }, locale: string | undefined) {
	if (!locale || !o.translations) return undefined;
	return o.translations[locale] ?? o.translations[locale.split('-')[0]];
}

function keep(o: Opportunity, options: MatchOptions, needle: string): boolean {
	if (options.level !== undefined && o.level !== options.level) return false;
	if (needle === '') return true;
	const local = translationOf(o, options.locale);
	return [o.title, o.description, local?.title, local?.description].some((s) => s?.toLowerCase().includes(needle) ?? false);
}

/** The straightforward ranking as first written (one pearson() and iachanM() call per opportunity). */
function referenceMatch(
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
	const codes = set.opportunities.map((o) => hollandCode(o.riasec).code);
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

function onet(): OpportunitySet {
	const dir = fileURLToPath(new URL('../../../../opportunities/', import.meta.url));
	const r = parseOpportunitySet(
		readFileSync(dir + 'onet-29-3.csv', 'utf8'),
		JSON.parse(readFileSync(dir + 'onet-29-3.json', 'utf8')),
		'onet-29-3.csv'
	);
	if (!r.ok) throw new Error('onet-29-3 did not parse');
	return r.set;
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible profile. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function same(profile: MatchProfile, set: OpportunitySet, options?: MatchOptions): MatchResult {
	const expected = referenceMatch(profile, set, options);
	const actual = matchOpportunities(profile, set, options);
	expect(actual, JSON.stringify({ profile, options })).toStrictEqual(expected);
	return actual;
}

describe('matchOpportunities gives exactly the reference ranking', () => {
	const set = onet();

	it('on 40 random RIASEC-48 profiles against the 923 O*NET occupations, with and without top', () => {
		const next = random(20261201);
		let compared = 0;
		for (let i = 0; i < 40; i++) {
			// two-decimal means on 1–5, as the RIASEC-48 gives; every tenth profile on whole numbers (many ties)
			const riasec = Array.from({ length: 6 }, () =>
				i % 10 === 0 ? 1 + Math.floor(next() * 5) : Math.round((1 + next() * 4) * 100) / 100
			);
			const options: MatchOptions[] = i < 5 ? [{}, { top: 1 }, { top: 20 }, { top: 923 }, { top: 5000 }] : [{}, { top: 20 }];
			for (const o of options) {
				const r = same({ riasec }, set, o);
				if (r.matchable) compared += r.matches.length;
			}
		}
		expect(compared).toBeGreaterThan(30_000); // most profiles are matchable and were compared in full
	}, 60_000);

	it('with the level and text filters, in English and Danish', () => {
		const riasec = [4.25, 3.5, 1.75, 2, 3, 4.5];
		for (const options of [
			{ level: 3 },
			{ level: 3, top: 10 },
			{ text: 'engineer' },
			{ text: ' Engineer ', top: 3 },
			{ text: 'ingeniør', locale: 'da' },
			{ text: 'ingeniør', locale: 'da-DK', level: 4 },
			{ text: 'no such occupation' }
		]) {
			same({ riasec }, set, options);
		}
		const r = matchOpportunities({ riasec }, set, { text: 'ingeniør', locale: 'da' });
		expect(r.matchable && r.matches.length).toBeGreaterThan(0); // the Danish titles were searched
	});

	it('on a profile on another scale and a flat or incomplete one', () => {
		same({ riasec: [6.5, 2, 3, 1, 4, 7], scale: [1, 7] }, set);
		expect(same({ riasec: [3, 3, 3, 3, 3, 3.1] }, set)).toEqual({
			matchable: false,
			reason: 'flat-profile',
			advice: FLAT_PROFILE_ADVICE
		});
		expect(same({ riasec: [1, 2, null, 4, 5, 6] }, set)).toEqual({
			matchable: false,
			reason: 'incomplete',
			advice: INCOMPLETE_PROFILE_ADVICE
		});
		expect(FLAT_SD_SHARE).toBe(0.025);
	});
});

describe('matchOpportunities on hand-made edge cases gives the reference result', () => {
	const opp = (id: string, riasec: number[], extra: Partial<Opportunity> = {}): Opportunity => ({
		id,
		title: id,
		riasec: riasec as Riasec,
		...extra
	});
	const makeSet = (opportunities: Opportunity[]): OpportunitySet => ({
		id: 'edge',
		title: 'Edge',
		kind: 'job',
		licence: 'MIT',
		attribution: [],
		scale: [1, 7],
		opportunities
	});

	it('equal fits and agreements ordered by title, then id, then set order (same title and id twice)', () => {
		const set = makeSet([
			opp('b', [6, 5, 1, 1, 1, 2], { title: 'Same' }),
			opp('a', [6, 5, 1, 1, 1, 2], { title: 'Same' }),
			opp('a', [6, 5, 1, 1, 1, 2], { title: 'Same', url: 'https://x/second' }),
			opp('z', [6, 5, 1, 1, 1, 2], { title: 'alpha' }),
			opp('y', [6, 5, 1, 1, 1, 2], { title: 'Alpha' }),
			opp('irc', [5, 6, 1, 1, 1, 2]),
			opp('flat', [4, 4, 4, 4, 4, 4]),
			opp('noise', [0.1 + 0.2, 0.3, 0.3, 0.3, 0.3, 0.3]),
			opp('neg', [1, 1, 2, 7, 5, 2])
		]);
		for (const top of [undefined, 1, 2, 3, 4, 9]) {
			const r = same({ riasec: [4, 4, 1, 1, 1, 3] }, set, top ? { top } : {});
			if (!r.matchable) throw new Error('not matchable');
			expect(r.matches.map((m: Match) => m.id)).not.toContain('flat');
			expect(r.matches.map((m: Match) => m.id)).not.toContain('noise');
		}
	});

	it('a constant profile with a zero-width scale matches nothing, as pearson() finds no correlation', () => {
		const set = makeSet([opp('x', [1, 2, 3, 4, 5, 6])]);
		expect(same({ riasec: [3, 3, 3, 3, 3, 3], scale: [3, 3] }, set)).toMatchObject({ matchable: true, matches: [] });
	});

	it('an opportunity with a value that is not a number fails with the same message', () => {
		const set = makeSet([opp('x', [1, 2, 3, 4, 5, 6]), opp('bad', [1, 2, NaN, 4, 5, 6])]);
		const profile = { riasec: [1, 2, 3, 4, 5, 6.5] };
		expect(() => referenceMatch(profile, set)).toThrow(/finite/);
		expect(() => matchOpportunities(profile, set)).toThrow(/finite/);
		let message = '';
		try {
			referenceMatch(profile, set);
		} catch (e) {
			message = (e as Error).message;
		}
		expect(() => matchOpportunities(profile, set)).toThrow(message);
	});

	it('the same set object answers many profiles without carrying state between them', () => {
		const set = makeSet([opp('r', [7, 2, 1, 1, 3, 2]), opp('s', [1, 2, 3, 7, 4, 2]), opp('c', [2, 1, 1, 2, 4, 7])]);
		const first = matchOpportunities({ riasec: [5, 1, 1, 1, 2, 2] }, set);
		same({ riasec: [1, 1, 2, 5, 3, 1] }, set);
		same({ riasec: [1, 1, 1, 2, 3, 5] }, set, { top: 1 });
		expect(matchOpportunities({ riasec: [5, 1, 1, 1, 2, 2] }, set)).toStrictEqual(first);
		expect(first.matchable && first.matches[0].id).toBe('r');
	});
});
