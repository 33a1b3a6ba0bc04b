import { describe, it, expect } from 'vitest';
import { scoreCode } from './codes.ts';

const holland = { id: 'holland', scales: ['r', 'i', 'a', 's', 'e', 'c'], letters: ['R', 'I', 'A', 'S', 'E', 'C'], length: 3 };

describe('scoreCode', () => {
	it.each([
		// description, scores r i a s e c, expected code, expected ties
		['clear order', [1, 2, 3, 4, 3.7, 3.2], 'SEC', []], // 4 > 3.7 > 3.2 > 3 > 2 > 1
		['tie inside the code keeps listed order', [1, 2, 3.5, 4, 3.5, 2], 'SAE', [['A', 'E']]], // S 4, A = E = 3.5
		['tie at the top', [4, 2, 4, 3, 1, 1], 'RAS', [['R', 'A']]], // R = A = 4, S 3
		['tie straddling the cut (3rd = 4th)', [1, 4, 2, 3.5, 2, 1], 'ISA', [['A', 'E']]], // I 4, S 3.5, A = E = 2
		['tie of three across the cut', [4, 3, 3, 3, 1, 1], 'RIA', [['I', 'A', 'S']]],
		['tie outside the code is not reported', [5, 4, 3, 1, 1, 1], 'RIA', []], // S = E = C = 1, below the cut
		['all equal', [2, 2, 2, 2, 2, 2], 'RIA', [['R', 'I', 'A', 'S', 'E', 'C']]],
		// 10/3 and 20/6 differ in the last bit of a double; still a tie
		['floating-point noise is a tie', [1, 2, 10 / 3, 4, 20 / 6 + 1e-15, 1], 'SAE', [['A', 'E']]],
		['a scale without a score gives no code', [1, 2, 3, null, 5, 6], null, []]
	])('%s', (_, values, code, ties) => {
		const scores = Object.fromEntries(holland.scales.map((id, i) => [id, values[i]]));
		expect(scoreCode(holland, scores)).toEqual({ code, ties });
	});

	it('reports the tie groups of a length-1 code', () => {
		expect(scoreCode({ ...holland, length: 1 }, { r: 1, i: 5, a: 5, s: 5, e: 1, c: 1 })).toEqual({ code: 'I', ties: [['I', 'A', 'S']] });
	});
});
