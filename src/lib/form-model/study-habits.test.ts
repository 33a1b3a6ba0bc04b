import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formModelOf, validateForm } from './index';
import { scoreResponse } from '$lib/core/scoring/score';
import type { Questionnaire } from '$lib/core/questionnaire/types';

const q = JSON.parse(readFileSync('questionnaires/study-habits.json', 'utf8')) as Questionnaire;

describe('study-habits: a Likert grid, choice weights, a dynamic panel and a conditional question', () => {
	const answers = {
		plan: { week: 4, start: 2, lastMinute: 5, goals: 3 },
		askFor: { teacher: 'never', peer: 'often' },
		searchFirst: 'usually',
		whyNotAsk: 'I feel shy',
		courses: [
			{ course: 'Maths', enjoy: false, change: 'more examples' },
			{ course: 'Art', enjoy: true, change: 'hidden, so dropped' }
		]
	};

	it('keeps the visible answers, drops the hidden one, and scores by hand-worked values', () => {
		const r = validateForm(formModelOf(q.survey), answers);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.answers.courses).toEqual([{ course: 'Maths', enjoy: false, change: 'more examples' }, { course: 'Art', enjoy: true }]);
		const scored = scoreResponse(q, r.answers);
		// planning: 4, 2, (1 + 5 − 5) = 1, 3 → 10 / 4 = 2.5, the top of the first band
		expect(scored.scales[0]).toMatchObject({ id: 'planning', score: 2.5, answered: 4, band: { index: 0 } });
		// help-seeking: never 0 + often 2 + usually 2
		expect(scored.scales[1]).toEqual({ id: 'help-seeking', score: 4, answered: 3 });
	});

	it('drops the conditional comment when its condition no longer holds', () => {
		const r = validateForm(formModelOf(q.survey), { ...answers, askFor: { teacher: 'often', peer: 'often' } });
		expect(r.ok && 'whyNotAsk' in r.answers).toBe(false);
	});

	it('requires every row of the grid and a course name in each panel', () => {
		const r = validateForm(formModelOf(q.survey), { ...answers, plan: { week: 4 }, courses: [{ enjoy: true }] });
		expect(r.ok ? [] : r.errors.map((e) => [e.at, e.code])).toEqual([
			['plan.start', 'required'],
			['plan.lastMinute', 'required'],
			['plan.goals', 'required'],
			['courses[0].course', 'required']
		]);
	});
});
