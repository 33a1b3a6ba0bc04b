// What the server stores at completion is survey-core's `survey.data` after `doComplete()`, for the
// cases SurveyJS decides in ways easy to get wrong: a `visibleIf` beside `"visible": false` (older
// SurveyJS Creator exports), hidden expression questions and hidden questions inside dynamic panels,
// `clearIfInvisible`, answers of spaces only, validators whose expression does not parse, and questions
// sharing a name. Each case runs survey-core itself in Node on the same answers and compares.
import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { compileForm, validateForm, type FormError } from '../../src/lib/form-model';
import { checkQuestionnaireText } from '../../src/lib/server/questionnaires/questionnaires';

type Json = Record<string, unknown>;

/** survey-core on the answers: whether Complete passes, and `survey.data` after `doComplete()`. */
function surveyCore(form: Json, answers: Json): { passes: boolean; data: Json } {
	const survey = new Model(form);
	for (const [k, v] of Object.entries(answers)) survey.setValue(k, v);
	const passes = survey.validate(false);
	survey.doComplete();
	const data = JSON.parse(JSON.stringify(survey.data)) as Json;
	survey.dispose();
	return { passes, data };
}

/** The server: the answers it stores, or the errors (name, where, code) it refuses them with. */
function server(form: Json, answers: Json): { ok: true; answers: Json } | { ok: false; errors: Pick<FormError, 'name' | 'at' | 'code'>[] } {
	const done = validateForm(compileForm(form), answers);
	return done.ok ? { ok: true, answers: done.answers } : { ok: false, errors: done.errors.map(({ name, at, code }) => ({ name, at, code })) };
}

/** Both agree: survey-core completes and the server stores exactly its data. */
function storesAsSurveyJs(form: Json, answers: Json): Json {
	const core = surveyCore(form, answers);
	expect(core.passes).toBe(true);
	expect(server(form, answers)).toEqual({ ok: true, answers: core.data });
	return core.data;
}

/** Both refuse: survey-core does not complete, and the server names these errors. */
function refusedAsSurveyJs(form: Json, answers: Json, errors: Pick<FormError, 'name' | 'at' | 'code'>[]) {
	expect(surveyCore(form, answers).passes).toBe(false);
	expect(server(form, answers)).toEqual({ ok: false, errors });
}

function check(survey: Json, scoring?: Json) {
	const text = JSON.stringify({ id: 'case', version: '1.0.0', kind: 'self-evaluation', title: 'Case', survey, ...(scoring ? { scoring } : {}) });
	return checkQuestionnaireText('case.json', text);
}

describe('"visible": false beside a visibleIf (older SurveyJS Creator exports): the condition decides', () => {
	const form = {
		elements: [
			{ type: 'radiogroup', name: 'kids', choices: ['yes', 'no'] },
			{ type: 'text', name: 'ages', visible: false, visibleIf: "{kids} = 'yes'", isRequired: true },
			{ type: 'panel', name: 'p', visible: false, visibleIf: "{kids} = 'yes'", elements: [{ type: 'comment', name: 'school' }] }
		]
	};
	it('keeps the answers when the condition holds', () => {
		expect(storesAsSurveyJs(form, { kids: 'yes', ages: '4 and 7', school: 'Near' })).toEqual({ kids: 'yes', ages: '4 and 7', school: 'Near' });
	});
	it('enforces isRequired when the condition holds', () => {
		refusedAsSurveyJs(form, { kids: 'yes' }, [{ name: 'ages', at: 'ages', code: 'required' }]);
	});
	it('drops the answers when it fails', () => {
		expect(storesAsSurveyJs(form, { kids: 'no', ages: '4', school: 'Near' })).toEqual({ kids: 'no' });
	});
	it('on a page too', () => {
		const paged = { pages: [{ elements: [form.elements[0]] }, { visible: false, visibleIf: "{kids} = 'yes'", elements: [{ type: 'text', name: 'ages' }] }] };
		expect(storesAsSurveyJs(paged, { kids: 'yes', ages: '4' })).toEqual({ kids: 'yes', ages: '4' });
		expect(storesAsSurveyJs(paged, { kids: 'no', ages: '4' })).toEqual({ kids: 'no' });
	});
});

