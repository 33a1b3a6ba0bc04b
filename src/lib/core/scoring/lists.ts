/** Keeping free text verbatim (DESIGN §3.4 `lists`). */
import type { Answers, ListDefinition } from '../questionnaire/types.ts';
import type { ElementInfo } from '../questionnaire/elements.ts';

const hasText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * The texts of a list's questions, verbatim, in question order: the string of a text/comment question;
 * for matrixdynamic/paneldynamic, the text cells of each row (row by row, cells in form order). Empty
 * and whitespace-only texts are skipped.
 *
 * Reference: DESIGN.md §3.4.
 * @example collectTexts({ id: 'l', questions: ['why'] }, { why: 'I like people' }, collectElements(survey)) // → ['I like people']
 */
export function collectTexts(def: ListDefinition, answers: Answers, elements: ReadonlyMap<string, ElementInfo>): string[] {
	const texts: string[] = [];
	for (const name of def.questions) {
		const value = answers[name];
		const el = elements.get(name);
		if (hasText(value)) {
			texts.push(value);
		} else if (Array.isArray(value) && el?.cells) {
			const textCells = [...el.cells.values()].filter((c) => c.kind === 'text').map((c) => c.name);
			for (const row of value) {
				if (typeof row !== 'object' || row === null) continue;
				for (const cell of textCells) {
					const text = (row as Record<string, unknown>)[cell];
					if (hasText(text)) texts.push(text);
				}
			}
		}
	}
	return texts;
}
