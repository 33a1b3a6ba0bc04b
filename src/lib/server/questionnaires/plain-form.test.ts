// The questionnaire without JavaScript, below HTTP: every question type rendered by the real Svelte
// components (server-side) into the HTML controls and field names expected, and the fields a browser
// would submit read back into the answers SurveyJS stores. Expected values are written by hand.
import { describe, expect, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { render } from 'svelte/server';
import PlainForm from '../../components/plain/PlainForm.svelte';
import { plainPage, renderedSurvey, skippedQuestions, visibilityOf } from './plain-form';
import { readPageAnswers } from '../../core/plain-form/read';
import { pageEntries, pagesOf } from '../../core/plain-form/walk';
import type { Questionnaire } from '../../core/questionnaire/types';
import { translator } from '../../i18n';

const survey = {
	showQuestionNumbers: 'off',
	pages: [
		{
			name: 'all',
			elements: [
				{ type: 'radiogroup', name: 'color', title: 'Colour', isRequired: true, choices: [{ value: 1, text: 'Red' }, { value: 2, text: 'Blue' }] },
				{ type: 'rating', name: 'mood', rateMin: 1, rateMax: 3 },
				{ type: 'checkbox', name: 'pets', choices: ['cat', 'dog'], showOtherItem: true },
				{ type: 'dropdown', name: 'city', choices: ['Aarhus', 'Odense'] },
				{ type: 'tagbox', name: 'tags', choices: ['x', 'y'] },
				{ type: 'boolean', name: 'agree' },
				{ type: 'text', name: 'age', inputType: 'number' },
				{ type: 'comment', name: 'note', maxLength: 200 },
				{ type: 'multipletext', name: 'full', items: [{ name: 'first' }, { name: 'last' }] },
				{ type: 'matrix', name: 'grid', columns: [{ value: 1, text: 'No' }, { value: 2, text: 'Yes' }], rows: ['a', 'b'] },
				{ type: 'ranking', name: 'order', choices: ['p', 'q', 'r'] },
				{ type: 'html', name: 'info', html: '<p>Read this.</p>' },
				{ type: 'panel', name: 'box', title: 'A box', elements: [{ type: 'text', name: 'inside' }] },
				{ type: 'matrixdynamic', name: 'jobs', rowCount: 0, columns: [{ name: 'what', cellType: 'text' }, { name: 'kind', cellType: 'dropdown', choices: ['a', 'b'] }] },
				{
					type: 'paneldynamic',
					name: 'courses',
					panelCount: 0,
					templateElements: [
						{ type: 'boolean', name: 'enjoy' },
						{ type: 'comment', name: 'change', visibleIf: '{panel.enjoy} = false', requiredIf: '{panelIndex} = 1' }
					]
				}
			]
		}
	]
};

const questionnaire = { id: 'plain-test', version: '1.0.0', kind: 'exercise', title: 'Plain', survey } as unknown as Questionnaire;
const t = translator('en');

interface Control { tag: string; type?: string; name?: string; value?: string; checked?: boolean; selected?: boolean; disabled?: boolean }

/** The form controls of the HTML, in document order, grouped by the outermost `data-question` they are inside. */
function controlsByQuestion(html: string): Map<string, Control[]> {
	const out = new Map<string, Control[]>();
	const open: (string | null)[] = [];
	let option: Control | null = null;
	const current = () => open.find((q) => q !== null) ?? '(form)';
	const add = (c: Control) => out.set(current(), [...(out.get(current()) ?? []), c]);
	new Parser(
		{
			onopentag(tag, a) {
				open.push(a['data-question'] ?? null);
				if (tag === 'input' || tag === 'textarea' || tag === 'button' || tag === 'select')
					add({ tag, type: a.type, name: a.name, value: a.value, ...('checked' in a ? { checked: true } : {}) });
				if (tag === 'option') add((option = { tag, value: a.value, ...('selected' in a ? { selected: true } : {}) }));
			},
			onclosetag(tag) {
				open.pop();
				if (tag === 'option') option = null;
			}
		},
		{ recognizeSelfClosing: true }
	).end(html);
	void option;
	return out;
}

const html = (answers: Record<string, unknown>, errors?: Record<string, string>) =>
	render(PlainForm, { props: { view: plainPage(questionnaire, { answers, index: 0, locale: 'en', errors }), t } }).body;

describe('the plain form renders every question type as HTML controls', () => {
	const controls = controlsByQuestion(html({ color: 2, pets: ['dog', 'other'], 'pets-Comment': 'fish', grid: { b: 1 }, order: ['r', 'p', 'q'], agree: false, age: 42 }));
	const radio = (name: string, value: string, checked = false) => ({ tag: 'input', type: 'radio', name, value, ...(checked ? { checked: true } : {}) });
	const box = (name: string, value: string, checked = false) => ({ tag: 'input', type: 'checkbox', name, value, ...(checked ? { checked: true } : {}) });
	const option = (value: string, selected = false) => ({ tag: 'option', value, ...(selected ? { selected: true } : {}) });
	const select = (name: string) => ({ tag: 'select', name, type: undefined, value: undefined });

	it.each([
		['color', [radio('e0', '0'), radio('e0', '1', true)]],
		['mood', [radio('e1', '0'), radio('e1', '1'), radio('e1', '2')]],
		['pets', [box('e2', '0'), box('e2', '1', true), box('e2', '2', true), { tag: 'input', type: 'text', name: 'e2.other', value: 'fish' }]],
		['city', [select('e3'), option(''), option('0'), option('1')]],
		['tags', [box('e4', '0'), box('e4', '1')]],
		['agree', [radio('e5', '0'), radio('e5', '1', true)]],
		['age', [{ tag: 'input', type: 'number', name: 'e6', value: '42' }]],
		['note', [{ tag: 'textarea', type: undefined, name: 'e7', value: undefined }]],
		['full', [{ tag: 'input', type: 'text', name: 'e8.t0', value: '' }, { tag: 'input', type: 'text', name: 'e8.t1', value: '' }]],
		['grid', [radio('e9.r0', '0'), radio('e9.r0', '1'), radio('e9.r1', '0', true), radio('e9.r1', '1')]],
		['order', [select('e10.k0'), option(''), option('1'), option('2', true), option('3'), select('e10.k1'), option(''), option('1'), option('2'), option('3', true), select('e10.k2'), option(''), option('1', true), option('2'), option('3')]],
		['inside', [{ tag: 'input', type: 'text', name: 'e12_0', value: '' }]]
	])('%s', (name, expected) => {
		expect(controls.get(name)).toEqual(expected);
	});

	it('html is content, with no control', () => {
		expect(html({})).toContain('<p>Read this.</p>');
		expect(controls.has('info')).toBe(false);
	});

	it('a dynamic list: two blank rows, each cell its own field, and "add another"', () => {
		const text = (name: string) => ({ tag: 'input', type: 'text', name, value: '' });
		expect(controls.get('jobs')).toEqual([
			{ tag: 'input', type: 'hidden', name: 'e13.rows', value: '2' },
			text('e13.d0.c0'), select('e13.d0.c1'), option(''), option('0'), option('1'),
			text('e13.d1.c0'), select('e13.d1.c1'), option(''), option('0'), option('1'),
			{ tag: 'button', type: undefined, name: 'nav', value: 'add:jobs' }
		]);
	});

	it('a dynamic panel: a cell whose visibleIf uses {panel.x} appears only in the panels where it holds', () => {
		const rendered = controlsByQuestion(html({ courses: [{ enjoy: true }, { enjoy: false }] }));
		// Yes is choice 0, No choice 1. Panel 1 enjoyed: no "change" field (e14.d0.c1); panel 2 not enjoyed: it is there; the blank panels have none.
		expect(rendered.get('courses')!.map((c) => c.name)).toEqual(['e14.rows', 'e14.d0.c0', 'e14.d0.c0', 'e14.d1.c0', 'e14.d1.c0', 'e14.d1.c1', 'e14.d2.c0', 'e14.d2.c0', 'e14.d3.c0', 'e14.d3.c0', 'nav']);
		expect(rendered.get('courses')!.filter((c) => c.checked).map((c) => `${c.name}=${c.value}`)).toEqual(['e14.d0.c0=0', 'e14.d1.c0=1']);
	});

	it('requiredIf with {panelIndex} marks the cell required in the first panel only', () => {
		const view = plainPage(questionnaire, { answers: { courses: [{ enjoy: false }, { enjoy: false }] }, index: 0, locale: 'en' });
		const courses = view.elements.find((e) => 'name' in e && e.name === 'courses');
		if (courses?.type !== 'dynamic') throw new Error('courses is not a dynamic question');
		expect(courses.rows.map((row) => row.map((c) => `${c.id}${c.required ? '*' : ''}`))).toEqual([['e14.d0.c0', 'e14.d0.c1*'], ['e14.d1.c0', 'e14.d1.c1'], ['e14.d2.c0'], ['e14.d3.c0']]);
	});

	it('an error is shown next to its own question and named in its aria-describedby', () => {
		const page = html({}, { color: 'Response required.' });
		const at = page.indexOf('id="e0-error"');
		expect(at).toBeGreaterThan(page.indexOf('data-question="color"'));
		expect(at).toBeLessThan(page.indexOf('data-question="mood"'));
		expect(page).toMatch(/<fieldset aria-describedby="e0-error"[ >]/);
		expect(page.match(/class="error[ "]/g)).toHaveLength(1);
	});
});

