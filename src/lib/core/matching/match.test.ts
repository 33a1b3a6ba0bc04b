import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matchOpportunities, FLAT_PROFILE_ADVICE, type MatchResult } from './match.ts';
import { parseOpportunitySet } from '../opportunities/parse-set.ts';
import type { Opportunity, OpportunitySet, Riasec } from '../opportunities/types.ts';

function makeSet(opportunities: Opportunity[]): OpportunitySet {
	return {
		id: 'demo',
		title: 'Demo',
		kind: 'job',
		licence: 'MIT',
		attribution: [],
		scale: [1, 7],
		opportunities
	};
}
const opp = (id: string, riasec: Riasec, extra: Partial<Opportunity> = {}): Opportunity => ({
	id,
	title: id,
	riasec,
	...extra
});

function matches(result: MatchResult) {
	if (!result.matchable) throw new Error(`not matchable: ${result.reason}`);
	return result.matches;
}

describe('matchOpportunities: ranking', () => {
	it('ranks by fit, then Iachan agreement, then title (localeCompare en)', () => {
		// client R = I = 4 (tied top), C = 3, A = S = E = 1 → code RIC, ties [[R, I]]
		const client = { riasec: [4, 4, 1, 1, 1, 3] };
		// "ric" and "irc" differ only by swapping R and I, where the client is equal, so
		// Σ(c − c̄)(o − ō) and Σ(o − ō)² are the same sums in a different order → identical fit.
		// codes: ric → RIC: M = 22 + 5 + 1 = 28; irc → IRC: R 1→2 = 10, I 2→1 = 10, C 3→3 = 1 → 21
		// "Beta" and "alpha" have the same six values as ric → same fit and M; 'alpha' < 'Beta' in
		// localeCompare('en') although 'B' (66) < 'a' (97) in code units.
		const set = makeSet([
			opp('irc', [5, 6, 1, 1, 1, 2]),
			opp('b', [6, 5, 1, 1, 1, 2], { title: 'Beta' }),
			opp('ric', [6, 5, 1, 1, 1, 2], { title: 'Gamma' }),
			opp('a', [6, 5, 1, 1, 1, 2], { title: 'alpha' }),
			opp('social', [1, 1, 2, 7, 5, 2])
		]);
		const result = matchOpportunities(client, set);
		expect(result).toMatchObject({ matchable: true, code: 'RIC', ties: [['R', 'I']] });
		const m = matches(result);
		expect(m.map((x) => x.title)).toEqual(['alpha', 'Beta', 'Gamma', 'irc', 'social']);
		expect(m.map((x) => x.agreement)).toEqual([28, 28, 28, 21, 0]);
		expect(m[2].fit).toBe(m[3].fit); // exactly equal: the tie really is broken by agreement
		expect(m[4].fit).toBeLessThan(0);
	});

	it('puts an opportunity with exactly the client\'s shape first with fit 1, on another scale', () => {
		// client on 1–5; the opportunity is the same profile mapped to 1–7 by y = 1.5x − 0.5
		const client = [1.5, 2, 3.25, 4.75, 4, 2.5];
		const same = client.map((x) => 1.5 * x - 0.5) as Riasec; // [1.75, 2.5, 4.375, 6.625, 5.5, 3.25]
		const set = makeSet([
			opp('close', [2, 2.5, 4, 6.5, 6, 3]),
			opp('same', same),
			opp('other', [6, 5, 2, 1, 2, 4])
		]);
		const m = matches(matchOpportunities({ riasec: client }, set));
		expect(m[0].id).toBe('same');
		expect(m[0].fit).toBeCloseTo(1, 12);
		expect(m[0].agreement).toBe(28);
		expect(m[0].code).toBe('SEA');
		expect(m.map((x) => x.id)).toEqual(['same', 'close', 'other']);
	});

	it('finds an O*NET occupation first when the client has its shape (923 real occupations)', () => {
		const dir = fileURLToPath(new URL('../../../../opportunities/', import.meta.url));
		const r = parseOpportunitySet(
			readFileSync(dir + 'onet-29-3.csv', 'utf8'),
			JSON.parse(readFileSync(dir + 'onet-29-3.json', 'utf8')),
			'onet-29-3.csv'
		);
		if (!r.ok) throw new Error('onet-29-3 did not parse');
		for (const id of ['15-1252.00', '29-1141.00', '47-2031.00']) {
			const target = r.set.opportunities.find((o) => o.id === id)!;
			// O*NET 1–7 → client 1–5: x = 1 + (y − 1)·4/6 (a positive linear map keeps r = 1)
			const client = target.riasec.map((y) => 1 + ((y - 1) * 4) / 6);
			const m = matches(matchOpportunities({ riasec: client }, r.set, { top: 5 }));
			expect(m).toHaveLength(5);
			expect(m[0].id).toBe(id);
			expect(m[0].fit).toBeCloseTo(1, 12);
			expect(m[0].agreement).toBe(28);
			expect(m[0].fit).toBeGreaterThanOrEqual(m[1].fit);
		}
	});

	it('leaves out opportunities with six equal values (no shape to correlate)', () => {
		const set = makeSet([opp('flat', [4, 4, 4, 4, 4, 4]), opp('ok', [1, 2, 3, 4, 5, 6])]);
		expect(matches(matchOpportunities({ riasec: [1, 2, 3, 4, 5, 5] }, set)).map((x) => x.id)).toEqual(['ok']);
	});
});

