/** A small questionnaire used by the core's unit tests (test data only; not part of the public API). */
import type { Questionnaire } from './questionnaire/types.ts';

export function fixture(): Questionnaire {
	return {
		$schema: './schema.json',
		id: 'fixture-test',
		version: '1.0.0',
		kind: 'test',
		title: { default: 'Fixture', da: 'Fikstur' },
		minutes: 3,
		survey: {
			pages: [
				{
					name: 'p1',
					elements: [
						{ type: 'html', name: 'intro', html: '<p>Hi</p>' },
						{ type: 'rating', name: 'R1', isRequired: true },
						{ type: 'rating', name: 'R2', rateValues: [1, 2, { value: 3, text: 'three' }, 4, 5] },
						{ type: 'radiogroup', name: 'R3', choices: [1, 2, 3, 4, 5] },
						{ type: 'rating', name: 'R4', rateMin: 0, rateMax: 4 },
						{
							type: 'panel',
							name: 'more',
							elements: [
								{ type: 'dropdown', name: 'D1', choices: [{ value: 1, text: 'one' }, 2, 3] },
								{ type: 'checkbox', name: 'activities', choices: ['R', 'I', 'A', 'S', 'E', 'C'], showOtherItem: true }
							]
						},
						{ type: 'expression', name: 'total', expression: '{R1} + {R2}' }
					]
				},
				{
					name: 'p2',
					elements: [
						{
							type: 'matrixdynamic',
							name: 'ideas',
							choices: ['R', 'I', 'A', 'S', 'E', 'C'],
							columns: [
								{ name: 'idea', cellType: 'text', isRequired: true },
								{ name: 'theme' }
							]
						},
						{
							type: 'paneldynamic',
							name: 'jobs',
							maxPanelCount: 3,
							templateElements: [
								{ type: 'text', name: 'title' },
								{ type: 'radiogroup', name: 'liked', choices: ['yes', 'no'] }
							]
						},
						{ type: 'tagbox', name: 'skills', choices: ['writing', 'coding'], allowCustomChoices: true },
						{ type: 'ranking', name: 'values', choices: ['pay', 'security', 'variety', 'people'] },
						{ type: 'comment', name: 'why', maxLength: 20 },
						{ type: 'boolean', name: 'agree' },
						{ type: 'text', name: 'age', inputType: 'number' },
						{ type: 'radiogroup', name: 'colour', choices: ['red', 'blue'], showOtherItem: true, isRequired: true, visibleIf: '{agree} = true' }
					]
				}
			]
		},
		scoring: {
			scales: [
				{
					id: 'alpha',
					title: 'Alpha',
					items: ['R1', 'R2', 'R3'],
					reverse: ['R2'],
					range: [1, 5],
					method: 'mean',
					minAnswered: 2,
					norms: [
						{ id: 'n1', mean: 3, sd: 1 },
						{ id: 'n2', mean: 2.5, sd: 0.5 }
					],
					reliability: { alpha: 0.84 },
					bands: [
						{ upTo: 30, label: 'low' },
						{ upTo: 70, label: 'middle' },
						{ upTo: 100, label: 'high', text: 'A high score.' }
					]
				},
				{
					id: 'beta',
					title: 'Beta',
					items: ['R4', 'D1'],
					range: [0, 4],
					method: 'sum',
					minAnswered: 1,
					bands: [
						{ upTo: 2, label: 'low' },
						{ upTo: 5, label: 'high' }
					]
				}
			],
			codes: [{ id: 'ab', scales: ['alpha', 'beta'], letters: ['A', 'B'], length: 1 }],
			tallies: [
				{ id: 'themes', question: 'ideas', column: 'theme', dimension: 'riasec' },
				{ id: 'acts', question: 'activities' }
			],
			rankings: [{ id: 'top-values', question: 'values', top: 2 }],
			lists: [{ id: 'notes', questions: ['why', 'ideas', 'jobs'] }]
		}
	};
}