describe('submitted fields are read back into the answers SurveyJS stores', () => {
	const read = (fields: Record<string, string | string[]>, answers: Record<string, unknown> = {}) => {
		const s = renderedSurvey(questionnaire);
		const entries = pageEntries(pagesOf(s)[0].elements, visibilityOf(s, answers));
		return readPageAnswers(entries, (f) => ([] as string[]).concat(fields[f] ?? []));
	};

	it('every type, with values as SurveyJS stores them', () => {
		const r = read({
			e0: '1', e1: '2', e2: ['0', '2'], 'e2.other': ' fish ', e3: '1', e4: ['1'], e5: '0', e6: '4,5', e7: 'Hello', 'e8.t0': 'Ada', 'e8.t1': '',
			'e9.r0': '1', 'e9.r1': '0', 'e10.k0': '2', 'e10.k1': '3', 'e10.k2': '1', e12_0: 'in',
			'e13.rows': '2', 'e13.d0.c0': 'Baker', 'e13.d0.c1': '1', 'e13.d1.c0': '', 'e13.d1.c1': '',
			'e14.rows': '2', 'e14.d0.c0': '1', 'e14.d0.c1': 'More practice', 'e14.d1.c0': ''
		});
		expect(r.problems).toEqual({});
		expect(r.values).toEqual({
			color: 2, mood: 3, pets: ['cat', 'other'], 'pets-Comment': 'fish', city: 'Odense', tags: ['y'], agree: true, age: 4.5, note: 'Hello',
			full: { first: 'Ada' }, grid: { a: 2, b: 1 }, order: ['r', 'p', 'q'], inside: 'in',
			jobs: [{ what: 'Baker', kind: 'b' }], courses: [{ enjoy: false, change: 'More practice' }]
		});
	});

	it('nothing given: every question without an answer', () => {
		const r = read({});
		expect(Object.values(r.values).every((v) => v === undefined)).toBe(true);
		expect(r.problems).toEqual({});
	});

	it('a value outside the choices is no answer; a place used twice and a bad number are problems', () => {
		const r = read({ e0: '7', e3: 'Aarhus', e6: 'forty', 'e10.k0': '1', 'e10.k1': '1', 'e10.k2': '2' });
		expect(r.values.color).toBeUndefined();
		expect(r.values.city).toBeUndefined();
		expect(r.problems).toEqual({ age: 'number', order: 'ranking' });
	});
});

