import { describe, it, expect } from 'vitest';
import { collectElements, walkSurvey } from './elements.ts';
import { fixture } from '../test-fixture.ts';

describe('collectElements', () => {
	const elements = collectElements(fixture().survey);
	const el = (name: string) => elements.get(name)!;

	it.each([
		// name, kind, values
		['R1', 'number-choice', [1, 2, 3, 4, 5]], // rating defaults: rateMin 1 … rateMax 5 by 1
		['R2', 'number-choice', [1, 2, 3, 4, 5]], // rateValues, plain and { value, text }
		['R3', 'number-choice', [1, 2, 3, 4, 5]],
		['R4', 'number-choice', [0, 1, 2, 3, 4]], // rateMin 0, rateMax 4
		['D1', 'number-choice', [1, 2, 3]], // inside a panel
		['activities', 'multi-choice', ['R', 'I', 'A', 'S', 'E', 'C', 'other']], // showOtherItem adds 'other'
		['skills', 'multi-choice', ['writing', 'coding']],
		['values', 'ranking', ['pay', 'security', 'variety', 'people']],
		['agree', 'boolean', [true, false]],
		['colour', 'text-choice', ['red', 'blue', 'other']],
		['why', 'text', undefined],
		['intro', 'none', undefined],
		['total', 'none', undefined],
		['ideas', 'dynamic', undefined]
	])('%s is %s with values %j', (name, kind, values) => {
		expect(el(name).kind).toBe(kind);
		expect(el(name).values).toEqual(values);
	});

	it('records paths, maxLength, required, conditions and custom choices', () => {
		expect(el('R1').path).toBe('$.survey.pages[0].elements[1]');
		expect(el('D1').path).toBe('$.survey.pages[0].elements[5].elements[0]');
		expect(el('why').maxLength).toBe(20);
		expect(el('R1').isRequired).toBe(true);
		expect(el('colour').conditional).toBe(true);
		expect(el('colour').hasComment).toBe(true);
		expect(el('skills').allowCustom).toBe(true);
		expect(el('age').numeric).toBe(true);
	});

	it('describes matrix columns with the matrix choices and default cell type dropdown', () => {
		const theme = el('ideas').cells!.get('theme')!;
		expect(theme).toMatchObject({ type: 'dropdown', kind: 'text-choice', values: ['R', 'I', 'A', 'S', 'E', 'C'] });
		expect(theme.path).toBe('$.survey.pages[1].elements[0].columns[1]');
		expect(el('ideas').cells!.get('idea')!.kind).toBe('text');
		expect(el('jobs').cells!.get('liked')!.values).toEqual(['yes', 'no']);
		expect(el('jobs').maxRows).toBe(3);
	});

	it.each([
		['rateStep 0.5 from 1 to 3', { rateMin: 1, rateMax: 3, rateStep: 0.5 }, [1, 1.5, 2, 2.5, 3]],
		['rateStep 0.1 without drift', { rateMin: 0, rateMax: 0.3, rateStep: 0.1 }, [0, 0.1, 0.2, 0.3]],
		['text rateValues', { rateValues: ['lo', 'hi'] }, ['lo', 'hi']]
	])('rating with %s', (_, props, values) => {
		const info = collectElements({ elements: [{ type: 'rating', name: 'x', ...props }] }).get('x')!;
		expect(info.values).toEqual(values);
	});

	it('reads top-level elements, custom boolean values and numeric choices with hasOther', () => {
		const els = collectElements({
			elements: [
				{ type: 'boolean', name: 'b', valueTrue: 'yes', valueFalse: 'no' },
				{ type: 'radiogroup', name: 'r', choices: [1, 2], hasOther: true }
			]
		});
		expect(els.get('b')!.values).toEqual(['yes', 'no']);
		// 'other' makes the values mixed, so the question is no longer number-choice.
		expect(els.get('r')!).toMatchObject({ kind: 'text-choice', values: [1, 2, 'other'], hasOther: true });
	});
});

describe('walkSurvey problems', () => {
	it('reports unnamed questions and unsupported types with their paths, and lists shared names apart', () => {
		const { problems, duplicates } = walkSurvey({
			pages: [
				{ elements: [{ type: 'rating', name: 'a' }, { type: 'text' }] },
				{ elements: [{ type: 'panel', elements: [{ type: 'comment', name: 'a' }] }, { type: 'nouislider', name: 'm' }] }
			]
		});
		expect(problems).toEqual([
			{ path: '$.survey.pages[0].elements[1]', message: 'a question needs a "name"' },
			{ path: '$.survey.pages[1].elements[1].type', message: 'question type "nouislider" is not a built-in SurveyJS type (a custom widget?); Spejl can only render built-in types' }
		]);
		// SurveyJS accepts two questions named alike (they share one value): no problem by itself.
		expect([...duplicates]).toEqual([['a', ['$.survey.pages[0].elements[0]', '$.survey.pages[1].elements[0].elements[0]']]]);
	});

	it('reads the legacy "questions" array like "elements", on the survey, a page and a panel', () => {
		const top = walkSurvey({ questions: [{ type: 'text', name: 'a' }] });
		const paged = walkSurvey({ pages: [{ questions: [{ type: 'panel', questions: [{ type: 'rating', name: 'b' }] }] }] });
		expect(top.all.map((e) => [e.name, e.path])).toEqual([['a', '$.survey.questions[0]']]);
		expect(paged.all.map((e) => [e.name, e.path])).toEqual([['b', '$.survey.pages[0].questions[0].questions[0]']]);
	});

	it('describes matrix rows and columns, matrixdropdown cells and multipletext items', () => {
		const els = collectElements({
			elements: [
				{ type: 'matrix', name: 'm', rows: ['r1', { value: 'r2', text: 'R2' }], columns: [1, 2, 3] },
				{ type: 'matrixdropdown', name: 'd', rows: ['x'], choices: [1, 2], columns: [{ name: 'c', cellType: 'rating' }, { name: 'e' }] },
				{ type: 'multipletext', name: 't', items: [{ name: 'first' }, { name: 'age', inputType: 'number' }] }
			]
		});
		expect(els.get('m')).toMatchObject({ kind: 'matrix', rows: ['r1', 'r2'], values: [1, 2, 3] });
		const d = els.get('d')!;
		expect([d.kind, d.rows, d.cells?.get('c')?.values, d.cells?.get('e')?.values]).toEqual(['matrixdropdown', ['x'], [1, 2, 3, 4, 5], [1, 2]]);
		expect([...els.get('t')!.cells!.values()].map((c) => [c.name, c.numeric])).toEqual([['first', false], ['age', true]]);
	});

	it('reports duplicate column names inside a dynamic question', () => {
		const { problems } = walkSurvey({ elements: [{ type: 'matrixdynamic', name: 'm', columns: [{ name: 'c' }, { name: 'c' }] }] });
		expect(problems).toEqual([{ path: '$.survey.elements[0].columns[1].name', message: 'duplicate name "c" (first at $.survey.elements[0].columns[0])' }]);
	});
});