describe('matchOpportunities: why', () => {
	it.each([
		// client [1..6]: deviations from 3.5 = [−2.5, −1.5, −0.5, 0.5, 1.5, 2.5] → S, E, C positive.
		// o = [1,1,2,6,5,1], ō = 16/6: deviations ×6 = [−10, −10, −4, 20, 14, −10] → S, E positive.
		// products (dropping the common positive SD factors): S 0.5·20 = 10, E 1.5·14 = 21 → E, S
		['two shared high points, by product', [1, 1, 2, 6, 5, 1], ['E', 'S']],
		// o = [1,1,1,5,6,7], ō = 3.5: deviations [−2.5, −2.5, −2.5, 1.5, 2.5, 3.5]
		// products S 0.5·1.5 = 0.75, E 1.5·2.5 = 3.75, C 2.5·3.5 = 8.75 → C, E, S
		['three shared, by product', [1, 1, 1, 5, 6, 7], ['C', 'E', 'S']],
		// o = [7,6,5,1,1,1]: high where the client is low → nothing shared
		['opposite shape', [7, 6, 5, 1, 1, 1], []]
	] as const)('%s', (_, riasec, why) => {
		const m = matches(matchOpportunities({ riasec: [1, 2, 3, 4, 5, 6] }, makeSet([opp('x', [...riasec] as Riasec)])));
		expect(m[0].why).toEqual(why);
	});

	it('never gives more than three letters', () => {
		// client deviations from 3.5: [2.5, 1.5, 0.5, −0.5, −1.5, −2.5]; the opportunity is high on R, I, A
		const m = matches(matchOpportunities({ riasec: [6, 5, 4, 3, 2, 1] }, makeSet([opp('x', [7, 6, 5, 4, 1, 1])])));
		expect(m[0].why).toEqual(['R', 'I', 'A']);
	});
});

