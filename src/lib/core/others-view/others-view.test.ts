import { describe, expect, it } from 'vitest';
import { johariWindow, othersViewExport } from './window.ts';
import { checkOthersAnswer, validateOthersView } from './validate.ts';
import { othersViewThemes, selfPicks } from './qualities.ts';
import { validateQuestionnaire } from '../questionnaire/validate.ts';
import type { QuestionnaireProblem, Questionnaire } from '../questionnaire/types.ts';
import { walkSurvey } from '../questionnaire/elements.ts';

const survey = {
	pages: [
		{
			name: 'p',
			elements: [
				{ type: 'checkbox', name: 'social', title: { default: 'Helping', da: 'Hjælpe' }, choices: [{ value: 'patient', text: { default: 'Patient', da: 'Tålmodig' } }, 'kind'] },
				{ type: 'checkbox', name: 'order', title: 'Order', choices: ['careful', 'on-time'] },
				{ type: 'comment', name: 'free' }
			]
		}
	]
};
const def = { questions: ['social', 'order'], min: 2, max: 3, minRespondents: 3, maxTextLength: 20 };
const file = (othersView: unknown) => ({ id: 'ov', version: '1.0.0', kind: 'exercise', title: 'OV', survey, scoring: { othersView } });
const elements = new Map(walkSurvey(survey).all.map((e) => [e.name, e] as const));
const problemsOf = (d: unknown) => {
	const out: QuestionnaireProblem[] = [];
	validateOthersView(d, elements, out);
	return out;
};

describe('johariWindow', () => {
	const order = ['patient', 'kind', 'careful', 'on-time'];

	it('waits for the missing answers and gives nothing else away', () => {
		expect(johariWindow(order, ['patient'], [['kind'], ['kind']], 3)).toEqual({ ready: false, respondents: 2, needed: 1 });
		expect(johariWindow(order, ['patient'], [], 3)).toEqual({ ready: false, respondents: 0, needed: 3 });
	});

	it('sorts the qualities into open, blind spot and hidden with the number of others who chose each', () => {
		// Self: patient, careful. Others: A {patient, kind}, B {kind, on-time}, C {kind, patient}.
		// patient: self + 2 others → open 2; careful: self, nobody → hidden 0;
		// kind: 3 others → blind 3; on-time: 1 other → blind 1.
		const w = johariWindow(order, ['patient', 'careful'], [['patient', 'kind'], ['kind', 'on-time'], ['kind', 'patient']], 3);
		expect(w).toEqual({
			ready: true,
			respondents: 3,
			open: [{ id: 'patient', others: 2 }],
			blind: [{ id: 'kind', others: 3 }, { id: 'on-time', others: 1 }],
			hidden: [{ id: 'careful', others: 0 }]
		});
	});

	it('counts a repeated pick once per person, ignores unknown ids, and breaks ties by the exercise order', () => {
		const w = johariWindow(order, ['nope'], [['on-time', 'on-time', 'x'], ['kind'], ['careful']], 3);
		expect(w).toEqual({
			ready: true,
			respondents: 3,
			open: [],
			blind: [{ id: 'kind', others: 1 }, { id: 'careful', others: 1 }, { id: 'on-time', others: 1 }],
			hidden: []
		});
	});
});

describe('othersViewThemes and selfPicks', () => {
	const q = file(def) as unknown as Questionnaire;

	it('reads each question as a theme with its choices as qualities', () => {
		expect(othersViewThemes(q)).toEqual([
			{ id: 'social', title: { default: 'Helping', da: 'Hjælpe' }, qualities: [{ id: 'patient', text: { default: 'Patient', da: 'Tålmodig' } }, { id: 'kind', text: 'kind' }] },
			{ id: 'order', title: 'Order', qualities: [{ id: 'careful', text: 'careful' }, { id: 'on-time', text: 'on-time' }] }
		]);
	});

	it('collects the picks of every theme, known ones only, once each', () => {
		const themes = othersViewThemes(q);
		expect(selfPicks(themes, { order: ['on-time', 'kind'], social: ['kind', 'kind'], free: 'x' })).toEqual(['kind', 'on-time']);
	});
});

