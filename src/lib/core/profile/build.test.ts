import { describe, expect, it } from 'vitest';
import { buildProfile, type CompletedResult } from './build';
import type { Questionnaire, ScoredResult } from '../questionnaire/types';

const q: Questionnaire = {
	id: 'demo',
	version: '1.0.0',
	kind: 'test',
	title: 'Demo',
	survey: {},
	scoring: {
		scales: [
			{ id: 'a', title: 'A', dimension: 'riasec.R', items: ['x1', 'x2'], range: [1, 5], method: 'mean' },
			{ id: 'b', title: 'B', dimension: 'riasec.I', items: ['x3', 'x4'], range: [1, 5], method: 'sum' },
			{ id: 'c', title: 'C', items: ['x5'], range: [1, 5], method: 'mean' }
		],
		tallies: [{ id: 't', question: 'ideas', column: 'theme', dimension: 'skills' }]
	}
};

function result(scoreA: number | null, code = 'RI'): ScoredResult {
	return {
		scales: [
			{ id: 'a', score: scoreA, answered: scoreA === null ? 0 : 2, ...(scoreA === null ? { reason: 'none' } : {}) },
			{ id: 'b', score: 7, answered: 2, percentile: 61.5 },
			{ id: 'c', score: 3, answered: 1 }
		],
		codes: { holland: { code, ties: [] } },
		tallies: { t: { S: 2, A: 1 } },
		rankings: {},
		lists: {}
	};
}

const at = (id: string, completedAt: string, r: ScoredResult): CompletedResult => ({
	responseId: id,
	instrumentId: 'demo',
	version: '1.0.0',
	completedAt,
	questionnaire: q,
	result: r
});

describe('buildProfile', () => {
	it('takes the latest result per instrument and keeps older ones as history', () => {
		const p = buildProfile([at('old', '2026-01-01T00:00:00Z', result(2)), at('new', '2026-02-01T00:00:00Z', result(4))]);
		expect(p.latest.map((r) => r.responseId)).toEqual(['new']);
		expect(p.history.demo.map((r) => r.responseId)).toEqual(['old']);
		expect(p.dimensions['riasec.R']).toEqual({ score: 4, scale: [1, 5], from: 'demo@1.0.0' });
	});

	it('gives sum scales the range k·lo..k·hi, keeps percentiles, skips scales without dimension or score', () => {
		const p = buildProfile([at('r', '2026-01-01T00:00:00Z', result(null))]);
		expect(p.dimensions['riasec.I']).toEqual({ score: 7, percentile: 61.5, scale: [2, 10], from: 'demo@1.0.0' });
		expect(p.dimensions['riasec.R']).toBeUndefined();
		expect(Object.keys(p.dimensions).sort()).toEqual(['riasec.I', 'skills.A', 'skills.S']);
	});

	it('turns tallies into namespaced count dimensions and keeps codes', () => {
		const p = buildProfile([at('r', '2026-01-01T00:00:00Z', result(3, 'IR'))]);
		expect(p.dimensions['skills.S']).toEqual({ score: 2, scale: [0, 3], from: 'demo@1.0.0' });
		expect(p.codes).toEqual({ holland: 'IR' });
	});

	it('is empty for no results', () => {
		expect(buildProfile([])).toEqual({ latest: [], history: {}, dimensions: {}, codes: {} });
	});
});
