import { describe, expect, it } from 'vitest';
import type { Questionnaire, ScoredResult } from '../questionnaire/types.ts';
import { batchCsvColumns, batchCsvRow, toBatchResult } from './output.ts';

const q = {
	id: 'o',
	scoring: {
		scales: [
			{ id: 'a', items: ['x'], range: [1, 5], method: 'mean', norms: [{ id: 'n', mean: 3, sd: 1 }] },
			{ id: 'b', items: ['y'], range: [0, 4], method: 'sum' }
		]
	}
} as unknown as Questionnaire;

const scored: ScoredResult = {
	scales: [
		{ id: 'a', score: 1 / 3, answered: 1, norm: 'n', z: -8 / 3, t: 50 - 80 / 3, percentile: 0.38, sten: 1, band: { index: 0, label: 'low' } },
		{ id: 'b', score: null, answered: 0, reason: '0 of 1 items answered; at least 1 needed' }
	],
	codes: {},
	tallies: {},
	rankings: {},
	lists: {}
};

describe('batch output', () => {
	it('toBatchResult keeps score, answered, reason and norm values only (docs/batch-csv.md)', () => {
		expect(toBatchResult('r1', scored)).toEqual({
			id: 'r1',
			scales: {
				a: { score: 1 / 3, answered: 1, z: -8 / 3, t: 50 - 80 / 3, percentile: 0.38, sten: 1 },
				b: { score: null, answered: 0, reason: '0 of 1 items answered; at least 1 needed' }
			}
		});
	});

	it('CSV: norm columns only for scales with norms; empty cells for no score; full precision', () => {
		expect(batchCsvColumns(q)).toEqual(['id', 'a_score', 'a_answered', 'a_z', 'a_t', 'a_percentile', 'a_sten', 'b_score', 'b_answered']);
		expect(batchCsvRow(q, toBatchResult('p,1', scored))).toBe(
			`"p,1",0.3333333333333333,1,-2.6666666666666665,${String(50 - 80 / 3)},0.38,1,,0`
		);
	});
});