describe('validateOthersView', () => {
	it('accepts a well-formed definition inside a questionnaire', () => {
		expect(validateQuestionnaire(file(def)).ok).toBe(true);
	});

	it('names the path of every problem', () => {
		const out = problemsOf({ questions: ['social', 'free', 'nope', 'social'], min: 4, max: 3, minRespondents: 1, maxTextLength: 0, extra: 1 });
		// Only "social" is a usable question, with 2 qualities: min and max must lie in 1..2.
		expect(out.map((p) => `${p.path}: ${p.message}`)).toEqual([
			'$.scoring.othersView.extra: unknown property "extra"',
			'$.scoring.othersView.questions[1]: "free" is a comment; the qualities must be the choices of checkbox questions',
			'$.scoring.othersView.questions[2]: unknown question "nope": no question with this name in survey',
			'$.scoring.othersView.questions[3]: question "social" is listed twice',
			'$.scoring.othersView.min: must be a whole number from 1 to 2 (got 4)',
			'$.scoring.othersView.max: must be a whole number from 1 to 2 (got 3)',
			'$.scoring.othersView.minRespondents: must be a whole number from 2 to 100 (got 1)',
			'$.scoring.othersView.maxTextLength: must be a whole number from 1 to 2000 (got 0)'
		]);
	});

	it('refuses a quality value used in two questions', () => {
		const twice = { pages: [{ name: 'p', elements: [{ type: 'checkbox', name: 'a', choices: ['x', 'y'] }, { type: 'checkbox', name: 'b', choices: ['y'] }] }] };
		const res = validateQuestionnaire({ ...file({ ...def, questions: ['a', 'b'], min: 1, max: 2 }), survey: twice });
		expect(res.ok).toBe(false);
		expect(res.problems).toContainEqual({ path: '$.scoring.othersView.questions[1]', message: 'quality "y" is also a choice of "a": values must be unique over all the questions' });
	});
});

describe('checkOthersAnswer', () => {
	const themes = othersViewThemes(file(def) as unknown as Questionnaire);

	it('keeps known picks once each and the trimmed text', () => {
		expect(checkOthersAnswer(def, themes, ['kind', 'careful', 'kind'], '  Calm\r\nin a crisis ')).toEqual({ ok: true, qualities: ['kind', 'careful'], text: 'Calm\nin a crisis' });
		expect(checkOthersAnswer(def, themes, ['kind'], '   ')).toEqual({ ok: true, qualities: ['kind'], text: null });
	});

	it('refuses unknown, missing and too many picks, and over-long or odd text, naming the field', () => {
		expect(checkOthersAnswer(def, themes, ['kind', '<script>'], undefined)).toEqual({ ok: false, problems: [{ path: 'qualities[1]', message: '"<script>" is not one of the qualities', kind: 'notQuality', params: { value: '"<script>"' } }] });
		expect(checkOthersAnswer(def, themes, [], undefined)).toEqual({ ok: false, problems: [{ path: 'qualities', message: 'pick at least one quality', kind: 'noQuality' }] });
		expect(checkOthersAnswer(def, themes, ['kind', 'patient', 'careful', 'on-time'], undefined)).toEqual({ ok: false, problems: [{ path: 'qualities', message: 'pick at most 3 qualities (got 4)', kind: 'tooManyQualities', params: { max: 3, n: 4 } }] });
		expect(checkOthersAnswer(def, themes, ['kind'], 'x'.repeat(21))).toEqual({ ok: false, problems: [{ path: 'text', message: 'is 21 characters long; at most 20 are allowed', kind: 'textTooLong', params: { length: 21, max: 20 } }] });
		expect(checkOthersAnswer(def, themes, ['kind'], 'a\u0000b')).toEqual({ ok: false, problems: [{ path: 'text', message: 'contains control characters', kind: 'textControl' }] });
	});
});

describe('othersViewExport', () => {
	it('lists open, blind and hidden qualities with self and the count, and nothing while waiting', () => {
		const w = johariWindow(['patient', 'kind', 'careful', 'on-time'], ['patient', 'careful'], [['patient', 'kind'], ['kind', 'on-time'], ['kind', 'patient']], 3);
		expect(othersViewExport(w)).toEqual({
			respondents: 3,
			qualities: [
				{ id: 'patient', self: true, others: 2 },
				{ id: 'kind', self: false, others: 3 },
				{ id: 'on-time', self: false, others: 1 },
				{ id: 'careful', self: true, others: 0 }
			]
		});
		expect(othersViewExport(johariWindow(['a'], ['a'], [['a']], 3))).toBeNull();
	});
});
