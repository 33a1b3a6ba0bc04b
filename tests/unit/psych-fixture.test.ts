// The core against an independent implementation: R's psych package (tests/fixtures/psych/make-fixtures.R).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeItems } from '../../src/lib/core/analysis/index.ts';
import { readResponses, toBatchResult } from '../../src/lib/core/batch/index.ts';
import { parseCsv } from '../../src/lib/core/csv/parse.ts';
import type { Questionnaire } from '../../src/lib/core/questionnaire/types.ts';
import { scoreResponse } from '../../src/lib/core/scoring/score.ts';
import { differences } from '../fixtures/psych/expect-close.ts';

const dir = new URL('../fixtures/psych/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const q = JSON.parse(read('psych-fixture.json')) as Questionnaire;
const { header, rows } = parseCsv(read('responses.csv'));
const { responses, warnings } = readResponses(header, rows, q);

describe('core vs R psych fixture (1e-9)', () => {
	it('reads all 300 respondents without warnings', () => {
		expect(responses).toHaveLength(300);
		expect(warnings).toEqual([]);
	});

	it.each([
		['default norm', 'expected-score.json', undefined],
		['--norm students', 'expected-score-students.json', 'students']
	])('scores match psych::scoreItems and pnorm (%s)', (_, file, norm) => {
		const actual = responses.map((r) => toBatchResult(r.id, scoreResponse(q, r.answers, { norm })));
		expect(differences(actual, JSON.parse(read(file)))).toEqual([]);
	});

	it('item analysis matches psych::alpha (raw_alpha, r.drop) and item statistics', () => {
		const actual = analyzeItems(
			q,
			responses.map((r) => r.answers)
		);
		expect(differences(actual, JSON.parse(read('expected-analyze.json')))).toEqual([]);
	});

	it('the fixture exercises unscored scales and a range not starting at 1', () => {
		const unscored = responses.filter((r) => scoreResponse(q, r.answers).scales[1].score === null);
		expect(unscored.map((r) => r.id)).toEqual(['p007', 'p150', 'p299']);
		expect(q.scoring!.scales![1].range).toEqual([0, 4]);
	});
});
