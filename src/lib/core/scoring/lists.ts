/** Keeping free text verbatim (docs/questionnaire-format.md, "exercises" `lists`). */
import type { Answers, ListDefinition } from '../questionnaire/types.ts';
import type { ElementInfo } from '../questionnaire/elements.ts';

const hasText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * The texts of a list's questions, verbatim, in question order: the string of a text/comment question;
 * for matrixdynamic/paneldynamic, one entry per row with that row's text cells in form order, joined
 * by ` — ` (a dream job and what attracted me to it stay together). Empty and whitespace-only texts
 * are skipped.
 *
 * Reference: docs/questionnaire-format.md, "exercises".
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
				const cells = textCells.map((cell) => (row as Record<string, unknown>)[cell]).filter(hasText);
				if (cells.length) texts.push(cells.join(' — '));
			}
		}
	}
	return texts;
}
