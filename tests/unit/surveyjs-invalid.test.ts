// Answers SurveyJS would never produce for the hand-made forms (tests/fixtures/surveyjs/hand-made), one
// table per question type and feature: each is refused, on every save ("save") or at completion
// ("complete"), with an error that names the element and where inside its answer. Answers to questions
// that end up hidden are dropped at completion, as SurveyJS does; their shape is still checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { compileForm, validateForm } from '../../src/lib/form-model';
import { PNG } from '../support/surveyjs-fill';

const form = (name: string) => compileForm(JSON.parse(readFileSync(`tests/fixtures/surveyjs/hand-made/${name}.json`, 'utf8')));
const big = (bytes: number) => `data:image/png;base64,${'A'.repeat(Math.ceil((bytes * 4) / 3))}`;
const file = (name: string, content: string, type = 'image/png') => ({ name, type, content });

type Row = [form: string, when: 'save' | 'complete', answers: Record<string, unknown>, at: string, code: string];
const rows: Row[] = [
	// text: wrong type, out of range, bad formats, too long
	['text-input-types', 'save', { age: 'abc' }, 'age', 'notNumber'],
	['text-input-types', 'save', { age: [16] }, 'age', 'notNumber'],
	['text-input-types', 'save', { age: 101 }, 'age', 'outOfRange'],
	['text-input-types', 'save', { age: 15 }, 'age', 'outOfRange'],
	['text-input-types', 'save', { age: 20, started: '2031-01-01' }, 'started', 'outOfRange'],
	['text-input-types', 'save', { age: 20, started: '17/05/2020' }, 'started', 'format'],
	['text-input-types', 'complete', { age: 20, email: 'not-an-address' }, 'email', 'email'],
	['text-input-types', 'complete', { age: 20, hours: 0.3 }, 'hours', 'step'],
	['text-input-types', 'save', { nickname: 'x'.repeat(41) }, 'nickname', 'tooLong'],
	['text-input-types', 'save', { colour: 'blue' }, 'colour', 'format'],
	['comment', 'save', { story: 5 }, 'story', 'notText'],
	['comment', 'complete', { extra: 'x' }, 'story', 'required'],
	// single choice
	['radiogroup', 'save', { work: 'retired' }, 'work', 'notAllowed'],
	['radiogroup', 'save', { work: ['student'] }, 'work', 'notSingle'],
	['radiogroup', 'save', { sure: 4 }, 'sure', 'notAllowed'],
	['radiogroup', 'complete', { work: 'employed', next: 'travel' }, 'next', 'notAllowed'],
	['radiogroup', 'save', { work: 'student', 'next-Comment': 'x' }, 'next-Comment', 'unknownQuestion'],
	['dropdown', 'save', { year: 1992 }, 'year', 'notAllowed'],
	['dropdown', 'save', { year: '1990' }, 'year', 'notNumber'],
	['dropdown', 'save', { children: 6 }, 'children', 'notAllowed'],
	['buttongroup', 'save', { size: 'XL' }, 'size', 'notAllowed'],
	['buttongroup', 'complete', {}, 'size', 'required'],
	// several choices: none and other, exclusive items, counts
	['checkbox', 'save', { hobbies: ['none', 'other'], 'hobbies-Comment': 'x' }, 'hobbies', 'exclusive'],
	['checkbox', 'save', { hobbies: ['none', 'sport'] }, 'hobbies', 'exclusive'],
	['checkbox', 'save', { days: ['never', 'mon'] }, 'days', 'exclusive'],
	['checkbox', 'save', { hobbies: ['sport', 'music', 'games', 'reading'] }, 'hobbies', 'tooManySelected'],
	['checkbox', 'save', { hobbies: 'sport' }, 'hobbies', 'notList'],
	['checkbox', 'save', { hobbies: ['sport', 'sport'] }, 'hobbies', 'duplicate'],
	['checkbox', 'save', { hobbies: ['selectall'] }, 'hobbies', 'notAllowed'],
	['checkbox', 'save', { hobbies: ['swimming'] }, 'hobbies', 'notAllowed'],
	['tagbox', 'save', { skills: ['writing', 'singing'] }, 'skills', 'notAllowed'],
	['tagbox', 'save', { skills: ['writing', 'drawing', 'coding', 'caring'] }, 'skills', 'tooManySelected'],
	['imagepicker', 'save', { place: 'beach' }, 'place', 'notAllowed'],
	['imagepicker', 'save', { place: 'office', tools: 'laptop' }, 'tools', 'notList'],
	// ranking: complete, no duplicates, only the choices shown
	['ranking', 'complete', { priorities: ['pay', 'people'] }, 'priorities', 'incompleteRanking'],
	['ranking', 'save', { priorities: ['pay', 'pay', 'people', 'freedom'] }, 'priorities', 'duplicate'],
	['ranking', 'complete', { priorities: ['pay', 'people', 'freedom', 'security'], values: ['creativity', 'helping'], rankPicked: ['creativity', 'status'] }, 'rankPicked', 'notAllowed'],
	['ranking', 'complete', { priorities: ['pay', 'people', 'freedom', 'security'], values: ['creativity', 'helping', 'status'], rankPicked: ['status', 'creativity'] }, 'rankPicked', 'incompleteRanking'],
	['choices-from-dynamic', 'complete', { jobs: [{ title: 'baker' }], favourite: 'pilot' }, 'favourite', 'notAllowed'],
	['choices-from-dynamic', 'complete', { jobs: [{ title: 'baker' }], favourite: 'baker', people: [{ who: 'Ann' }, { who: 'Bo' }], closest: ['Ann'] }, 'closest', 'incompleteRanking'],
	// rating, slider, boolean
	['rating', 'save', { plain: 6 }, 'plain', 'notAllowed'],
	['rating', 'save', { plain: '3' }, 'plain', 'notNumber'],
	['rating', 'save', { halves: 1.25 }, 'halves', 'notAllowed'],
	['rating', 'save', { words: 'medium' }, 'words', 'notAllowed'],
	['rating', 'save', { list: 8 }, 'list', 'notAllowed'],
	['slider', 'save', { confidence: 101 }, 'confidence', 'outOfRange'],
	['slider', 'save', { confidence: '50' }, 'confidence', 'notNumber'],
	['slider', 'save', { salaryRange: [80, 20] }, 'salaryRange', 'outOfRange'],
	['slider', 'save', { salaryRange: 50 }, 'salaryRange', 'notList'],
	['boolean', 'save', { likesTeams: 'yes' }, 'likesTeams', 'notAllowed'],
	['boolean', 'save', { licence: true }, 'licence', 'notAllowed'],
	// matrices: unknown rows and columns, cell values, required rows and cells
	['matrix', 'save', { grid: { plan: 6 } }, 'grid.plan', 'notAllowed'],
	['matrix', 'save', { grid: { lunch: 1 } }, 'grid.lunch', 'unknownRow'],
	['matrix', 'save', { grid: [1, 2, 3] }, 'grid', 'notObject'],
	['matrix', 'complete', { grid: { plan: 1, start: 2 } }, 'grid.finish', 'required'],
	['matrix-visibility', 'complete', { wide: false, grid: { a: 5, c: 1 } }, 'grid.a', 'notAllowed'],
	['matrix-visibility', 'complete', { wide: false, grid: { a: 1 } }, 'grid.c', 'required'],
	['matrixdropdown', 'save', { jobs: { now: { salary: 1 } } }, 'jobs.now.salary', 'unknownColumn'],
	['matrixdropdown', 'save', { jobs: { later: { liking: 1 } } }, 'jobs', 'unknownRow'],
	['matrixdropdown', 'save', { jobs: { now: { liking: 6 } } }, 'jobs.now.liking', 'notAllowed'],
	['matrixdropdown', 'save', { jobs: { now: { hours: 61 } } }, 'jobs.now.hours', 'outOfRange'],
	['matrixdropdown', 'save', { jobs: { now: { skills: 'people' } } }, 'jobs.now.skills', 'notList'],
	['matrixdropdown', 'save', { jobs: { now: { level: 4 } } }, 'jobs.now.level', 'notAllowed'],
	['matrixdropdown', 'complete', { jobs: { now: { hours: 3 } } }, 'jobs.now.liking', 'required'],
	['matrixdynamic', 'save', { courses: [{}, {}, {}, {}, {}] }, 'courses', 'tooManyRows'],
	['matrixdynamic', 'save', { courses: { course: 'x' } }, 'courses', 'notList'],
	['matrixdynamic', 'save', { courses: [{ course: 'x', grade: 3 }] }, 'courses[0].grade', 'notAllowed'],
	['matrixdynamic', 'save', { courses: [{ course: 'x', mark: 3 }] }, 'courses[0].mark', 'unknownQuestion'],
	['matrixdynamic', 'complete', { courses: [{ grade: 2 }] }, 'courses[0].course', 'required'],
	['multipletext', 'save', { contact: { middle: 'x' } }, 'contact.middle', 'unknownQuestion'],
	['multipletext', 'save', { contact: { age: 'ten' } }, 'contact.age', 'notNumber'],
	['multipletext', 'save', { contact: 'Ada' }, 'contact', 'notObject'],
	['multipletext', 'complete', { contact: { first: 'Ada', age: 5 } }, 'contact.age', 'outOfRange'],
	['multipletext', 'complete', { contact: { first: 'Ada', mail: 'nope' } }, 'contact.mail', 'email'],
	// dynamic panels: too many, questions inside, conditions on {panel.x}
	['paneldynamic', 'save', { jobs: [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }] }, 'jobs', 'tooManyRows'],
	['paneldynamic', 'save', { jobs: [{ salary: 1 }] }, 'jobs[0].salary', 'unknownQuestion'],
	['paneldynamic', 'save', { jobs: [{ title: 'a', tasks: ['none', 'people'] }] }, 'jobs[0].tasks', 'exclusive'],
	['paneldynamic', 'save', { jobs: [{ title: 'a', stress: 4 }] }, 'jobs[0].stress', 'notAllowed'],
	['paneldynamic', 'complete', { jobs: [{ title: 'a', liked: false }] }, 'jobs[0].whyLeft', 'required'],
	['paneldynamic', 'complete', { jobs: [{ liked: true }] }, 'jobs[0].title', 'required'],
	// files and signatures
	['file', 'save', { cv: [file('a.exe', 'data:application/x-msdownload;base64,TVo=', 'application/x-msdownload')] }, 'cv[0]', 'fileType'],
	['file', 'save', { cv: 'cv.pdf' }, 'cv', 'file'],
	['file', 'save', { cv: [file('a.png', big(110 * 1024))] }, 'cv[0]', 'fileSize'],
	['file', 'save', { cv: [file('a.png', PNG), file('b.png', PNG)] }, 'cv', 'tooManyFiles'],
	['file', 'save', { more: [file('a.png', big(210 * 1024))] }, 'more[0]', 'fileSize'],
	['signaturepad', 'save', { signature: 'my name' }, 'signature', 'file'],
	['signaturepad', 'save', { signature: 'data:text/html;base64,PGI+' }, 'signature', 'fileType'],
	// masks and validators
	['masks', 'save', { amount: '12' }, 'amount', 'notNumber'],
	['masks', 'save', { amount: -1 }, 'amount', 'outOfRange'],
	['masks', 'complete', { cpr: '12345' }, 'cpr', 'pattern'],
	['validators', 'complete', { years: '51' }, 'years', 'outOfRange'],
	['validators', 'complete', { years: 'many' }, 'years', 'notNumber'],
	['validators', 'complete', { motto: 'abc' }, 'motto', 'tooShort'],
	['validators', 'complete', { motto: '123 hello' }, 'motto', 'pattern'],
	['validators', 'complete', { mail: 'x' }, 'mail', 'email'],
	['validators', 'complete', { picks: ['a', 'b', 'c'] }, 'picks', 'tooManySelected'],
	['validators', 'complete', { check: 'a@b.dk', mail: 'a@b.dk' }, 'check', 'expression'],
	// conditions, shared values, triggers
	['conditions', 'complete', { status: 'work' }, 'employer', 'required'],
	['conditions', 'complete', { status: 'school' }, 'school', 'required'],
	['conditions', 'save', { status: 'school', school: 'x', neverShown: 5 }, 'neverShown', 'notText'],
	['value-name', 'save', { firstName: 'Ada' }, 'firstName', 'unknownQuestion'],
	['triggers', 'complete', { pets: 'yes' }, 'petNames', 'required'],
	// values that setvalue / copyvalue / runexpression triggers store under names that are no question's
	['triggers-values', 'save', { copy: 'yes', name: 'Jon Snow', source: 'forged' }, 'source', 'notAllowed'],
	['triggers-values', 'save', { email: 'a@example.org', copy: 'yes', name: 'x', contact: ['a@example.org'] }, 'contact', 'notAllowed'],
	['triggers-values', 'save', { age: 30, adult: { yes: true } }, 'adult', 'notAllowed'],
	['triggers-values', 'save', { age: 30, ageNextYear: 'x'.repeat(5001) }, 'ageNextYear', 'notAllowed'],
	['triggers-values', 'save', { copy: 'yes', name: 'x', note: 'not stored' }, 'note', 'unknownQuestion'],
	['triggers-values', 'complete', { name: 'x', age: 30, adult: 'yes' }, 'why', 'required'],
	['expression-calculated', 'save', { a: 1, b: 'two' }, 'b', 'notNumber'],
	['html-image', 'save', { html: 'x' }, 'html', 'unknownQuestion']
];

