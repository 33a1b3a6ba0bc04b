import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answers, Questionnaire } from '../questionnaire/types.ts';
import { analyzeItems } from './analyze-items.ts';
import { createItemAnalysis } from './streaming.ts';

/** The streaming analysis over `rows`: each row given to the first pass, then to the second. */
function streamed(q: Questionnaire, rows: Answers[]) {
	const a = createItemAnalysis(q);
	for (const row of rows) a.first(row);
	for (const row of rows) a.second(row);
	return a.report();
}

/** Park–Miller style generator, so the rows are the same on every run. */
function generator(seed: number) {
	let s = seed;
	return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** Rows for every scale item of `q` (matrix items as nested objects), with `missing` of the answers left out. */
function rowsFor(q: Questionnaire, n: number, missing: number, seed: number): Answers[] {
	const random = generator(seed);
	const scales = q.scoring?.scales ?? [];
	return Array.from({ length: n }, () => {
		const row: Record<string, unknown> = {};
		for (const scale of scales) {
			const [lo, hi] = scale.range;
			const trait = random();
			for (const item of scale.items) {
				if (random() < missing) continue;
				const value = Math.min(hi, lo + Math.floor((trait * 0.6 + random() * 0.4) * (hi - lo + 1)));
				const [name, cell] = item.split('.');
				if (cell === undefined) row[name] = value;
				else row[name] = { ...((row[name] as object) ?? {}), [cell]: value };
			}
		}
		return row as Answers;
	});
}

const load = (file: string) => JSON.parse(readFileSync(new URL(`../../../../questionnaires/${file}`, import.meta.url), 'utf8')) as Questionnaire;

describe('createItemAnalysis (two passes, a few numbers per item)', () => {
	it.each([
		['big-five-ipip-50.json', 3000, 0.02],
		['riasec-48.json', 1000, 0.1],
		['study-habits.json', 800, 0.05]
	])('gives exactly what analyzeItems gives on %s (%i rows, %f missing)', (file, n, missing) => {
		const q = load(file);
		const rows = rowsFor(q, n, missing, 17);
		const want = analyzeItems(q, rows);
		const got = streamed(q, rows);
		expect(got).toEqual(want);
		expect(JSON.stringify(got)).toBe(JSON.stringify(want));
		expect(got.scales.some((s) => s.alpha !== null && s.n > 0 && s.n < n)).toBe(true);
	});

	const tiny: Questionnaire = {
		id: 'tiny',
		version: '1.0.0',
		kind: 'test',
		title: 'Tiny',
		survey: {},
		scoring: {
			scales: [
				{ id: 'x', title: 'X', items: ['i1', 'i2', 'i3'], reverse: ['i2'], range: [1, 5], method: 'mean' },
				{ id: 'one', title: 'One item', items: ['o1'], range: [1, 5], method: 'sum' },
				{ id: 'flat', title: 'Flat', items: ['f1', 'f2'], range: [0, 4], method: 'sum' }
			]
		}
	};

	it('gives the same nulls where statistics are undefined: no rows, one row, one item, no variance', () => {
		for (const rows of [[], [{ i1: 1, i2: 2, i3: 3, o1: 2, f1: 2, f2: 2 }], [{ i1: 1, f1: 2, f2: 2 }, { i2: 4, f1: 2, f2: 2, o1: 'x' }, { i1: 2, i2: 2, i3: 2, f1: 2, f2: 2 }]] as Answers[][]) {
			expect(streamed(tiny, rows)).toEqual(analyzeItems(tiny, rows));
		}
		const flat = streamed(tiny, [{ f1: 2, f2: 2 }, { f1: 2, f2: 2 }, { f1: 2, f2: 2 }]).scales[2];
		expect(flat).toMatchObject({ n: 3, alpha: null });
		expect(flat.items[0]).toMatchObject({ n: 3, mean: 2, sd: 0, rDrop: null, missing: 0 });
	});

	it('says so when the second pass did not get every row', () => {
		const a = createItemAnalysis(tiny);
		a.first({ i1: 1 });
		a.first({ i1: 2 });
		a.second({ i1: 1 });
		expect(() => a.report()).toThrow('2 rows in the first pass, 1 in the second');
	});
});