describe('questions that cannot be changed now (readOnly, enableIf) are shown disabled and keep their answers', () => {
	const locking = {
		showQuestionNumbers: 'off',
		elements: [
			{ type: 'text', name: 'name' },
			{ type: 'text', name: 'why', enableIf: '{name} notempty' },
			{ type: 'radiogroup', name: 'fixed', readOnly: true, choices: [1, 2] },
			{ type: 'panel', name: 'box', enableIf: '{name} = "Ada"', elements: [{ type: 'comment', name: 'inner' }] },
			{
				type: 'paneldynamic',
				name: 'jobs',
				panelCount: 0,
				templateElements: [
					{ type: 'text', name: 'title' },
					{ type: 'text', name: 'since', enableIf: '{panel.title} notempty' }
				]
			}
		]
	};
	const q = { id: 'locking', version: '1.0.0', kind: 'exercise', title: 'Locking', survey: locking } as unknown as Questionnaire;
	const stored = { why: 'kept', fixed: 2, inner: 'old', jobs: [{ title: 'Baker', since: '2019' }, { since: '2020' }] };

	/** Names of the controls inside a disabled fieldset, and of those that are not. */
	function disabledFields(markup: string) {
		const out = { disabled: [] as string[], enabled: [] as string[] };
		const stack: boolean[] = [];
		new Parser(
			{
				onopentag(tag, a) {
					if (tag === 'fieldset') stack.push('disabled' in a);
					if ((tag === 'input' || tag === 'textarea' || tag === 'select') && a.name && a.type !== 'hidden') (stack.includes(true) ? out.disabled : out.enabled).push(a.name);
				},
				onclosetag(tag) {
					if (tag === 'fieldset') stack.pop();
				}
			},
			{ recognizeSelfClosing: true }
		).end(markup);
		return out;
	}

	it('without a name: "why", the read-only "fixed", the panel\'s "inner" and each "since" of a job without a title are disabled', () => {
		const view = plainPage(q, { answers: stored, index: 0, locale: 'en' });
		const f = disabledFields(render(PlainForm, { props: { view, t } }).body);
		// Elements: name e0, why e1, fixed e2 (two radio buttons), box e3 (inner e3_0), jobs e4 with 2 answered + 2 blank panels.
		expect(f.disabled).toEqual(['e1', 'e2', 'e2', 'e3_0', 'e4.d1.c1', 'e4.d2.c1', 'e4.d3.c1']);
		expect(f.enabled).toEqual(['e0', 'e4.d0.c0', 'e4.d0.c1', 'e4.d1.c0', 'e4.d2.c0', 'e4.d3.c0']);
	});

	it('with the name Ada everything but the read-only question can be changed', () => {
		const view = plainPage(q, { answers: { ...stored, name: 'Ada' }, index: 0, locale: 'en' });
		expect(disabledFields(render(PlainForm, { props: { view, t } }).body).disabled).toEqual(['e2', 'e2', 'e4.d1.c1', 'e4.d2.c1', 'e4.d3.c1']);
	});

	it('reading the page back keeps the answers of what was disabled (a browser sends no field for it)', () => {
		const s = renderedSurvey(q);
		const vis = visibilityOf(s, stored);
		const entries = pageEntries(pagesOf(s)[0].elements, vis);
		// What a browser sends: only the enabled fields; the second job gets a title now.
		const fields: Record<string, string> = { e0: '', 'e4.rows': '4', 'e4.d0.c0': 'Baker', 'e4.d0.c1': '2018', 'e4.d1.c0': 'Cook', 'e4.d2.c0': '', 'e4.d3.c0': '' };
		const r = readPageAnswers(entries, (f) => (fields[f] === undefined ? [] : [fields[f]]), { answers: stored, vis });
		expect(r.problems).toEqual({});
		expect(r.values).toEqual({
			name: undefined,
			why: 'kept',
			fixed: 2,
			inner: 'old',
			jobs: [{ title: 'Baker', since: '2018' }, { title: 'Cook', since: '2020' }]
		});
		// Without knowing how the page was shown, the same fields would clear them.
		const blind = readPageAnswers(entries, (f) => (fields[f] === undefined ? [] : [fields[f]]));
		expect(blind.values).toMatchObject({ why: undefined, fixed: undefined, inner: undefined, jobs: [{ title: 'Baker', since: '2018' }, { title: 'Cook' }] });
	});
});

