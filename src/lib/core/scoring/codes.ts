/** Letter codes from scales, e.g. a Holland code (docs/questionnaire-format.md, "codes"). */
import type { CodeDefinition, CodeResult } from '../questionnaire/types.ts';

/** Scores are compared at 9 decimals so that floating-point noise (10/3 vs 20/6) does not break a tie. */
const key = (score: number) => Number(score.toFixed(9));

/**
 * The letters of the `length` highest scales, highest first; equal scores keep the listed order. Tie
 * groups that touch the code are reported — including a tie straddling the cut (the 3rd and 4th equal),
 * since another order would give another code. A scale without a score makes the code null.
 *
 * Reference: docs/questionnaire-format.md, "codes"; Holland (1997), *Making Vocational Choices*, 3rd ed., on ties and code order.
 * @example scoreCode({ id: 'h', scales: ['r', 's', 'a', 'e'], letters: ['R', 'S', 'A', 'E'], length: 3 }, { r: 1, s: 4, a: 3.5, e: 3.5 })
 * // → { code: 'SAE', ties: [['A', 'E']] }
 */
export function scoreCode(def: CodeDefinition, scores: Readonly<Record<string, number | null | undefined>>): CodeResult {
	const entries = def.scales.map((id, i) => ({ letter: def.letters[i], score: scores[id] }));
	if (entries.some((e) => typeof e.score !== 'number' || !Number.isFinite(e.score))) return { code: null, ties: [] };
	// Array.prototype.sort is stable (ES2019), so equal scores keep the listed order.
	const sorted = entries.sort((a, b) => key(b.score!) - key(a.score!));
	const ties: string[][] = [];
	for (let start = 0; start < def.length && start < sorted.length; ) {
		let end = start + 1;
		while (end < sorted.length && key(sorted[end].score!) === key(sorted[start].score!)) end++;
		if (end - start > 1) ties.push(sorted.slice(start, end).map((e) => e.letter));
		start = end;
	}
	return { code: sorted.slice(0, def.length).map((e) => e.letter).join(''), ties };
}
