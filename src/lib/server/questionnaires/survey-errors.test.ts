import { describe, expect, it, vi } from 'vitest';
import { checkQuestionnaireText, formatProblems, formatWarnings } from './questionnaires';

const file = (survey: Record<string, unknown>) =>
	JSON.stringify({ id: 'typo-form', version: '1.0.0', kind: 'exercise', title: 'T', survey });

describe('questionnaire check: warnings apart from errors', () => {
	it('accepts unknown SurveyJS properties as warnings with a hint, one line per repeated slip', () => {
		const text = file({
			showProgressBarr: 'top',
			questions: [1, 2, 3].map((i) => ({ type: 'text', name: `q${i}`, isRequred: true })).concat([{ type: 'rating', name: 'r', ratemax: 4 } as never])
		});
		const r = checkQuestionnaireText('typo-form.json', text);
		expect('problems' in r).toBe(false);
		expect(formatWarnings([r])).toEqual([
			'typo-form.json $.survey.showProgressBarr: unknown SurveyJS property "showProgressBarr" of survey, ignored (did you mean "showProgressBar"?)',
			'typo-form.json $.survey.questions[0].isRequred: unknown SurveyJS property "isRequred" of text, ignored (did you mean "isRequired"?) (and 2 more like it: $.survey.questions[1].isRequred, $.survey.questions[2].isRequred)',
			'typo-form.json $.survey.questions[3].ratemax: unknown SurveyJS property "ratemax" of rating, ignored (did you mean "rateMax"?)'
		]);
	});

	it('refuses custom widget types in one line per type, and choicesByUrl, naming the file', () => {
		const r = checkQuestionnaireText(
			'typo-form.json',
			file({
				elements: [
					...Array.from({ length: 40 }, (_, i) => ({ type: 'nouislider', name: `s${i}` })),
					{ type: 'dropdown', name: 'd', choicesByUrl: { url: 'https://example.org/countries' } }
				]
			})
		);
		if (!('problems' in r)) throw new Error('accepted');
		const lines = formatProblems([r]);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^typo-form\.json \$\.survey\.elements\[0\]\.type: question type "nouislider" is not a built-in SurveyJS type .* \(and 39 more like it: /);
		expect(lines[1]).toMatch(/^typo-form\.json \$\.survey\.elements\[40\]\.choicesByUrl: choicesByUrl loads the choices from another server/);
	});

	it('warns about a condition SurveyJS cannot parse', () => {
		// SurveyJS itself also says so on the console while it loads the form: caught here and checked,
		// rather than printed into the test output.
		const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			const r = checkQuestionnaireText('typo-form.json', file({ elements: [{ type: 'text', name: 'a', visibleIf: "{b} = 'x" }] }));
			expect(r.warnings).toEqual([{ path: '$.survey.elements[0].visibleIf', message: `cannot be parsed as a SurveyJS expression: "{b} = 'x"; SurveyJS treats it as false` }]);
			expect(consoleWarn.mock.calls.map((c) => String(c[0]))).toContain("Invalid expression: '{b} = 'x'. It is used in the question: 'a'.");
		} finally {
			consoleWarn.mockRestore();
		}
	});
});
