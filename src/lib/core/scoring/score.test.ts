import { describe, it, expect } from 'vitest';
import { scoreResponse } from './score.ts';
import { fixture } from '../test-fixture.ts';

// Fixture: alpha = mean of R1, R2 (reversed), R3 on [1, 5], minAnswered 2, norms n1 (3, 1) and n2 (2.5, 0.5),
// α = 0.84, bands by percentile ≤30 low, ≤70 middle, ≤100 high. beta = sum of R4, D1 on [0, 4], minAnswered 1,
// bands by score ≤2 low, ≤5 high. Code ab: the higher of alpha (A) and beta (B).
const q = fixture();

describe('scoreResponse', () => {
	const answers = {
		R1: 4,
		R2: 2, // reversed: 1 + 5 − 2 = 4
		R3: 3, // alpha = (4 + 4 + 3)/3 = 11/3 = 3.6667
		R4: 3, // beta: k = 2, answered 1 → 2·3/1 = 6
		activities: ['S', 'other'],
		ideas: [{ idea: 'teach', theme: 'S' }, { idea: 'build', theme: 'R' }, { idea: 'help', theme: 'S' }],
		values: ['security', 'pay', 'people', 'variety'],
		why: 'people'
	};

	it('scores a scale with its first norm, ci90 and a percentile band', () => {
		const [alpha] = scoreResponse(q, answers).scales;
		// z = (11/3 − 3)/1 = 0.6667; T = 56.667; percentile = 100·Φ(0.6667) = 74.75; sten = round(6.833) = 7
		expect(alpha).toMatchObject({ id: 'alpha', answered: 3, norm: 'n1', sten: 7 });
		expect(alpha.score).toBeCloseTo(11 / 3, 12);
		expect(alpha.z).toBeCloseTo(2 / 3, 12);
		expect(alpha.t).toBeCloseTo(56.666666666667, 10);
		expect(alpha.percentile).toBeCloseTo(74.75074624530771, 9);
		expect(alpha.band).toEqual({ index: 2, label: 'high', text: 'A high score.' }); // 74.75 > 70
		// SEM = 1·√0.16 = 0.4; 1.645·0.4 = 0.658 → 3.0087 … 4.3247
		expect(alpha.ci90!.score.low).toBeCloseTo(11 / 3 - 0.658, 12);
		expect(alpha.ci90!.score.high).toBeCloseTo(11 / 3 + 0.658, 12);
		expect(alpha.ci90!.t.low).toBeCloseTo(50.0866666667, 9); // z = 0.00867
	});

	it('uses the named norm', () => {
		const [alpha] = scoreResponse(q, answers, { norm: 'n2' }).scales;
		// z = (11/3 − 2.5)/0.5 = 2.3333; T = 73.333; sten = round(10.167) = 10
		expect(alpha).toMatchObject({ norm: 'n2', sten: 10 });
		expect(alpha.z).toBeCloseTo(7 / 3, 12);
		expect(alpha.t).toBeCloseTo(73.3333333333, 9);
	});

	it('throws on a norm id no scale has', () => {
		expect(() => scoreResponse(q, answers, { norm: 'n3' })).toThrow('no scale of fixture-test has a norm "n3"');
	});

	it('bands a scale without norms by its score and leaves out norm values', () => {
		const beta = scoreResponse(q, answers).scales[1];
		expect(beta).toEqual({ id: 'beta', score: 6, answered: 1, band: { index: 1, label: 'high' } }); // 6 > 5 → last band
	});

	it('reports a scale without a score, and then no code', () => {
		const result = scoreResponse(q, { R1: 4, R4: 1 });
		expect(result.scales[0]).toEqual({ id: 'alpha', score: null, answered: 1, reason: '1 of 3 items answered; at least 2 needed' });
		expect(result.codes.ab).toEqual({ code: null, ties: [] });
	});

	it('builds codes, tallies, rankings and lists', () => {
		const result = scoreResponse(q, answers);
		expect(result.codes).toEqual({ ab: { code: 'B', ties: [] } }); // beta 6 > alpha 3.67
		expect(result.tallies).toEqual({
			themes: { R: 1, I: 0, A: 0, S: 2, E: 0, C: 0 },
			acts: { R: 0, I: 0, A: 0, S: 1, E: 0, C: 0, other: 1 }
		});
		expect(result.rankings).toEqual({ 'top-values': ['security', 'pay'] });
		expect(result.lists).toEqual({ notes: ['people', 'teach', 'build', 'help'] });
	});

	it('returns empty results for a questionnaire without scoring', () => {
		const { scoring, ...exercise } = q;
		void scoring;
		expect(scoreResponse(exercise, {})).toEqual({ scales: [], codes: {}, tallies: {}, rankings: {}, lists: {} });
	});
});