describe('matchOpportunities: profiles that cannot be matched', () => {
	const set = makeSet([opp('x', [1, 2, 3, 4, 5, 6])]);

	it('refuses a flat profile with advice', () => {
		// [3,3,3,3,3,3.1]: mean 3 + 0.1/6; Σ(x − x̄)² = 5·(0.1/6)² + (0.5/6)² = 0.3/36; SD = √(0.3/216) ≈ 0.037 < 0.1
		expect(matchOpportunities({ riasec: [3, 3, 3, 3, 3, 3.1] }, set)).toEqual({
			matchable: false,
			reason: 'flat-profile',
			advice: FLAT_PROFILE_ADVICE
		});
		expect(matchOpportunities({ riasec: [4, 4, 4, 4, 4, 4] }, set)).toMatchObject({ reason: 'flat-profile' });
	});

	it('scales the flat threshold with the profile\'s scale range', () => {
		// [3,3,3,3.24,3.24,3.24]: deviations ±0.12 → SD 0.12: above 0.1 (1–5) but below 0.15 (1–7)
		const riasec = [3, 3, 3, 3.24, 3.24, 3.24];
		expect(matchOpportunities({ riasec }, set).matchable).toBe(true);
		expect(matchOpportunities({ riasec, scale: [1, 7] }, set)).toMatchObject({ reason: 'flat-profile' });
	});

	it.each([
		['a missing score', [1, 2, null, 4, 5, 6]],
		['an undefined score', [1, 2, 3, undefined, 5, 6]],
		['five scores', [1, 2, 3, 4, 5]],
		['NaN', [1, 2, 3, NaN, 5, 6]]
	])('calls a profile with %s incomplete', (_, riasec) => {
		expect(matchOpportunities({ riasec }, set)).toMatchObject({ matchable: false, reason: 'incomplete' });
	});
});

describe('matchOpportunities: filters and output', () => {
	const set = makeSet([
		opp('c', [6, 3, 3, 2, 2, 3], { title: 'Carpenter', level: 1, url: 'https://x/c', isco: ['7115'], esco: ['http://e/1'] }),
		opp('e', [6, 4, 1, 2, 2, 4], { title: 'Electrician', level: 1 }),
		opp('w', [5, 3, 5, 2, 3, 2], { title: 'Joiner', level: 2, description: 'Fine CARPENTRY and furniture' }),
		opp('n', [3, 4, 1, 7, 2, 3], { title: 'Nurse', level: 3 })
	]);
	const client = { riasec: [4.5, 3, 3, 2, 2, 3] };

	it('filters by exact level', () => {
		expect(matches(matchOpportunities(client, set, { level: 1 })).map((m) => m.id).sort()).toEqual(['c', 'e']);
		expect(matches(matchOpportunities(client, set, { level: 4 }))).toEqual([]);
	});

	it('filters by text in title or description, ignoring case and surrounding spaces', () => {
		expect(matches(matchOpportunities(client, set, { text: ' carp ' })).map((m) => m.id).sort()).toEqual(['c', 'w']);
		expect(matches(matchOpportunities(client, set, { text: 'NURSE' })).map((m) => m.id)).toEqual(['n']);
		expect(matches(matchOpportunities(client, set, { text: '' }))).toHaveLength(4);
	});

	it('combines filters and cuts to top', () => {
		expect(matches(matchOpportunities(client, set, { text: 'carp', level: 2 })).map((m) => m.id)).toEqual(['w']);
		const all = matches(matchOpportunities(client, set));
		expect(matches(matchOpportunities(client, set, { top: 2 }))).toEqual(all.slice(0, 2));
		expect(() => matchOpportunities(client, set, { top: 0 })).toThrow(/top/);
	});

	it('copies level, url, isco and esco, and keeps fit unrounded', () => {
		const m = matches(matchOpportunities(client, set, { text: 'carpenter' }))[0];
		expect(m).toMatchObject({ id: 'c', title: 'Carpenter', level: 1, url: 'https://x/c', isco: ['7115'], esco: ['http://e/1'] });
		expect(Object.keys(m).sort()).toEqual(['agreement', 'code', 'esco', 'fit', 'id', 'isco', 'level', 'title', 'url', 'why']);
		const n = matches(matchOpportunities(client, set, { text: 'nurse' }))[0];
		expect(Object.keys(n).sort()).toEqual(['agreement', 'code', 'fit', 'id', 'level', 'title', 'why']);
		expect(Number.isInteger(m.fit * 1e6)).toBe(false);
	});
});
