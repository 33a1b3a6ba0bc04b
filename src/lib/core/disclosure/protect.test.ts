import { describe, expect, it } from 'vitest';
import { MIN_PEOPLE, protectPartition, protectShare, protectTable, type CellCount } from './protect.ts';

const shownOf = (counts: number[], known?: number[]) =>
	protectPartition(counts.map((count, i) => ({ count, known: known?.[i] ?? 0 }))).cells;

describe('protectPartition, worked by hand', () => {
	it('shows every cell when each counts 0 or at least 5 people', () => {
		expect(shownOf([5, 0, 7, 12])).toEqual([true, true, true, true]);
	});

	it('hides a table of fewer than 5 people altogether', () => {
		expect(protectPartition([{ count: 4 }, { count: 0 }])).toEqual({ shown: false, cells: [false, false] });
	});

	it('hides a cell of 1–4 and the smallest other cell, so total − shown cells is not 1–4', () => {
		// 3 alone hidden: 20 − 5 − 12 = 3 would be worked out. Hiding the 5 too leaves 8 (3 + 5) unknown.
		expect(shownOf([5, 3, 12])).toEqual([false, false, true]);
	});

	it('keeps hiding while the hidden cells could only hold 1 each', () => {
		// Two hidden 1s: h = 2 < 5 → hide the 6; then h = 8 > 3 hidden cells.
		expect(shownOf([1, 1, 6, 9, 0])).toEqual([false, false, false, true, true]);
		// Five cells of 1 sum to 5 but each would be exactly 1: the 7 is hidden too.
		expect(shownOf([1, 1, 1, 1, 1, 7, 8])).toEqual([false, false, false, false, false, false, true]);
	});

	it('two hidden cells summing to at least 5 need no more', () => {
		expect(shownOf([3, 4, 10])).toEqual([false, false, true]);
	});

	it('applies the rules to the people the viewer does not already know', () => {
		// 6 in a cell, 4 of them share with the counsellor: 2 unknown people → hidden.
		// The first of two equal cells is hidden with it.
		expect(shownOf([6, 10, 10], [4, 0, 0])).toEqual([false, false, true]);
		// 8 finished, 4 known: the other 4 would be a table of 4 unknown people.
		expect(protectPartition([{ count: 8, known: 4 }]).shown).toBe(false);
		// Everyone shares: nothing the counsellor does not know already.
		expect(shownOf([5, 2], [5, 2])).toEqual([true, true]);
	});

	it('protectTable gives the total and nulls for hidden cells', () => {
		expect(protectTable([{ key: 'R', count: 5 }, { key: 'I', count: 3 }, { key: 'A', count: 12 }])).toEqual({
			total: 20,
			cells: [{ key: 'R', count: null }, { key: 'I', count: null }, { key: 'A', count: 12 }]
		});
		expect(protectTable([{ key: 'R', count: 4 }]).total).toBeNull();
	});

	it('protectShare shows a count only when neither it nor the rest is 1–4', () => {
		expect(protectShare({ count: 5 }, { count: 10 })).toBe(true);
		expect(protectShare({ count: 4 }, { count: 10 })).toBe(false);
		expect(protectShare({ count: 7 }, { count: 10 })).toBe(false); // 3 did not keep it
		expect(protectShare({ count: 10 }, { count: 10 })).toBe(true);
		expect(protectShare({ count: 0 }, { count: 10 })).toBe(true);
		expect(protectShare({ count: 5 }, { count: 4 })).toBe(false);
	});
});

// ——— A property over random groups ————————————————————————————————————————————————————

/** Small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A random group of people, each in one cell and each known to the viewer (sharing) or not; the
 * table is built by counting them, as the group page does.
 */
function randomTable(rnd: () => number): CellCount[] {
	const cells = 1 + Math.floor(rnd() * 8);
	const people = Math.floor(rnd() * (rnd() < 0.5 ? 12 : 60));
	const skew = rnd() * 3;
	const shareRate = rnd() < 0.4 ? 0 : rnd() * 0.5;
	const table = Array.from({ length: cells }, () => ({ count: 0, known: 0 }));
	for (let p = 0; p < people; p++) {
		const cell = Math.min(cells - 1, Math.floor(cells * rnd() ** (1 + skew)));
		table[cell].count++;
		if (rnd() < shareRate) table[cell].known++;
	}
	return table;
}

const subsets = <T>(xs: T[]): T[][] => xs.reduce<T[][]>((acc, x) => acc.concat(acc.map((s) => [...s, x])), [[]]);

describe('protectPartition over 5,000 random groups', () => {
	it('no shown cell, and no difference of shown numbers (total and sums of cells included), counts 1–4 unknown people', () => {
		const small = (n: number) => n >= 1 && n < MIN_PEOPLE;
		for (let seed = 1; seed <= 5_000; seed++) {
			const table = randomTable(random(seed));
			const { shown, cells } = protectPartition(table);
			const r = table.map((c) => c.count - c.known!);
			const total = table.reduce((s, c) => s + c.count, 0);
			const rest = r.reduce((s, x) => s + x, 0);
			const where = `seed ${seed}: ${JSON.stringify(table)} → ${JSON.stringify(cells)}`;
			if (!shown) {
				expect(cells.every((c) => !c), where).toBe(true);
				continue;
			}
			expect(total, where).toBeGreaterThanOrEqual(MIN_PEOPLE);
			expect(small(rest), where).toBe(false);
			const shownIdx = cells.flatMap((s, i) => (s ? [i] : []));
			const hiddenIdx = cells.flatMap((s, i) => (s ? [] : [i]));
			// Every shown cell, and the difference of any shown cell or sum of shown cells against the
			// total and against any larger sum of shown cells (the only differences that count people).
			for (const s of subsets(shownIdx)) {
				const sum = s.reduce((acc, i) => acc + r[i], 0);
				expect(small(sum), `${where}: cells ${s}`).toBe(false);
				expect(small(rest - sum), `${where}: total − cells ${s}`).toBe(false);
			}
			// The hidden cells: each could hold more than one value given what is shown.
			const h = hiddenIdx.reduce((acc, i) => acc + r[i], 0);
			if (hiddenIdx.length > 0) {
				expect(h, where).toBeGreaterThanOrEqual(MIN_PEOPLE);
				expect(h, where).toBeGreaterThan(hiddenIdx.filter((i) => r[i] > 0).length);
				expect(hiddenIdx.length, where).toBeGreaterThanOrEqual(2);
			}
			// And nothing was hidden that needed no hiding: a table with no 1–4 cell is shown whole.
			if (!r.some(small)) expect(cells.every(Boolean), where).toBe(true);
		}
	});
});
