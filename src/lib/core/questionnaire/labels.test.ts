import { describe, expect, it } from 'vitest';
import { choiceLabels } from './labels';

const survey = {
	pages: [
		{
			name: 'p1',
			elements: [
				{ type: 'ranking', name: 'values', choices: [{ value: 'autonomy', text: { default: 'Autonomy', da: 'Selvstændighed' } }, 'income'] },
				{
					type: 'matrixdynamic',
					name: 'ideas',
					columns: [
						{ name: 'idea', cellType: 'text' },
						{ name: 'theme', cellType: 'dropdown', choices: [{ value: 'S', text: 'Helping' }] }
					]
				}
			]
		}
	]
};

describe('choiceLabels', () => {
	it('maps choice values to their texts, plain values to themselves', () => {
		const m = choiceLabels(survey, 'values');
		expect(m.get('autonomy')).toEqual({ default: 'Autonomy', da: 'Selvstændighed' });
		expect(m.get('income')).toBe('income');
	});
	it('finds the choices of a dynamic column', () => {
		expect(choiceLabels(survey, 'ideas', 'theme').get('S')).toBe('Helping');
	});
	it('is empty for unknown questions', () => {
		expect(choiceLabels(survey, 'nope').size).toBe(0);
	});
});
