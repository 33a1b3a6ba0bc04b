import { describe, expect, it } from 'vitest';
import { scoreResponse } from './score.ts';
import { validateQuestionnaire } from '../questionnaire/validate.ts';
import { createResponseReader } from '../batch/read-responses.ts';
import type { Questionnaire } from '../questionnaire/types.ts';

const often = [
	{ value: 'never', text: 'Never', score: 0 },
	{ value: 'sometimes', text: 'Sometimes', score: 1 },
	{ value: 'often', text: 'Often', score: 2 },
	{ value: 'always', text: 'Always', score: 3 }
];

function questionnaire(scales: unknown[]): Questionnaire {
	return {
		id: 'grid',
		version: '1.0.0',
		kind: 'self-evaluation',
		title: 'Grid',
		survey: {
			elements: [
				{ type: 'matrix', name: 'bfi', rows: ['A1', 'A2', 'A3'], columns: [1, 2, 3, 4, 5] },
				{ type: 'matrixdropdown', name: 'jobs', rows: ['now', 'before'], columns: [{ name: 'liking', cellType: 'rating' }, { name: 'note', cellType: 'text' }] },
				{ type: 'radiogroup', name: 'freq', choices: often },
				{ type: 'matrix', name: 'habits', rows: ['r1', 'r2'], columns: often }
			]
		},
		scoring: { scales } as Questionnaire['scoring']
	};
}

const grid = { id: 'a', title: 'A', items: ['bfi.A1', 'bfi.A2', 'bfi.A3'], reverse: ['bfi.A2'], range: [1, 5], method: 'mean' };
const cells = { id: 'j', title: 'J', items: ['jobs.now.liking', 'jobs.before.liking'], range: [1, 5], method: 'sum' };
const weights = { id: 'w', title: 'W', items: ['freq', 'habits.r1', 'habits.r2'], valueFrom: 'score', range: [0, 3], method: 'sum', minAnswered: 2 };

describe('scale items inside matrices and valueFrom', () => {
	it('accepts matrix rows, matrixdropdown cells and choice weights', () => {
		expect(validateQuestionnaire(questionnaire([grid, cells, weights]))).toMatchObject({ ok: true });
	});

	it('scores Likert-grid rows with reverse keys: (4 + (1 + 5 − 2) + 5) / 3', () => {
		const r = scoreResponse(questionnaire([grid]), { bfi: { A1: 4, A2: 2, A3: 5 } });
		expect(r.scales[0]).toEqual({ id: 'a', score: 13 / 3, answered: 3 });
	});

	it('scores matrixdropdown cells, prorating the missing one: 2 · 4 / 1', () => {
		const r = scoreResponse(questionnaire([{ ...cells, minAnswered: 1 }]), { jobs: { now: { liking: 4, note: 'x' } } });
		expect(r.scales[0]).toEqual({ id: 'j', score: 8, answered: 1 });
	});

	it('takes item values from the choice property: often 2 + always 3 + never 0', () => {
		const r = scoreResponse(questionnaire([weights]), { freq: 'often', habits: { r1: 'always', r2: 'never' } });
		expect(r.scales[0]).toEqual({ id: 'w', score: 5, answered: 3 });
	});

	it('reads dotted CSV columns as the matrix items they name', () => {
		const q = questionnaire([grid]);
		const reader = createResponseReader({ line: 1, cells: ['id', 'bfi.A1', 'bfi.A2', 'bfi.A3'] }, q);
		const row = reader.read({ line: 2, cells: ['p1', '4', '2', '5'] })!;
		expect(row.answers).toEqual({ 'bfi.A1': 4, 'bfi.A2': 2, 'bfi.A3': 5 });
		expect(scoreResponse(q, row.answers).scales[0].score).toBe(13 / 3);
		expect(() => reader.read({ line: 3, cells: ['p2', '6', '', ''] })).toThrow(/6/);
	});

	it.each([
		['an unknown row', { ...grid, items: ['bfi.A9'] }, 'unknown item "bfi.A9": no question with this name in survey (a matrix row is'],
		['a text cell', { ...cells, items: ['jobs.now.note'] }, 'is not a single-value numeric question'],
		['text choices without valueFrom', { ...weights, valueFrom: undefined }, 'is not a single-value numeric question'],
		['a weight outside the range', { ...weights, range: [0, 2] }, '"freq": the choice "always" has "score": 3, outside the range [0, 2]'],
		['a missing weight', { ...weights, valueFrom: 'points' }, '"freq": the choice "never" has no numeric "points" (got undefined)']
	])('refuses %s, naming the item', (_, scale, message) => {
		const r = validateQuestionnaire(questionnaire([scale]));
		expect(r.ok).toBe(false);
		expect(r.ok ? [] : r.problems.map((p) => p.message)).toContainEqual(expect.stringContaining(message));
	});
});
