import { describe, expect, it } from 'vitest';
import { buildMatchesView } from './matches-view.ts';
import type { Opportunity, OpportunitySet, Riasec } from '../opportunities/types.ts';

const opp = (id: string, riasec: Riasec, level?: number): Opportunity => ({ id, title: id.toUpperCase(), riasec, ...(level ? { level } : {}) });
const jobs: OpportunitySet = {
	id: 'jobs', title: { default: 'Jobs', da: 'Job' }, kind: 'job', licence: 'CC BY 4.0', attribution: ['Data by X.'], scale: [1, 7],
	levels: { '2': { default: 'Two', da: 'To' }, '1': 'One' },
	opportunities: [opp('social', [1, 2, 3, 7, 5, 2], 1), opp('helper', [2, 2, 2, 6, 3, 3], 2), opp('tech', [7, 5, 1, 1, 2, 4], 2)]
};
const courses: OpportunitySet = { id: 'courses', title: 'Courses', kind: 'course', licence: 'MIT', attribution: [], scale: [1, 5], opportunities: [opp('c1', [1, 1, 2, 5, 4, 1], 3)] };
const riasec = (s: number[]) => Object.fromEntries(['R', 'I', 'A', 'S', 'E', 'C'].map((l, i) => [`riasec.${l}`, { score: s[i], scale: [1, 5] as [number, number], from: 'riasec-48@1.0.0' }]));
const socialClient = riasec([1, 2, 3, 5, 4, 2]);
const base = { sets: [jobs, courses], defaultId: 'jobs', limit: 20, locale: 'da' };

describe('buildMatchesView', () => {
	it('ranks the default set with fit words, level labels and the set\'s attribution', () => {
		const v = buildMatchesView({ ...base, dimensions: socialClient });
		expect(v).toMatchObject({ status: 'ok', setId: 'jobs', kind: 'job', code: 'SEA', total: 3, from: 'riasec-48@1.0.0', level: null, text: '' });
		expect(v.sets).toEqual([{ id: 'jobs', title: 'Job' }, { id: 'courses', title: 'Courses' }]);
		expect(v.levels).toEqual([{ value: 1, label: 'One' }, { value: 2, label: 'To' }]);
		expect(v.matches.map((m) => m.id)).toEqual(['social', 'helper', 'tech']);
		expect(v.matches[0]).toMatchObject({ fitLevel: 'very-good', levelLabel: 'One', level: 1, why: ['S', 'E'] }); // A: client above its mean, opportunity below its own
		expect(v.matches[2].fitLevel).toBe('weak');
		expect(v.source).toEqual({ title: 'Job', licence: 'CC BY 4.0', attribution: ['Data by X.'], notices: [] });
	});

	it('filters by a known level and text, limits, and ignores an unknown level or set', () => {
		expect(buildMatchesView({ ...base, dimensions: socialClient, level: 2 }).matches.map((m) => m.id)).toEqual(['helper', 'tech']);
		expect(buildMatchesView({ ...base, dimensions: socialClient, level: 9 })).toMatchObject({ level: null, total: 3 });
		expect(buildMatchesView({ ...base, dimensions: socialClient, text: ' TEC ' })).toMatchObject({ text: 'TEC', total: 1 });
		expect(buildMatchesView({ ...base, dimensions: socialClient, limit: 1 })).toMatchObject({ total: 3, matches: [{ id: 'social' }] });
		expect(buildMatchesView({ ...base, dimensions: socialClient, setId: 'nope' }).setId).toBe('jobs');
		const c = buildMatchesView({ ...base, dimensions: socialClient, setId: 'courses' });
		expect(c).toMatchObject({ setId: 'courses', levels: [{ value: 3, label: '3' }], matches: [{ id: 'c1', levelLabel: '3' }] });
	});

	it.each([
		['no sets', { sets: [] }, socialClient, 'no-sets'],
		['no interest result', {}, { 'bigfive.E': { score: 3, scale: [1, 5] as [number, number] } }, 'no-result'],
		['a flat profile', {}, riasec([3, 3, 3, 3, 3, 3.05]), 'flat-profile'],
		['a missing score', {}, { 'riasec.R': { score: 2 } }, 'incomplete']
	])('says why there are no matches: %s', (_, extra, dimensions, status) => {
		const v = buildMatchesView({ ...base, ...extra, dimensions });
		expect(v.status).toBe(status);
		expect(v.matches).toEqual([]);
	});
});

describe('buildMatchesView with the client\'s work values', () => {
	// "helper" offers recognition (6 ≥ 5), "social" little of it (2); the ranking by fit stays social, helper, tech
	// because the fits differ by far more than 2 × 0.03.
	const valued: OpportunitySet = {
		...jobs,
		opportunities: [
			{ ...jobs.opportunities[0], workValues: [4, 4, 2, 4, 4, 4] },
			{ ...jobs.opportunities[1], workValues: [4, 4, 6, 4, 4, 4] },
			jobs.opportunities[2]
		]
	};
	it('adds one sentence per match with work values (English and Danish) and says the order was refined', () => {
		const da = buildMatchesView({ ...base, sets: [valued], dimensions: socialClient, workValues: ['recognition', 'income'] });
		expect(da.valuesRefined).toBe(true);
		expect(da.matches.map((m) => [m.id, m.valuesText])).toEqual([
			['social', 'Giver mindre af det, du sætter højest: anerkendelse.'],
			['helper', 'Passer til det, du sætter højest: anerkendelse.'],
			['tech', undefined]
		]);
		const en = buildMatchesView({ ...base, locale: 'en', sets: [valued], dimensions: socialClient, workValues: ['recognition'] });
		expect(en.matches[1].valuesText).toBe('Fits what you value most: recognition.');
	});

	it('changes nothing without a values result, with only unmapped values, or for a set without work values', () => {
		for (const v of [
			buildMatchesView({ ...base, sets: [valued], dimensions: socialClient }),
			buildMatchesView({ ...base, sets: [valued], dimensions: socialClient, workValues: ['income', 'learning'] }),
			buildMatchesView({ ...base, dimensions: socialClient, workValues: ['recognition'] })
		]) {
			expect(v.valuesRefined).toBe(false);
			expect(v.matches.map((m) => m.id)).toEqual(['social', 'helper', 'tech']);
			expect(v.matches.every((m) => m.valuesText === undefined)).toBe(true);
		}
	});
});
