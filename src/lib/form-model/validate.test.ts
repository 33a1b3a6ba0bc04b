import { describe, expect, it } from 'vitest';
import { compileForm, formModelOf, validateForm, visiblePages } from './index';

const check = (survey: Record<string, unknown>, answers: unknown, partial = false) => validateForm(compileForm(survey), answers, { partial });
const codes = (r: ReturnType<typeof check>) => (r.ok ? [] : r.errors.map((e) => [e.at, e.code]));

describe('validateForm: the cases named in the issue', () => {
	const age = { elements: [{ type: 'text', name: 'age', inputType: 'number', min: 0, max: 100 }] };
	it('refuses text for a numeric question and a number above max, on every save', () => {
		expect(codes(check(age, { age: 'abc' }, true))).toEqual([['age', 'notNumber']]);
		expect(codes(check(age, { age: 101 }, true))).toEqual([['age', 'outOfRange']]);
		expect(check(age, { age: 100 })).toEqual({ ok: true, answers: { age: 100 } });
	});

	it('names the element and says what was wrong', () => {
		const r = check(age, { age: 101 });
		expect(r).toMatchObject({ ok: false, errors: [{ name: 'age', message: 'age: 101 is outside 0 … 100' }] });
	});
});

describe('visibility, required and hidden answers', () => {
	const survey = {
		pages: [
			{ elements: [{ type: 'boolean', name: 'works' }] },
			{ visibleIf: '{works} = true', elements: [{ type: 'text', name: 'job', isRequired: true }] },
			{ elements: [{ type: 'comment', name: 'why', requiredIf: '{works} = false' }, { type: 'text', name: 'never', visible: false }] }
		]
	};
	it('requires a question only while it is visible, and requiredIf only when it holds', () => {
		expect(codes(check(survey, { works: true }))).toEqual([['job', 'required']]);
		expect(codes(check(survey, { works: false }))).toEqual([['why', 'required']]);
		expect(check(survey, { works: true, job: 'baker' })).toEqual({ ok: true, answers: { works: true, job: 'baker' } });
	});
	it('drops answers of questions that are hidden at completion, and keeps them while in progress', () => {
		expect(check(survey, { works: false, job: 'baker', why: 'x', never: 'y' })).toEqual({ ok: true, answers: { works: false, why: 'x' } });
		expect(check(survey, { works: false, job: 'baker' }, true)).toEqual({ ok: true, answers: { works: false, job: 'baker' } });
	});
	it('keeps hidden answers with clearInvisibleValues "none"', () => {
		expect(check({ ...survey, clearInvisibleValues: 'none' }, { works: false, job: 'b', why: 'x' })).toEqual({ ok: true, answers: { works: false, job: 'b', why: 'x' } });
	});
	it('lists the visible pages and elements for the answers so far', () => {
		const model = compileForm(survey);
		expect(visiblePages(model, { works: true }).map((p) => [p.index, p.elements.map((e) => [e.node.name, e.required])])).toEqual([
			[0, [['works', false]]],
			[1, [['job', true]]],
			[2, [['why', false]]]
		]);
		expect(visiblePages(model, { works: false }).map((p) => p.index)).toEqual([0, 2]);
	});
	it('does not validate a read-only (enableIf false) question', () => {
		const s = { elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b', isRequired: true, enableIf: '{a} notempty' }] };
		expect(check(s, {})).toEqual({ ok: true, answers: {} });
		expect(codes(check(s, { a: 'x' }))).toEqual([['b', 'required']]);
	});
});

describe('computed values', () => {
	const survey = {
		calculatedValues: [{ name: 'total', expression: '{a} + {b}', includeIntoResult: true }, { name: 'hiddenTotal', expression: '{a} * 2' }],
		elements: [
			{ type: 'text', name: 'a', inputType: 'number' },
			{ type: 'text', name: 'b', inputType: 'number' },
			{ type: 'expression', name: 'double', expression: '{total} * 2' },
			{ type: 'text', name: 'big', visibleIf: '{hiddenTotal} > 10' }
		]
	};
	it('computes expression questions and calculated values on the server, ignoring the client copies', () => {
		expect(check(survey, { a: 2, b: 3, total: 99, double: 1 })).toEqual({ ok: true, answers: { a: 2, b: 3, total: 5, double: 10 } });
	});
	it('uses calculated values in conditions', () => {
		expect(check(survey, { a: 2, b: 0, big: 'x' })).toEqual({ ok: true, answers: { a: 2, b: 0, total: 2, double: 4 } });
		expect(check(survey, { a: 6, b: 0, big: 'x' })).toMatchObject({ ok: true, answers: { big: 'x' } });
	});
});

describe('choices', () => {
	it('none is exclusive, other needs its comment key, selectAll is a plain list', () => {
		const s = { elements: [{ type: 'checkbox', name: 'c', choices: ['a', 'b'], showNoneItem: true, showOtherItem: true, showSelectAllItem: true }] };
		expect(codes(check(s, { c: ['none', 'a'] }, true))).toEqual([['c', 'exclusive']]);
		expect(check(s, { c: ['a', 'b'] })).toEqual({ ok: true, answers: { c: ['a', 'b'] } });
		expect(check(s, { c: ['other'], 'c-Comment': 'mine' })).toEqual({ ok: true, answers: { c: ['other'], 'c-Comment': 'mine' } });
		expect(codes(check(s, { c: ['selectall'] }))).toEqual([['c', 'notAllowed']]);
	});
	it('min/maxSelectedChoices and choicesMin/Max/Step', () => {
		const s = { elements: [{ type: 'checkbox', name: 'c', choices: [1, 2, 3], minSelectedChoices: 2, maxSelectedChoices: 2 }, { type: 'dropdown', name: 'y', choicesMin: 10, choicesMax: 20, choicesStep: 5 }] };
		expect(codes(check(s, { c: [1] }))).toEqual([['c', 'tooFewSelected']]);
		expect(codes(check(s, { c: [1, 2, 3] }, true))).toEqual([['c', 'tooManySelected']]);
		expect(codes(check(s, { y: 12 }))).toEqual([['y', 'notAllowed']]);
		expect(check(s, { c: [1, 3], y: 15 })).toEqual({ ok: true, answers: { c: [1, 3], y: 15 } });
	});
	it('ranking must rank every choice; choicesFromQuestion "selected" ranks what was picked', () => {
		const s = {
			elements: [
				{ type: 'checkbox', name: 'values', choices: ['money', 'people', 'freedom'] },
				{ type: 'ranking', name: 'rank', choicesFromQuestion: 'values', choicesFromQuestionMode: 'selected' }
			]
		};
		expect(check(s, { values: ['money', 'freedom'], rank: ['freedom', 'money'] })).toMatchObject({ ok: true });
		expect(codes(check(s, { values: ['money', 'freedom'], rank: ['freedom'] }))).toEqual([['rank', 'incompleteRanking']]);
		expect(codes(check(s, { values: ['money'], rank: ['money', 'people'] }))).toEqual([['rank', 'notAllowed']]);
	});
});

describe('matrices, dynamic panels, multiple text', () => {
	const s = {
		elements: [
			{ type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: [1, 2, 3], isAllRowRequired: true },
			{ type: 'matrixdropdown', name: 'd', rows: ['x'], columns: [{ name: 'c', cellType: 'rating', isRequired: true }, { name: 't', cellType: 'text' }] },
			{ type: 'paneldynamic', name: 'p', maxPanelCount: 2, templateElements: [{ type: 'boolean', name: 'ok' }, { type: 'text', name: 'why', visibleIf: '{panel.ok} = false', isRequired: true }] },
			{ type: 'multipletext', name: 'mt', items: [{ name: 'first', isRequired: true }, { name: 'n', inputType: 'number' }] }
		]
	};
	it('accepts a complete response', () => {
		const a = { m: { r1: 1, r2: 3 }, d: { x: { c: 5 } }, p: [{ ok: true }, { ok: false, why: 'late' }], mt: { first: 'Ada', n: 3 } };
		expect(check(s, a)).toEqual({ ok: true, answers: a });
	});
	it('refuses unknown rows and columns, too many panels, wrong cell values', () => {
		expect(codes(check(s, { m: { r3: 1 } }, true))).toEqual([['m.r3', 'unknownRow']]);
		expect(codes(check(s, { m: { r1: 4 } }, true))).toEqual([['m.r1', 'notAllowed']]);
		expect(codes(check(s, { d: { x: { zz: 1 } } }, true))).toEqual([['d.x.zz', 'unknownColumn']]);
		expect(codes(check(s, { d: { x: { c: 6 } } }, true))).toEqual([['d.x.c', 'notAllowed']]);
		expect(codes(check(s, { p: [{}, {}, {}] }, true))).toEqual([['p', 'tooManyRows']]);
		expect(codes(check(s, { mt: { n: 'x' } }, true))).toEqual([['mt.n', 'notNumber']]);
	});
	it('checks required rows, cells and panel questions at completion', () => {
		expect(codes(check(s, { m: { r1: 1 }, d: { x: { t: 'a' } }, p: [{ ok: false }], mt: { n: 1 } }))).toEqual([
			['m.r2', 'required'],
			['d.x.c', 'required'],
			['p[0].why', 'required'],
			['mt.first', 'required']
		]);
	});
	it('drops a hidden panel question', () => {
		const a = { m: { r1: 1, r2: 3 }, d: { x: { c: 5 } }, p: [{ ok: true, why: 'gone' }], mt: { first: 'A' } };
		expect(check(s, a)).toMatchObject({ ok: true, answers: { p: [{ ok: true }] } });
	});
});

describe('validators and masks', () => {
	it('runs the SurveyJS validators at completion with the author text', () => {
		const s = {
			elements: [
				{ type: 'text', name: 'e', validators: [{ type: 'email' }] },
				{ type: 'text', name: 'r', validators: [{ type: 'regex', regex: '^[A-Z]+$', text: 'Capitals only' }] },
				{ type: 'text', name: 'n', validators: [{ type: 'numeric', minValue: 1, maxValue: 9 }] },
				{ type: 'text', name: 'x', validators: [{ type: 'expression', expression: '{x} != {e}' }] },
				{ type: 'checkbox', name: 'c', choices: [1, 2, 3], validators: [{ type: 'answercount', maxCount: 1 }] }
			]
		};
		const r = check(s, { e: 'nope', r: 'abc', n: '12', x: 'a@b.dk', c: [1, 2] });
		expect(codes(r)).toEqual([['e', 'email'], ['r', 'pattern'], ['n', 'outOfRange'], ['c', 'tooManySelected']]);
		expect(r.ok ? '' : r.errors[1].message).toBe('r: Capitals only');
		expect(check(s, { e: 'a@b.dk', r: 'ABC', n: '5', x: 'y', c: [3] })).toMatchObject({ ok: true });
	});
	it('checks a pattern mask and a currency mask', () => {
		const s = { elements: [{ type: 'text', name: 'p', maskType: 'pattern', maskSettings: { pattern: '99-99' } }, { type: 'text', name: 'c', maskType: 'currency', maskSettings: { min: 0 } }] };
		expect(codes(check(s, { p: '12-34', c: 1 }))).toEqual([['p', 'pattern']]);
		expect(codes(check(s, { c: -1 }, true))).toEqual([['c', 'outOfRange']]);
		expect(check(s, { p: '1234', c: 10.5 })).toMatchObject({ ok: true });
	});
});

describe('files and signatures', () => {
	const s = { elements: [{ type: 'file', name: 'f', acceptedTypes: 'image/*' }, { type: 'signaturepad', name: 's' }] };
	const png = 'data:image/png;base64,iVBORw0KGgo=';
	it('accepts data URLs of accepted types and refuses others', () => {
		expect(check(s, { f: [{ name: 'a.png', type: 'image/png', content: png }], s: png })).toMatchObject({ ok: true });
		expect(codes(check(s, { f: [{ name: 'a.pdf', type: 'application/pdf', content: 'data:application/pdf;base64,JVBERi0=' }] }, true))).toEqual([['f[0]', 'fileType']]);
		expect(codes(check(s, { f: [{ name: 'a', content: png }, { name: 'b', content: png }] }, true))).toEqual([['f', 'tooManyFiles']]);
		expect(codes(check(s, { s: 'https://example.org/x.png' }, true))).toEqual([['s', 'file']]);
		expect(codes(check(s, { s: `data:image/png;base64,${'A'.repeat(300 * 1024)}` }, true))).toEqual([['s', 'fileSize']]);
	});
});

describe('formModelOf', () => {
	it('compiles a survey object once', () => {
		const survey = { elements: [{ type: 'text', name: 'a' }] };
		expect(formModelOf(survey)).toBe(formModelOf(survey));
	});
	it('reports conditions that do not parse, and treats them as false as survey-core does', () => {
		const s = { elements: [{ type: 'text', name: 'a', visibleIf: '{b} >' }] };
		expect(check(s, { a: 'x' })).toEqual({ ok: true, answers: {} });
		expect(compileForm({ elements: [{ type: 'text', name: 'a', visibleIf: '{b} >' }] }).problems).toEqual([
			{ path: '$.survey.elements[0].visibleIf', message: 'cannot be parsed as a SurveyJS expression: "{b} >"; SurveyJS treats it as false' }
		]);
	});
});