describe.each(rows)('%s (%s) %j', (name, when, answers, at, code) => {
	it(`is refused at ${at} (${code})`, () => {
		const r = validateForm(form(name), answers, { partial: when === 'save' });
		expect(r.ok).toBe(false);
		const errors = r.ok ? [] : r.errors;
		expect(errors.map((e) => [e.at, e.code])).toContainEqual([at, code]);
		const e = errors.find((x) => x.at === at)!;
		expect(e.message.startsWith(`${at}: `)).toBe(true);
		expect(e.name).toBe(at.replace(/[.[].*$/, ''));
	});
});

describe('answers to questions that end up hidden', () => {
	it('are dropped at completion: a hidden question, a disabled one, a hidden row, a hidden matrix cell, a trigger', () => {
		expect(validateForm(form('conditions'), { status: 'school', school: 'x', employer: 'y', neverShown: 'z' })).toEqual({ ok: true, answers: { status: 'school', school: 'x' } });
		expect(validateForm(form('matrix'), { grid: { plan: 1, start: 1, finish: 1 }, feelings: { calm: 'never', tired: 'often' } })).toEqual({
			ok: true,
			answers: { grid: { plan: 1, start: 1, finish: 1 }, feelings: { calm: 'never' } }
		});
		expect(validateForm(form('matrixdynamic'), { courses: [{ course: 'x', grade: 2, enjoyed: 'yes', whyNot: 'gone' }] })).toEqual({
			ok: true,
			answers: { courses: [{ course: 'x', grade: 2, enjoyed: 'yes' }], 'courses-total': { grade: 2 } }
		});
		expect(validateForm(form('triggers'), { pets: 'no', petNames: 'Rex' })).toEqual({ ok: true, answers: { pets: 'no' } });
		expect(validateForm(form('matrix-visibility'), { wide: false, grid: { a: 1, b: 2, c: 3 }, cells: { x: { n: 1 }, y: { n: 2 } } })).toEqual({
			ok: true,
			answers: { wide: false, grid: { a: 1, c: 3 }, cells: { x: { n: 1 } } }
		});
	});
	it('are kept while the response is in progress', () => {
		expect(validateForm(form('conditions'), { status: 'school', employer: 'y' }, { partial: true })).toEqual({ ok: true, answers: { status: 'school', employer: 'y' } });
	});
});

describe('values the server computes', () => {
	it('ignores a client copy of expression questions, calculated values and matrix totals', () => {
		expect(validateForm(form('expression-calculated'), { a: 2, b: 1, shown: 999, total: 999 })).toEqual({ ok: true, answers: { a: 2, b: 1, total: 3, shown: 7 } });
		expect(validateForm(form('matrixdropdown'), { jobs: { now: { liking: 2, hours: 10 }, dream: { liking: 5, hours: 30 } }, 'jobs-total': { hours: 1 } })).toEqual({
			ok: true,
			answers: { jobs: { now: { liking: 2, hours: 10 }, dream: { liking: 5, hours: 30 } }, 'jobs-total': { hours: 40 } }
		});
	});
});

describe('a complete trigger', () => {
	const json = JSON.parse(readFileSync('tests/fixtures/surveyjs/hand-made/triggers-complete.json', 'utf8'));
	it('ends the survey on its page in survey-core, so the later required question is not asked', () => {
		const survey = new Model(json);
		survey.setValue('done', 'yes');
		survey.nextPage();
		expect(survey.state).toBe('completed');
		expect(survey.data).toEqual({ done: 'yes' });
	});
	it('is honoured by the server: completing there is accepted; without it the later question is required', () => {
		expect(validateForm(form('triggers-complete'), { done: 'yes' })).toEqual({ ok: true, answers: { done: 'yes' } });
		const r = validateForm(form('triggers-complete'), { done: 'no' });
		expect(r.ok ? [] : r.errors.map((e) => [e.at, e.code])).toEqual([['more', 'required']]);
	});
});

describe('a skip trigger', () => {
	const json = JSON.parse(readFileSync('tests/fixtures/surveyjs/hand-made/triggers-skip.json', 'utf8'));
	it('jumps over the middle page in survey-core, which then completes without its required question', () => {
		const survey = new Model(json);
		survey.setValue('jump', 'yes');
		expect(survey.currentPageNo).toBe(2);
		survey.setValue('last', 'x');
		expect(survey.completeLastPage()).toBe(true);
		expect(survey.data).toEqual({ jump: 'yes', last: 'x' });
	});
	it('is honoured by the server: the skipped page is not checked; without the jump it is', () => {
		expect(validateForm(form('triggers-skip'), { jump: 'yes', last: 'x' })).toEqual({ ok: true, answers: { jump: 'yes', last: 'x' } });
		const r = validateForm(form('triggers-skip'), { jump: 'no', last: 'x' });
		expect(r.ok ? [] : r.errors.map((e) => [e.at, e.code])).toEqual([['middle', 'required']]);
		const missing = validateForm(form('triggers-skip'), { jump: 'yes' });
		expect(missing.ok ? [] : missing.errors.map((e) => [e.at, e.code])).toEqual([['last', 'required']]);
	});
});

describe('triggers that set values (setvalue, copyvalue, runexpression)', () => {
	const json = JSON.parse(readFileSync('tests/fixtures/surveyjs/hand-made/triggers-values.json', 'utf8'));
	/** survey-core answering in the given order, as a person would; its data at completion. */
	function answeredInOrder(steps: [string, unknown][]) {
		const survey = new Model(json);
		for (const [name, value] of steps) survey.setValue(name, value);
		expect(survey.completeLastPage()).toBe(true);
		return survey.data;
	}
	it('survey-core stores values under names that are no question, and keeps one whose trigger no longer holds', () => {
		const data = answeredInOrder([['email', 'ann@example.org'], ['copy', 'yes'], ['age', 20], ['why', 'I work'], ['age', 16], ['copy', 'no'], ['name', 'Ann']]);
		// `adult` was set at 20 and stays after 16; `source` and `contact` stay after "no"; the variable is not stored.
		expect(data).toEqual({ email: 'ann@example.org', copy: 'no', name: 'Ann', source: 'copied', contact: 'ann@example.org', age: 16, adult: 'yes', ageNextYear: 17, why: 'I work' });
		expect(validateForm(form('triggers-values'), data, { partial: true })).toEqual({ ok: true, answers: data });
		expect(validateForm(form('triggers-values'), data)).toEqual({ ok: true, answers: data });
	});
	it('the server gives a name its trigger decides the value survey-core ends with, whatever the client sent', () => {
		const data = answeredInOrder([['email', 'ann@example.org'], ['copy', 'yes'], ['email', 'ann.jensen@example.org']]);
		// The copy follows the email while the trigger holds; the name set by the trigger is an answer the person may change.
		expect(data).toEqual({ email: 'ann.jensen@example.org', copy: 'yes', name: 'Jon Snow', source: 'copied', contact: 'ann.jensen@example.org' });
		const sent = { ...data, contact: 'someone.else@example.org' };
		expect(validateForm(form('triggers-values'), sent, { partial: true })).toEqual({ ok: true, answers: sent });
		expect(validateForm(form('triggers-values'), sent)).toEqual({ ok: true, answers: data });
		const renamed = answeredInOrder([['copy', 'yes'], ['name', 'Ann']]);
		expect(renamed).toEqual({ copy: 'yes', name: 'Ann', source: 'copied' });
		expect(validateForm(form('triggers-values'), renamed)).toEqual({ ok: true, answers: renamed });
	});
	it('a copy of an answer that is dropped at completion (its question hidden) stays, in survey-core and on the server', () => {
		const copying = {
			triggers: [{ type: 'copyvalue', setToName: 'contact', fromName: 'email' }],
			elements: [{ type: 'radiogroup', name: 'share', choices: ['yes', 'no'] }, { type: 'text', name: 'email', visibleIf: "{share} = 'yes'" }]
		};
		const survey = new Model(copying);
		survey.setValue('share', 'yes');
		survey.setValue('email', 'ann@example.org');
		const sent = survey.data;
		survey.setValue('share', 'no');
		expect(survey.completeLastPage()).toBe(true);
		expect(survey.data).toEqual({ share: 'no', contact: 'ann@example.org' });
		expect(validateForm(compileForm(copying), { ...sent, share: 'no' })).toEqual({ ok: true, answers: survey.data });
	});
	it('a value only a trigger writes counts in conditions: the question it shows is required', () => {
		const survey = new Model(json);
		survey.setValue('name', 'Ann');
		survey.setValue('age', 30);
		expect(survey.getQuestionByName('why').isVisible).toBe(true);
		expect(survey.validate(false, false)).toBe(false); // no focusing: there is no page in Node
		const r = validateForm(form('triggers-values'), survey.data);
		expect(r.ok ? [] : r.errors.map((e) => [e.at, e.code])).toEqual([['why', 'required']]);
		survey.setValue('why', 'I work');
		expect(survey.validate(false, false)).toBe(true);
		expect(validateForm(form('triggers-values'), survey.data)).toEqual({ ok: true, answers: { name: 'Ann', age: 30, adult: 'yes', ageNextYear: 31, why: 'I work' } });
	});
});