describe('hidden values', () => {
	it('a hidden expression question is cleared at completion, as survey-core 2.5 does; a shown one is stored', () => {
		const form = {
			elements: [
				{ type: 'rating', name: 'a' },
				{ type: 'expression', name: 'hiddenTotal', expression: '{a} * 2', visible: false },
				{ type: 'expression', name: 'ifBig', expression: '{a} + 1', visibleIf: '{a} > 3' },
				{ type: 'expression', name: 'shown', expression: '{a} + 10' }
			]
		};
		expect(storesAsSurveyJs(form, { a: 2 })).toEqual({ a: 2, shown: 12 });
		expect(storesAsSurveyJs(form, { a: 5 })).toEqual({ a: 5, ifBig: 6, shown: 15 });
	});
	it('hidden questions inside a dynamic panel are cleared per panel; shown ones and expressions kept', () => {
		const form = {
			elements: [
				{
					type: 'paneldynamic',
					name: 'jobs',
					templateElements: [
						{ type: 'dropdown', name: 'kind', choices: ['paid', 'volunteer'] },
						{ type: 'text', name: 'employer', visibleIf: "{panel.kind} = 'paid'" },
						{ type: 'text', name: 'note', visible: false },
						{ type: 'expression', name: 'isPaid', expression: "{panel.kind} = 'paid'" }
					]
				}
			]
		};
		const answers = { jobs: [{ kind: 'paid', employer: 'Dock', note: 'x' }, { kind: 'volunteer', employer: 'Club', note: 'y' }] };
		expect(storesAsSurveyJs(form, answers)).toEqual({ jobs: [{ kind: 'paid', employer: 'Dock', isPaid: true }, { kind: 'volunteer', isPaid: false }] });
	});
	it('an expression question and a dynamic panel question with "visible": false beside a visibleIf that holds are stored', () => {
		const form = {
			elements: [
				{ type: 'rating', name: 'a' },
				{ type: 'expression', name: 'double', expression: '{a} * 2', visible: false, visibleIf: '{a} > 1' },
				{ type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'text', name: 'x' }, { type: 'text', name: 'y', visible: false, visibleIf: "{panel.x} = 'k'" }] }
			]
		};
		expect(storesAsSurveyJs(form, { a: 3, pd: [{ x: 'k', y: 'kept' }, { x: 'j', y: 'dropped' }] })).toEqual({ a: 3, double: 6, pd: [{ x: 'k', y: 'kept' }, { x: 'j' }] });
		expect(storesAsSurveyJs(form, { a: 1 })).toEqual({ a: 1 });
	});
	it('clearIfInvisible "none" on a question keeps its answer while hidden', () => {
		const form = { elements: [{ type: 'rating', name: 'a' }, { type: 'text', name: 'why', visibleIf: '{a} < 3', clearIfInvisible: 'none' }, { type: 'text', name: 'other', visibleIf: '{a} < 3' }] };
		expect(storesAsSurveyJs(form, { a: 5, why: 'kept', other: 'dropped' })).toEqual({ a: 5, why: 'kept' });
	});
});

describe('an answer of spaces only', () => {
	const form = {
		elements: [
			{ type: 'text', name: 'name', isRequired: true },
			{ type: 'comment', name: 'story', isRequired: true },
			{ type: 'text', name: 'nick' },
			{ type: 'multipletext', name: 'contact', items: [{ name: 'phone', isRequired: true }] },
			{ type: 'paneldynamic', name: 'kids', templateElements: [{ type: 'text', name: 'first', isRequired: true }] }
		]
	};
	it('is empty to isRequired ("Response required"), in text, comment, multipletext items and dynamic panels', () => {
		refusedAsSurveyJs(form, { name: '   ', story: ' \n\t ', contact: { phone: '  ' }, kids: [{ first: ' ' }] }, [
			{ name: 'name', at: 'name', code: 'required' },
			{ name: 'story', at: 'story', code: 'required' },
			{ name: 'contact', at: 'contact.phone', code: 'required' },
			{ name: 'kids', at: 'kids[0].first', code: 'required' }
		]);
	});
	it('is kept as typed where the question is optional', () => {
		expect(storesAsSurveyJs(form, { name: 'Ada', story: 'Yes', nick: '  ', contact: { phone: '5' }, kids: [{ first: 'B' }] })).toMatchObject({ nick: '  ' });
	});
	it('passes text and regex validators (they skip it) but not an expression validator', () => {
		const validated = {
			elements: [
				{ type: 'text', name: 'motto', validators: [{ type: 'text', minLength: 5 }, { type: 'regex', regex: '^\\d+$' }] },
				{ type: 'text', name: 'code', validators: [{ type: 'expression', expression: "{code} = 'x'" }] }
			]
		};
		expect(storesAsSurveyJs(validated, { motto: '  ', code: 'x' })).toEqual({ motto: '  ', code: 'x' });
		refusedAsSurveyJs(validated, { motto: '  ', code: '  ' }, [{ name: 'code', at: 'code', code: 'expression' }]);
	});
});

