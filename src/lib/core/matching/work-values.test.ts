import { describe, it, expect } from 'vitest';
import type { OpportunitySet } from '../opportunities/types.ts';
import type { CompletedResult } from '../profile/build.ts';
import { matchOpportunities } from './match.ts';
import { rankedWorkValues, valuesBonus, valuesProfile, valuesReason, valuesScore, valuesSentence } from './work-values.ts';

describe('valuesProfile: ranked cards → O*NET work values', () => {
	it('weights places 5, 4, 3, 2, 1, skips cards without a counterpart, adds up shared values and scales to 1', () => {
		// autonomy (5) → independence; income: none; achievement (3); teamwork (2) → relationships; learning: none. 5 + 3 + 2 = 10
		expect(valuesProfile(['autonomy', 'income', 'achievement', 'teamwork', 'learning'])).toEqual({
			weights: [0.3, 0, 0, 0.2, 0, 0.5],
			order: ['independence', 'achievement', 'relationships']
		});
		// autonomy 5 + creativity 4 → independence 9; leadership 3 → recognition; 12 in all
		const p = valuesProfile(['autonomy', 'creativity', 'leadership'])!;
		expect(p.weights[5]).toBeCloseTo(9 / 12, 12);
		expect(p.weights[2]).toBeCloseTo(3 / 12, 12);
		expect(p.order).toEqual(['independence', 'recognition']);
	});

	it('is null when no card has an O*NET counterpart, or there are none', () => {
		expect(valuesProfile(['income', 'variety', 'work-life-balance', 'learning', 'physical-activity'])).toBeNull();
		expect(valuesProfile([])).toBeNull();
	});
});

describe('valuesScore, valuesBonus, valuesReason, valuesSentence', () => {
	const p = valuesProfile(['autonomy', 'income', 'achievement', 'teamwork', 'learning'])!;
	it('scores Σ w·(x − 1)/6 and turns it into at most ±0.03', () => {
		// achievement 7, relationships 4, independence 7: 0.3·1 + 0.2·0.5 + 0.5·1 = 0.9; bonus 0.03·(1.8 − 1) = 0.024
		const wv: [number, number, number, number, number, number] = [7, 1, 1, 4, 1, 7];
		expect(valuesScore(wv, p)).toBeCloseTo(0.9, 12);
		expect(valuesBonus(wv, p)).toBeCloseTo(0.024, 12);
		expect(valuesBonus([1, 7, 7, 1, 7, 1], p)).toBeCloseTo(-0.03, 12);
		expect(valuesBonus(undefined, p)).toBe(0);
		expect(valuesReason(wv, p)).toEqual({ fits: true, values: ['independence', 'achievement'] });
		expect(valuesReason([4.9, 7, 7, 1, 7, 2], p)).toEqual({ fits: false, values: ['independence', 'achievement'] });
	});

	it('says it in one sentence in English and Danish', () => {
		expect(valuesSentence({ fits: true, values: ['independence', 'achievement'] }, 'en')).toBe('Fits what you value most: independence and achievement.');
		expect(valuesSentence({ fits: true, values: ['independence', 'achievement'] }, 'da')).toBe('Passer til det, du sætter højest: selvstændighed og resultater.');
		expect(valuesSentence({ fits: false, values: ['relationships'] }, 'en')).toBe('Offers less of what you value most: working with and for people.');
		expect(valuesSentence({ fits: false, values: ['relationships'] }, 'da')).toBe('Giver mindre af det, du sætter højest: at arbejde med og for mennesker.');
	});
});

describe('matchOpportunities with work values', () => {
	// client R–C = 1…6. A = 2…7: r = 1. B: r = 16.5 / 17.5 = 0.942857… C: r = −1.
	const set = (bIndependence: number): OpportunitySet => ({
		id: 'demo',
		title: 'Demo',
		kind: 'job',
		licence: 'MIT',
		attribution: [],
		scale: [1, 7],
		opportunities: [
			{ id: 'a', title: 'A', riasec: [2, 3, 4, 5, 6, 7], workValues: [4, 4, 4, 4, 4, 1] },
			{ id: 'b', title: 'B', riasec: [2, 3, 4, 5, 7, 6], workValues: [4, 4, 4, 4, 4, bIndependence] },
			{ id: 'c', title: 'C', riasec: [7, 6, 5, 4, 3, 2], workValues: [7, 7, 7, 7, 7, 7] },
			{ id: 'd', title: 'D', riasec: [1, 2, 3, 4, 6, 5] }
		]
	});
	const client = { riasec: [1, 2, 3, 4, 5, 6], scale: [1, 5] as const };
	const ids = (r: ReturnType<typeof matchOpportunities>) => (r.matchable ? r.matches.map((m) => m.id) : []);
	const independence = valuesProfile(['autonomy'])!;

	it('without values the order is by fit, and no match has a values reason', () => {
		const r = matchOpportunities(client, set(7));
		expect(ids(r)).toEqual(['a', 'b', 'd', 'c']);
		expect(r.matchable && r.matches.every((m) => m.values === undefined)).toBe(true);
		expect(ids(matchOpportunities(client, set(7), { values: null }))).toEqual(['a', 'b', 'd', 'c']);
	});

	it('lets near-equal fits change places: B (0.9429 + 0.03) passes A (1 − 0.03); C (−1 + 0.03) stays last', () => {
		const r = matchOpportunities(client, set(7), { values: independence });
		expect(ids(r)).toEqual(['b', 'a', 'd', 'c']);
		if (!r.matchable) throw new Error('matchable');
		expect(r.matches[0].fit).toBeCloseTo(16.5 / 17.5, 12); // the fit shown is unchanged
		expect(r.matches.map((m) => m.values)).toEqual([
			{ fits: true, values: ['independence'] },
			{ fits: false, values: ['independence'] },
			undefined, // D has no work values: key = fit, no sentence
			{ fits: true, values: ['independence'] }
		]);
		// with `top` (the short insertion path) the same order
		expect(ids(matchOpportunities(client, set(7), { values: independence, top: 1 }))).toEqual(['b']);
	});

	it('does not let values overturn a clear fit difference: B at independence 4 (bonus 0) stays behind A (0.97)', () => {
		expect(ids(matchOpportunities(client, set(4), { values: independence }))).toEqual(['a', 'b', 'd', 'c']);
	});
});

describe('rankedWorkValues', () => {
	it('reads the top values of the latest work-values result, or none', () => {
		const result = (instrumentId: string, rankings: Record<string, string[]>) =>
			({ instrumentId, result: { rankings } }) as unknown as CompletedResult;
		expect(rankedWorkValues([result('riasec-48', {}), result('work-values', { 'top-values': ['autonomy', 'income'] })])).toEqual(['autonomy', 'income']);
		expect(rankedWorkValues([result('riasec-48', {})])).toEqual([]);
	});
});
