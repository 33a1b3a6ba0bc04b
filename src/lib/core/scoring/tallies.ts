/** Counting answers per category (docs/questionnaire-format.md, "exercises" `tallies`). */
import type { Answers, TallyDefinition } from '../questionnaire/types.ts';

function countInto(counts: Record<string, number>, value: unknown) {
	const values = Array.isArray(value) ? value : [value];
	for (const v of values) {
		if (v === undefined || v === null || v === '') continue;
		const category = String(v);
		counts[category] = (counts[category] ?? 0) + 1;
	}
}

/**
 * How many answers fall in each category: count(c) = number of selections equal to c — each checked
 * choice of a checkbox/tagbox, the single choice of a radiogroup/dropdown, or, for matrixdynamic and
 * paneldynamic, the `column` cell of every row. Known `categories` start at 0 (in their order), so that
 * a category nobody chose still shows; custom values follow in order of appearance.
 *
 * Reference: docs/questionnaire-format.md, "exercises".
 * @example tallyAnswers({ id: 't', question: 'ideas', column: 'theme' }, { ideas: [{ theme: 'S' }, { theme: 'A' }, { theme: 'S' }] }, ['R', 'S', 'A'])
 * // → { R: 0, S: 2, A: 1 }
 */
export function tallyAnswers(def: TallyDefinition, answers: Answers, categories: readonly unknown[] = []): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const c of categories) counts[String(c)] = 0;
	const value = answers[def.question];
	if (def.column === undefined) {
		countInto(counts, value);
	} else if (Array.isArray(value)) {
		for (const row of value) {
			if (typeof row === 'object' && row !== null) countInto(counts, (row as Record<string, unknown>)[def.column]);
		}
	}
	return counts;
}
