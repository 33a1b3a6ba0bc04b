import { describe, it, expect } from 'vitest';
import { keyedValue, scoreScale } from './scale.ts';
import type { ScaleDefinition } from '../questionnaire/types.ts';

const scale = (over: Partial<ScaleDefinition>): ScaleDefinition => ({
	id: 's',
	title: 'S',
	items: ['a', 'b', 'c', 'd'],
	range: [1, 5],
	method: 'mean',
	...over
});

describe('keyedValue: y = lo + hi − x when reversed', () => {
	it.each([
		[1, [1, 5], true, 5], // 1 + 5 − 1 = 5
		[5, [1, 5], true, 1], // 1 + 5 − 5 = 1
		[2, [1, 5], true, 4], // 1 + 5 − 2 = 4
		[0, [0, 4], true, 4], // 0 + 4 − 0 = 4
		[4, [0, 4], true, 0], // 0 + 4 − 4 = 0
		[3, [0, 4], false, 3] // not reversed: y = x
	] as const)('x = %s, range %j, reversed %s → %s', (x, range, reversed, y) => {
		expect(keyedValue(x, range, reversed)).toBe(y);
	});
});

describe('scoreScale', () => {
	it.each([
		// description, definition, answers, expected
		['mean, nothing missing', scale({}), { a: 2, b: 3, c: 4, d: 5 }, { score: 3.5, answered: 4 }], // (2+3+4+5)/4 = 14/4
		['mean with reversed b', scale({ reverse: ['b'] }), { a: 2, b: 1, c: 4, d: 5 }, { score: 4, answered: 4 }], // b: 1+5−1 = 5; (2+5+4+5)/4 = 16/4
		['reversed at the top end', scale({ items: ['a'], reverse: ['a'] }), { a: 5 }, { score: 1, answered: 1 }], // 1+5−5 = 1
		['reversed at the bottom end', scale({ items: ['a'], reverse: ['a'] }), { a: 1 }, { score: 5, answered: 1 }], // 1+5−1 = 5
		['reversed on range [0, 4]', scale({ items: ['a', 'b'], reverse: ['a'], range: [0, 4] }), { a: 0, b: 0 }, { score: 2, answered: 2 }], // (4+0)/2
		['sum, nothing missing', scale({ method: 'sum' }), { a: 2, b: 3, c: 4, d: 5 }, { score: 14, answered: 4 }], // 4·14/4 = 14
		// k = 4, answers 2, 3, missing, 5: Σy = 10, answered 3 → 4·10/3 = 13.333…
		['sum prorated', scale({ method: 'sum', minAnswered: 3 }), { a: 2, b: 3, d: 5 }, { score: 40 / 3, answered: 3 }],
		['mean with one missing', scale({ minAnswered: 3 }), { a: 2, b: 3, d: 5 }, { score: 10 / 3, answered: 3 }], // 10/3
		['one answered, null is missing', scale({ minAnswered: 2 }), { a: 1, c: null }, { score: null, answered: 1, reason: '1 of 4 items answered; at least 2 needed' }],
		['exactly minAnswered (2 of 4) is scored', scale({ minAnswered: 2 }), { a: 1, c: 4 }, { score: 2.5, answered: 2 }], // (1+4)/2
		['one fewer than minAnswered', scale({ minAnswered: 3 }), { a: 1, c: 4 }, { score: null, answered: 2, reason: '2 of 4 items answered; at least 3 needed' }],
		['default minAnswered = all items', scale({}), { a: 1, b: 2, c: 3 }, { score: null, answered: 3, reason: '3 of 4 items answered; at least 4 needed' }],
		['all items missing', scale({ minAnswered: 1 }), {}, { score: null, answered: 0, reason: '0 of 4 items answered; at least 1 needed' }],
		['empty strings are missing (CSV)', scale({ minAnswered: 1 }), { a: '', b: 4 }, { score: 4, answered: 1 }]
	])('%s', (_, def, answers, expected) => {
		expect(scoreScale(def, answers)).toEqual({ id: 's', ...expected });
	});

	it.each([
		[{ a: 'x' }, 's: item a has the non-numeric answer "x"'],
		[{ a: 6 }, 's: item a has the answer 6, outside the range [1, 5]']
	])('throws on bad values: %j', (answers, message) => {
		expect(() => scoreScale(scale({ minAnswered: 1 }), answers)).toThrow(message);
	});
});
