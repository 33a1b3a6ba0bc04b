import { describe, it, expect } from 'vitest';
import { validateAnswers } from './validate.ts';
import { fixture } from '../test-fixture.ts';

const q = fixture();
const errorsOf = (answers: unknown, options = { partial: true }) => {
	const result = validateAnswers(q, answers, options);
	return result.ok ? [] : result.errors;
};

describe('validateAnswers', () => {
	it('accepts a full valid response and returns a cleaned copy', () => {
		const answers = {
			R1: 4,
			R2: 3,
			R3: 5,
			R4: 0,
			D1: 1,
			activities: ['S', 'other'],
			'activities-Comment': 'volunteering',
			ideas: [{ idea: 'teach kids', theme: 'S' }, { idea: 'build a shed' }],
			jobs: [{ title: 'nurse', liked: 'yes' }],
			skills: ['coding', 'knitting'], // custom choice allowed on this tagbox
			values: ['security', 'pay', 'people', 'variety'],
			why: 'I like people',
			agree: false,
			age: 41,
			total: 7, // expression value: dropped, recomputed never trusted
			colour: null // unanswered: dropped
		};
		const { total, colour, ...kept } = answers;
		expect([total, colour]).toEqual([7, null]);
		expect(validateAnswers(q, answers, { partial: false })).toEqual({ ok: true, answers: kept });
	});

	it.each([
		['payload an array', [1], '', 'answers must be an object of question name → value'],
		['payload null', null, '', 'answers must be an object of question name → value'],
		['unknown name', { R9: 1 }, 'R9', 'R9: there is no question with this name'],
		['rating out of choices', { R3: 7 }, 'R3', 'R3: 7 is not one of the allowed values 1, 2, 3, 4, 5'],
		['string for a rating', { R1: '4' }, 'R1', 'R1: expected a number, got "4"'],
		['fraction for a rating', { R4: 2.5 }, 'R4', 'R4: 2.5 is not one of the allowed values 0, 1, 2, 3, 4'],
		['checkbox not an array', { activities: 'S' }, 'activities', 'activities: expected a list of values, got "S"'],
		['checkbox unknown value', { activities: ['S', 'X'] }, 'activities', 'activities: "X" is not one of the allowed values "R", "I", "A", "S", "E", "C", "other"'],
		['checkbox duplicate', { activities: ['S', 'S'] }, 'activities', 'activities: "S" appears more than once'],
		['custom choice on a checkbox', { activities: ['knitting'] }, 'activities', 'activities: "knitting" is not one of the allowed values "R", "I", "A", "S", "E", "C", "other"'],
		['ranking unknown value', { values: ['pay', 'fame'] }, 'values', 'values: "fame" is not one of the allowed values "pay", "security", "variety", "people"'],
		['ranking duplicate', { values: ['pay', 'pay'] }, 'values', 'values: "pay" appears more than once'],
		['ranking not an array', { values: 'pay' }, 'values', 'values: expected a list of values, got "pay"'],
		['text too long for its maxLength 20', { why: 'x'.repeat(21) }, 'why', 'why: the text has 21 characters; at most 20 are allowed'],
		['number for a comment', { why: 5 }, 'why', 'why: expected text, got 5'],
		['boolean as string', { agree: 'true' }, 'agree', 'agree: "true" is not one of the allowed values true, false'],
		['comment without an other item', { 'R1-Comment': 'x' }, 'R1-Comment', 'R1-Comment: there is no question with this name'],
		['dynamic not an array', { ideas: { idea: 'x' } }, 'ideas', 'ideas: expected a list of rows, got {"idea":"x"}'],
		['dynamic row not an object', { ideas: ['x'] }, 'ideas', 'ideas: row 1 is not an object'],
		['dynamic cell out of choices', { ideas: [{ idea: 'x', theme: 'Z' }] }, 'ideas', 'ideas[0].theme: "Z" is not one of the allowed values "R", "I", "A", "S", "E", "C"'],
		['dynamic unknown cell', { jobs: [{ salary: 1 }] }, 'jobs', 'jobs[0].salary: there is no question with this name'],
		['paneldynamic over its maxPanelCount 3', { jobs: [{}, {}, {}, {}] }, 'jobs', 'jobs: has 4 rows; at most 3 are allowed'],
		['matrixdynamic over 100 rows', { ideas: Array.from({ length: 101 }, () => ({ idea: 'x' })) }, 'ideas', 'ideas: has 101 rows; at most 100 are allowed']
	])('rejects %s', (_, answers, name, message) => {
		expect(errorsOf(answers)).toEqual([{ name, message }]);
	});

	it('applies maxTextLength where a question sets none (default 5000)', () => {
		expect(errorsOf({ 'activities-Comment': 'x'.repeat(5000) })).toEqual([]);
		expect(errorsOf({ 'activities-Comment': 'x'.repeat(5001) })[0].message).toBe(
			'activities-Comment: the text has 5001 characters; at most 5000 are allowed'
		);
		expect(validateAnswers(q, { jobs: [{ title: 'abcd' }] }, { partial: true, maxTextLength: 3 })).toEqual({
			ok: false,
			errors: [{ name: 'jobs', message: 'jobs[0].title: the text has 4 characters; at most 3 are allowed' }]
		});
	});

	it('reports all errors at once', () => {
		expect(errorsOf({ R1: 9, R2: 'x', zz: 1 }).map((e) => e.name)).toEqual(['R1', 'R2', 'zz']);
	});

	it('lets a partial response skip required questions but not a complete one', () => {
		expect(validateAnswers(q, { R2: 3 }, { partial: true })).toEqual({ ok: true, answers: { R2: 3 } });
		// R1 is required; colour is required too but conditional (visibleIf), so only SurveyJS can enforce it.
		expect(validateAnswers(q, { R2: 3 })).toEqual({ ok: false, errors: [{ name: 'R1', message: 'R1: an answer is required' }] });
		// An empty string counts as unanswered.
		expect(errorsOf({ R1: '' }, { partial: false })).toEqual([{ name: 'R1', message: 'R1: an answer is required' }]);
	});

	it('checks required cells in each row when completing', () => {
		expect(errorsOf({ R1: 1, ideas: [{ idea: 'a' }, { theme: 'S' }] }, { partial: false })).toEqual([
			{ name: 'ideas', message: 'ideas[1].idea: an answer is required' }
		]);
	});

	// JSON.parse reads any depth, but JSON.stringify (used to quote a bad value in the message) overflows
	// the stack on it: a 400 KB body of brackets turned into a 500 instead of a clear refusal.
	it('refuses a deeply nested value with a message instead of throwing', () => {
		const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
		for (const name of ['R1', 'why', 'activities', 'zz-Comment', 'agree']) {
			const errors = errorsOf({ [name]: deep });
			expect(errors.length, name).toBe(1);
			expect(errors[0].message.length).toBeLessThan(200);
		}
		expect(errorsOf({ ideas: [{ idea: deep }] })[0].name).toBe('ideas');
	});
});
