import { describe, expect, it } from 'vitest';
import { buildGroupAggregate, takeInSteps, type InterestRow } from './aggregate.ts';

const LETTERS = ['R', 'I', 'A', 'S', 'E', 'C'];
const row = (letter: string | null, known = false, bands: (number | null)[] = [0]): InterestRow => ({ known, letter, bands });
const base = { letters: LETTERS, scaleIds: ['realistic'], bandCount: 3, valueIds: ['autonomy', 'income'], values: [], kept: [], members: { count: 0, known: 0 } };

describe('takeInSteps', () => {
	it('counts everyone known and the unknown 5 at a time, in the order given', () => {
		const rows = [row('R'), row('I', true), row('A'), row('S'), row('E'), row('C'), row('R'), row('I')];
		// 7 unknown → the first 5 of them; the known one always.
		expect(takeInSteps(rows).map((r) => r.letter)).toEqual(['R', 'I', 'A', 'S', 'E', 'C']);
		expect(takeInSteps(rows.slice(0, 4))).toEqual([rows[1]]);
	});
});

describe('buildGroupAggregate', () => {
	it('shows nothing before 5 have finished', () => {
		const a = buildGroupAggregate({ ...base, interests: [row('S'), row('S'), row('S'), row('S')] });
		expect(a.interestsCounted).toBe(0);
		expect(a.holland.total).toBeNull();
		expect(a.scales[0].table.total).toBeNull();
	});

	it('hand-worked: 12 finished, 10 counted (2 wait for the next step of 5)', () => {
		// Counted: S×6, A×3, none×1 → A (3) and none (1) hidden: h = 4 < 5, so the S (6) is hidden too.
		const interests = [...Array(6).fill(0).map(() => row('S', false, [2])), row('A', false, [1]), row('A', false, [1]), row('A', false, [1]), row(null, false, [null]), row('R'), row('R')];
		const a = buildGroupAggregate({ ...base, interests });
		expect(a.interestsCounted).toBe(10);
		expect(a.holland.total).toBe(10);
		const shown = Object.fromEntries(a.holland.cells.map((c) => [c.key, c.count]));
		expect(shown).toEqual({ R: 0, I: 0, A: null, S: null, E: 0, C: 0, none: null });
		// Bands: 0 → 0, 1 → 3, 2 → 6, none → 1: the same hiding.
		expect(a.scales[0].table.cells.map((c) => c.count)).toEqual([0, null, null, null]);
	});

	it('shows all cells when every one is 0 or at least 5, and counts known members fully', () => {
		const interests = [...Array(5).fill(0).map(() => row('I')), ...Array(5).fill(0).map(() => row('E')), row('E', true)];
		const a = buildGroupAggregate({ ...base, interests });
		expect(a.holland.total).toBe(11);
		expect(a.holland.cells.map((c) => c.count)).toEqual([0, 5, 0, 0, 6, 0, 0]);
	});

	it('lists only occupations whose count and whose rest both pass, most kept first', () => {
		const a = buildGroupAggregate({
			...base,
			interests: [],
			members: { count: 20, known: 2 },
			kept: [
				{ key: 'a', title: 'Carpenter', count: 5, known: 0 },
				{ key: 'b', title: 'Nurse', count: 9, known: 0 },
				{ key: 'c', title: 'Baker', count: 4, known: 0 },
				// 6 kept it, but 2 of them share: 4 unknown → hidden.
				{ key: 'd', title: 'Pilot', count: 6, known: 2 },
				// 17 of 18 unknown members: the 1 who did not would be worked out.
				{ key: 'e', title: 'Teacher', count: 17, known: 0 }
			]
		});
		expect(a.kept).toEqual([
			{ key: 'b', title: 'Nurse', count: 9 },
			{ key: 'a', title: 'Carpenter', count: 5 }
		]);
	});
});
