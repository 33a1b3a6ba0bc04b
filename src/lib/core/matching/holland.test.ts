import { describe, it, expect } from 'vitest';
import { hollandCode, iachanM, iachanAgreement, IACHAN_MAX } from './holland.ts';

describe('hollandCode', () => {
	it.each([
		['strictly ordered', [1, 2, 3, 4, 5, 6], 3, 'CES', []],
		['tie inside the code keeps RIASEC order', [2, 3, 4, 5, 4, 1], 3, 'SAE', [['A', 'E']]],
		['tie straddling the end of the code', [6, 5, 4, 1, 4, 2], 3, 'RIA', [['A', 'E']]],
		['tie below the code is not reported', [6, 5, 4, 3, 2, 2], 3, 'RIA', []],
		['four-way tie at the top', [5, 5, 5, 5, 1, 1], 3, 'RIA', [['R', 'I', 'A', 'S']]],
		['all six equal', [3, 3, 3, 3, 3, 3], 3, 'RIA', [['R', 'I', 'A', 'S', 'E', 'C']]],
		['two ties', [5, 5, 1, 3, 3, 0], 3, 'RIS', [['R', 'I'], ['S', 'E']]],
		['length 2', [1, 2, 3, 4, 5, 6], 2, 'CE', []],
		['length 1 with a tie for first', [1, 1, 1, 1, 6, 6], 1, 'E', [['E', 'C']]],
		// 0.1 + 0.2 = 0.30000000000000004 > 0.3: float noise, still a tie, still RIASEC order
		['float noise counts as a tie', [0.3, 0.1 + 0.2, 0.1, 0, 0, 0], 3, 'RIA', [['R', 'I']]]
	] as const)('%s', (_, scores, length, code, ties) => {
		expect(hollandCode(scores, length)).toEqual({ code, ties });
	});

	it('defaults to three letters', () => {
		expect(hollandCode([1.3, 3.24, 2.08, 3.52, 6.88, 5.0]).code).toBe('ECS'); // O*NET Chief Executives
	});

	it.each([
		['five scores', [1, 2, 3, 4, 5], 3],
		['NaN', [1, 2, 3, 4, 5, NaN], 3],
		['length 0', [1, 2, 3, 4, 5, 6], 0],
		['length 7', [1, 2, 3, 4, 5, 6], 7]
	])('throws on %s', (_, scores, length) => {
		expect(() => hollandCode(scores, length)).toThrow(/hollandCode/);
	});
});

describe('iachanM', () => {
	// W = [[22,10,4],[10,5,2],[4,2,1]]: row = position in the person's code, column = in the opportunity's
	it.each([
		['identical: 22 + 5 + 1', 'SAE', 'SAE', 28],
		['first two swapped: S 1→2 = 10, A 2→1 = 10, E 3→3 = 1', 'SAE', 'ASE', 21],
		['rotated: S 1→2 = 10, A 2→3 = 2, E 3→1 = 4', 'SAE', 'ESA', 16],
		['reversed: S 1→3 = 4, A 2→2 = 5, E 3→1 = 4', 'SAE', 'EAS', 13],
		['only the first letter, in first place: 22', 'SAE', 'SRI', 22],
		['only the person\'s first letter, in third place: 4', 'SAE', 'CRS', 4],
		['only the person\'s third letter, in first place: 4', 'SAE', 'ECR', 4],
		['no shared letters', 'SAE', 'RIC', 0],
		['Iachan (1990) example: SEA vs ESA = 2·W(1,2) + W(3,3) = 21', 'SEA', 'ESA', 21],
		['R 1→2 = 10, I 2→1 = 10', 'RIC', 'IRE', 20],
		['two-letter codes: 22 + 5', 'SA', 'SA', 27],
		['two-letter person, three-letter opportunity: S 1→2 = 10, A 2→3 = 2', 'SA', 'ESA', 12],
		['one letter', 'S', 'S', 22]
	])('%s', (_, person, opportunity, m) => {
		expect(iachanM(person, opportunity)).toBe(m);
	});

	it('is symmetric because the weight table is', () => {
		const codes = ['SAE', 'ASE', 'ESA', 'RIC', 'CRS', 'IRE', 'EAS'];
		for (const a of codes) for (const b of codes) expect(iachanM(a, b)).toBe(iachanM(b, a));
	});

	it('normalises by 28', () => {
		expect(IACHAN_MAX).toBe(28);
		expect(iachanAgreement('SAE', 'SAE')).toBe(1);
		expect(iachanAgreement('SAE', 'ASE')).toBe(21 / 28); // 0.75
		expect(iachanAgreement('SAE', 'RIC')).toBe(0);
	});

	it.each([
		['an unknown letter', 'SAX', 'SAE'],
		['lower case', 'sae', 'SAE'],
		['a repeated letter', 'SSA', 'SAE'],
		['an empty code', '', 'SAE'],
		['four letters', 'SAEC', 'SAE'],
		['a bad opportunity code', 'SAE', 'SAEI']
	])('throws on %s', (_, person, opportunity) => {
		expect(() => iachanM(person, opportunity)).toThrow(/iachanM/);
	});
});
