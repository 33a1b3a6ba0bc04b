// The summary facts from real shipped questionnaires scored with answers chosen here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildProfile, type CompletedResult } from './build.ts';
import { summarizeProfile } from './summary.ts';
import { scoreResponse } from '../scoring/score.ts';
import type { Answers, Questionnaire } from '../questionnaire/types.ts';

const dir = fileURLToPath(new URL('../../../../questionnaires/', import.meta.url));
const load = (id: string) => JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8')) as Questionnaire;
const completed = (id: string, answers: Answers, at: string): CompletedResult => {
	const q = load(id);
	return { responseId: id, instrumentId: id, version: q.version, completedAt: at, questionnaire: q, result: scoreResponse(q, answers) };
};

// RIASEC: I 5, A 4, C 3, R 2, S 2, E 1 → code IAC.
const riasecValues: Record<string, number> = { R: 2, I: 5, A: 4, S: 2, E: 1, C: 3 };
const riasec = completed('riasec-48', Object.fromEntries(Object.entries(riasecValues).flatMap(([t, v]) => Array.from({ length: 8 }, (_, i) => [`${t}${i + 1}`, v]))), '2026-11-20T09:00:00Z');

// Big Five: Extraversion with positively keyed items 5 and reversed items 1 → mean 5, z = (5 − 3.011)/0.922
// = 2.16 (top band); Conscientiousness the other way round → mean 1 (bottom band). Every other item 3:
// Agreeableness z = (3 − 3.845)/0.715 = −1.18 (P 12, bottom), Emotional stability (3 − 2.903)/0.862 =
// 0.11 (P 54, middle), Openness (3 − 3.909)/0.626 = −1.45 (P 7, bottom).
const big5 = load('big-five-ipip-50');
const bigAnswers: Answers = {};
for (const s of big5.scoring!.scales!) {
	for (const item of s.items) {
		const reversed = s.reverse?.includes(item) ?? false;
		bigAnswers[item] = s.dimension === 'bigfive.E' ? (reversed ? 1 : 5) : s.dimension === 'bigfive.C' ? (reversed ? 5 : 1) : 3;
	}
}
const bigFive = completed('big-five-ipip-50', bigAnswers, '2026-11-21T09:00:00Z');

const values = completed('work-values', { values_rank: ['learning', 'helping-others', 'autonomy', 'income', 'security', 'variety'], SE1: 4, SE2: 4, SE3: 4, SE4: 4 }, '2026-11-22T09:00:00Z');
const strengths = completed('brainstorm-strengths', {
	strengths: [{ idea: 'Fixing bikes', theme: 'R' }, { idea: 'Explaining maths', theme: 'S' }, { idea: 'Helping my gran', theme: 'S' }, { idea: 'Drawing' , theme: 'A' }]
}, '2026-11-23T09:00:00Z');

describe('summarizeProfile', () => {
	it('names the Holland letters, the Big Five extremes, the top three values and the main strength themes', () => {
		const s = summarizeProfile(buildProfile([riasec, bigFive, values, strengths]));
		expect(s.interests).toEqual(['I', 'A', 'C']);
		expect(s.personality).toEqual({ high: ['E'], low: ['A', 'C', 'O'] });
		expect(s.values).toEqual({ instrumentId: 'work-values', rankingId: 'top-values', items: ['learning', 'helping-others', 'autonomy'] });
		// S chosen twice, then R and A once each: R comes first in the tally's order
		// S twice of four: no majority, so no "most often": up to three themes in order.
		expect(s.strengths).toMatchObject({ instrumentId: 'brainstorm-strengths', entries: 4, themes: ['S', 'R', 'A'], majority: false });
	});

	it('claims "most" only for a theme that holds a majority of the strengths', () => {
		const of = (themes: string[]) =>
			summarizeProfile(buildProfile([completed('brainstorm-strengths', { strengths: themes.map((theme, i) => ({ idea: `idea ${i}`, theme })) }, '2026-11-23T09:00:00Z')])).strengths;
		// Each chosen once (the case of the summary that said "most often"): no majority.
		expect(of(['R', 'S'])).toMatchObject({ entries: 2, themes: ['R', 'S'], majority: false });
		expect(of(['S', 'R', 'S'])).toMatchObject({ entries: 3, themes: ['S'], majority: true });
		expect(of(['S', 'R', 'S', 'A', 'C', 'I'])).toMatchObject({ entries: 6, themes: ['S', 'R', 'I'], majority: false });
	});

	it('leaves out what no result gives', () => {
		expect(summarizeProfile(buildProfile([]))).toEqual({ interests: null, personality: null, values: null, strengths: null });
		const onlyInterests = summarizeProfile(buildProfile([riasec]));
		expect(onlyInterests).toEqual({ interests: ['I', 'A', 'C'], personality: null, values: null, strengths: null });
	});
});
