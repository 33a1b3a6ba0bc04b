// The "you skipped N questions" review lists questions left empty, but not a list the person adds
// entries to when nothing asks for an entry: "Courses you are taking now (optional)" left empty is an
// answer. Checked on the shipped study-habits questionnaire and on hand-made forms.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { skippedQuestions } from './plain-form';
import { emptyIsAnswer } from '../../core/questionnaire/optional';
import type { Questionnaire } from '../../core/questionnaire/types';

const studyHabits = JSON.parse(readFileSync(resolve('questionnaires/study-habits.json'), 'utf8')) as Questionnaire;
const names = (q: Questionnaire, answers: Record<string, unknown>) => skippedQuestions(q, answers, 'en').map((s) => s.name);

const form = (elements: unknown[]): Questionnaire => ({ ...studyHabits, id: 'hand', survey: { pages: [{ name: 'p', elements }] } }) as Questionnaire;

describe('skipped questions and optional lists', () => {
	it('does not list the optional courses panel of study habits, and still lists a skipped item', () => {
		const all = names(studyHabits, {});
		expect(all).not.toContain('courses');
		// Its scored items, left empty, are still listed.
		expect(all).toContain(studyHabits.scoring!.scales![0].items[0].split('.')[0]);
	});

	it('lists a required or minimum-count list, and ordinary questions, when empty', () => {
		const q = form([
			{ type: 'paneldynamic', name: 'free', panelCount: 0, templateElements: [{ type: 'text', name: 'x' }] },
			{ type: 'paneldynamic', name: 'atLeastOne', minPanelCount: 1, templateElements: [{ type: 'text', name: 'y' }] },
			{ type: 'matrixdynamic', name: 'rows', rowCount: 0, columns: [{ name: 'c', cellType: 'text' }] },
			{ type: 'matrixdynamic', name: 'mustRows', rowCount: 0, isRequired: true, columns: [{ name: 'c', cellType: 'text' }] },
			{ type: 'rating', name: 'mood', rateMin: 1, rateMax: 5 },
			{ type: 'comment', name: 'note' }
		]);
		expect(names(q, {})).toEqual(['atLeastOne', 'mustRows', 'mood', 'note']);
	});

	it('decides by type, minimum and required alone', () => {
		expect(emptyIsAnswer({ type: 'paneldynamic' })).toBe(true);
		expect(emptyIsAnswer({ type: 'paneldynamic', minPanelCount: 0 })).toBe(true);
		expect(emptyIsAnswer({ type: 'paneldynamic', minPanelCount: 2 })).toBe(false);
		expect(emptyIsAnswer({ type: 'paneldynamic', isRequired: true })).toBe(false);
		expect(emptyIsAnswer({ type: 'matrixdynamic', minRowCount: 1 })).toBe(false);
		expect(emptyIsAnswer({ type: 'rating' })).toBe(false);
		expect(emptyIsAnswer({ type: 'comment' })).toBe(false);
	});
});