describe('"visible": false beside a visibleIf (older SurveyJS Creator exports): the condition decides, as in the SurveyJS page', () => {
	const older = {
		id: 'older',
		version: '1.0.0',
		kind: 'exercise',
		title: 'Older export',
		survey: {
			elements: [
				{ type: 'radiogroup', name: 'kids', choices: ['yes', 'no'] },
				{ type: 'text', name: 'ages', visible: false, visibleIf: "{kids} = 'yes'", isRequired: true },
				{ type: 'text', name: 'never', visible: false }
			]
		}
	} as unknown as Questionnaire;
	const names = (answers: Record<string, unknown>) =>
		plainPage(older, { answers, index: 0, locale: 'en' }).elements.flatMap((e) => ('name' in e ? [`${e.name}${'required' in e && e.required ? '*' : ''}`] : []));
	it('shown (and required) while the condition holds, hidden otherwise; plain visible: false stays hidden', () => {
		expect(names({ kids: 'yes' })).toEqual(['kids', 'ages*']);
		expect(names({ kids: 'no' })).toEqual(['kids']);
		expect(names({})).toEqual(['kids']);
	});
});

describe('skipped questions', () => {
	it('does not count a list that may stay empty (optional courses, jobs) as skipped, but does count a required one', () => {
		const names = (answers: Record<string, unknown>) => skippedQuestions(questionnaire, answers, 'en').map((x) => x.name);
		const all = names({});
		expect(all).toContain('color');
		expect(all).not.toContain('courses');
		expect(all).not.toContain('jobs');
	});
});
