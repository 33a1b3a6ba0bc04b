import { describe, it, expect } from 'vitest';
import { tallyAnswers } from './tallies.ts';
import { rankTop } from './rankings.ts';
import { collectTexts } from './lists.ts';
import { collectElements } from '../questionnaire/elements.ts';
import { fixture } from '../test-fixture.ts';

describe('tallyAnswers', () => {
	it.each([
		// description, definition, answers, categories, expected counts
		['checkbox choices, unchosen at 0', { id: 't', question: 'q' }, { q: ['S', 'A'] }, ['R', 'S', 'A'], { R: 0, S: 1, A: 1 }],
		['single choice', { id: 't', question: 'q' }, { q: 'S' }, ['R', 'S'], { R: 0, S: 1 }],
		// rows: S, A, S, (no theme) → S 2, A 1
		['matrix column', { id: 't', question: 'q', column: 'c' }, { q: [{ c: 'S' }, { c: 'A' }, { c: 'S' }, { x: 1 }] }, ['R', 'S', 'A'], { R: 0, S: 2, A: 1 }],
		// rows with multi-choice cells: [S, A] + [S] → S 2, A 1
		['panel question with multi-choice', { id: 't', question: 'q', column: 'c' }, { q: [{ c: ['S', 'A'] }, { c: ['S'] }] }, [], { S: 2, A: 1 }],
		['custom values after known ones', { id: 't', question: 'q' }, { q: ['knitting', 'R'] }, ['R'], { R: 1, knitting: 1 }],
		['unanswered', { id: 't', question: 'q' }, {}, ['R'], { R: 0 }]
	])('%s', (_, def, answers, categories, expected) => {
		expect(tallyAnswers(def, answers, categories)).toEqual(expected);
	});
});

describe('rankTop', () => {
	it.each([
		[2, { v: ['security', 'pay', 'variety'] }, ['security', 'pay']],
		[5, { v: ['security', 'pay'] }, ['security', 'pay']], // fewer than top
		[3, {}, []]
	])('top %s of %j', (top, answers, expected) => {
		expect(rankTop({ id: 'r', question: 'v', top }, answers)).toEqual(expected);
	});
});

describe('collectTexts', () => {
	const elements = collectElements(fixture().survey);
	it('keeps text verbatim: the comment, then text cells row by row; skips blanks and choice cells', () => {
		const answers = {
			why: '  I like people ',
			ideas: [{ idea: 'teach', theme: 'S' }, { idea: '   ' }, { idea: 'build', theme: 'R' }],
			jobs: [{ title: 'nurse', liked: 'yes' }, { liked: 'no' }]
		};
		expect(collectTexts({ id: 'l', questions: ['why', 'ideas', 'jobs'] }, answers, elements)).toEqual([
			'  I like people ',
			'teach',
			'build',
			'nurse'
		]);
	});

	it('keeps the text cells of one row together, joined by an em dash', () => {
		const survey = {
			elements: [
				{
					type: 'paneldynamic',
					name: 'dreams',
					templateElements: [
						{ type: 'text', name: 'job' },
						{ type: 'comment', name: 'why' }
					]
				}
			]
		};
		const answers = { dreams: [{ job: 'Pilot', why: 'Seeing the world' }, { job: 'Baker' }, { why: 'just the why' }] };
		expect(collectTexts({ id: 'l', questions: ['dreams'] }, answers, collectElements(survey))).toEqual([
			'Pilot — Seeing the world',
			'Baker',
			'just the why'
		]);
	});

	it('gives [] when nothing was written', () => {
		expect(collectTexts({ id: 'l', questions: ['why', 'ideas'] }, { why: '' }, elements)).toEqual([]);
	});
});