describe('a validator whose expression does not parse', () => {
	const form = {
		elements: [
			{ type: 'text', name: 'age', validators: [{ type: 'expression', expression: '{age} >' }] },
			{ type: 'text', name: 'later', visibleIf: '{age} = 1', validators: [{ type: 'expression', expression: '{later} >' }] },
			{ type: 'text', name: 'none', validators: [{ type: 'expression' }] }
		]
	};
	it('fails as in SurveyJS, answered or not, while its question is shown; one without an expression is skipped', () => {
		refusedAsSurveyJs(form, { age: '30', none: 'x' }, [{ name: 'age', at: 'age', code: 'expression' }]);
		refusedAsSurveyJs(form, { none: 'x' }, [{ name: 'age', at: 'age', code: 'expression' }]);
		refusedAsSurveyJs(form, { age: '1', later: 'x' }, [
			{ name: 'age', at: 'age', code: 'expression' },
			{ name: 'later', at: 'later', code: 'expression' }
		]);
	});
	it('an expression validator runs on an unanswered question of any kind, as in survey-core', () => {
		const unanswered = {
			elements: [
				{ type: 'text', name: 'b' },
				{ type: 'matrix', name: 'grid', rows: ['r'], columns: [1, 2], validators: [{ type: 'expression', expression: '{b} > 5' }] },
				{ type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'text', name: 'x' }], validators: [{ type: 'expression', expression: '{b} > 5' }] }
			]
		};
		refusedAsSurveyJs(unanswered, { b: '1' }, [
			{ name: 'grid', at: 'grid', code: 'expression' },
			{ name: 'pd', at: 'pd', code: 'expression' }
		]);
		expect(storesAsSurveyJs(unanswered, { b: '6' })).toEqual({ b: '6' });
	});
	it('is a warning of the questionnaire check, which says the form can never be completed', () => {
		const checked = check(form);
		expect('problems' in checked).toBe(false);
		expect(checked.warnings).toContainEqual({
			path: '$.survey.elements[0].validators[0].expression',
			message: 'cannot be parsed as a SurveyJS expression: "{age} >"; SurveyJS fails this validator whenever the question is shown, so the form can never be completed'
		});
	});
});

describe('questions sharing a name', () => {
	const form = {
		pages: [
			{ elements: [{ type: 'radiogroup', name: 'work', choices: ['yes', 'no'] }, { type: 'text', name: 'role', visibleIf: "{work} = 'yes'" }] },
			{ elements: [{ type: 'text', name: 'role', visibleIf: "{work} = 'no'", isRequired: true }, { type: 'rating', name: 'mood' }] }
		]
	};
	it('are accepted by the check with a warning naming both', () => {
		const checked = check(form);
		expect('problems' in checked).toBe(false);
		expect(checked.warnings).toContainEqual({
			path: '$.survey.pages[1].elements[0].name',
			message: 'the name "role" is used before ($.survey.pages[0].elements[1]): SurveyJS gives both questions one shared value'
		});
	});
	it('share one value, kept while either is shown and required by the shown one', () => {
		expect(storesAsSurveyJs(form, { work: 'yes', role: 'Cook' })).toEqual({ work: 'yes', role: 'Cook' });
		expect(storesAsSurveyJs(form, { work: 'no', role: 'Student' })).toEqual({ work: 'no', role: 'Student' });
		refusedAsSurveyJs(form, { work: 'no' }, [{ name: 'role', at: 'role', code: 'required' }]);
	});
	it('are refused when a scale scores the name: which question the score reads would be ambiguous', () => {
		const scored = { elements: [{ type: 'rating', name: 'mood' }, { type: 'rating', name: 'mood', rateMax: 7 }] };
		const checked = check(scored, { scales: [{ id: 'm', title: 'Mood', items: ['mood'], range: [1, 7], method: 'mean' }] });
		expect('problems' in checked ? checked.problems : []).toEqual([
			{
				path: '$.scoring.scales[0].items[0]',
				message: '"mood" is scored, but 2 questions are named "mood" ($.survey.elements[0], $.survey.elements[1]): SurveyJS gives them one shared value, so the score would be ambiguous; rename all but one'
			}
		]);
	});
});
