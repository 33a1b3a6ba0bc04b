import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../questionnaire/types.ts';
import { findShortfalls } from './shortfalls.ts';

const q = {
	id: 'q',
	version: '1',
	kind: 'test',
	title: 'Q',
	survey: { elements: [] },
	scoring: {
		scales: [
			{ id: 'a', title: { default: 'A', da: 'Å' }, items: ['a1', 'a2', 'a3', 'a4'], range: [1, 5], method: 'mean', minAnswered: 3 },
			{ id: 'b', title: 'B', items: ['b1', 'b2'], range: [1, 5], method: 'sum' }
		],
		rankings: [{ id: 'top', question: 'cards', top: 2 }]
	}
} as unknown as Questionnaire;

describe('findShortfalls', () => {
	it('names each scale below its minimum (default: every item) and an unsorted card sort', () => {
		expect(findShortfalls(q, { a1: 1, a2: 2, b1: 3 })).toEqual([
			{ kind: 'scale', scale: 'a', title: { default: 'A', da: 'Å' }, answered: 2, needed: 3, items: 4, unanswered: ['a3', 'a4'] },
			{ kind: 'scale', scale: 'b', title: 'B', answered: 1, needed: 2, items: 2, unanswered: ['b2'] },
			{ kind: 'ranking', ranking: 'top', question: 'cards' }
		]);
	});

	it('is empty exactly at the minimum with the cards sorted; empty strings and lists count as missing', () => {
		expect(findShortfalls(q, { a1: 1, a2: 2, a3: 5, b1: 3, b2: 1, cards: ['x', 'y'] })).toEqual([]);
		expect(findShortfalls(q, { a1: 1, a2: 2, a3: '', b1: 3, b2: 1, cards: [] }).map((s) => s.kind)).toEqual(['scale', 'ranking']);
	});

	it('reads items inside matrices: Likert-grid rows and matrixdropdown cells', () => {
		const grid = { ...q, scoring: { scales: [{ id: 'p', title: 'P', items: ['plan.week', 'plan.start', 'jobs.now.liking'], range: [1, 5], method: 'mean', minAnswered: 2 }] } } as unknown as Questionnaire;
		expect(findShortfalls(grid, { plan: { week: 4 }, jobs: { now: { liking: 2 } } })).toEqual([]);
		expect(findShortfalls(grid, { plan: { week: 4 } })).toEqual([
			{ kind: 'scale', scale: 'p', title: 'P', answered: 1, needed: 2, items: 3, unanswered: ['plan.start', 'jobs.now.liking'] }
		]);
	});

	it('an instrument without scales or rankings never falls short', () => {
		expect(findShortfalls({ ...q, scoring: { lists: [] } } as unknown as Questionnaire, {})).toEqual([]);
	});
});
