/** Turns one CSV cell into the answer value SurveyJS would store for that question. */
import type { ChoiceValue, ElementInfo } from '../questionnaire/elements.ts';

/** Kinds of question a CSV cell can hold: one value each. */
export const CSV_KINDS = new Set(['number-choice', 'text-choice', 'boolean', 'text']);

/** A decimal number as people write it in a CSV: no hex, no `Infinity`, no thousands separators. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type CellResult = { value: unknown } | { error: string };

function show(v: string): string {
	return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
}

function showValues(values: readonly ChoiceValue[]): string {
	const shown = values.slice(0, 12).map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
	return values.length > 12 ? `${shown.join(', ')}, … (${values.length} in all)` : shown.join(', ');
}

/**
 * Parses a non-blank cell for the element `el`: numeric questions take a decimal number that is one of the
 * element's values; choice questions take one of their values as written (`String(v)`); both ignore
 * surrounding spaces. Text takes the cell verbatim (a number for `inputType` number/range), up to `maxLength`.
 *
 * @example parseCell('4', ratingElement) // → { value: 4 }
 * @example parseCell('x', ratingElement) // → { error: '"x" is not a number' }
 */
export function parseCell(cell: string, el: ElementInfo, maxTextLength: number): CellResult {
	const values = el.values ?? [];
	const trimmed = cell.trim();
	const notAllowed = () => ({ error: `${show(cell)} is not one of the allowed values ${showValues(values)}` });
	switch (el.kind) {
		case 'number-choice': {
			if (!NUMBER.test(trimmed)) return { error: `${show(cell)} is not a number` };
			const x = Number(trimmed);
			return values.includes(x) ? { value: x } : notAllowed();
		}
		case 'text-choice':
		case 'boolean': {
			const match = values.find((v) => String(v) === trimmed);
			return match === undefined ? notAllowed() : { value: match };
		}
		case 'text': {
			if (el.numeric) return NUMBER.test(trimmed) ? { value: Number(trimmed) } : { error: `${show(cell)} is not a number` };
			const limit = el.maxLength ?? maxTextLength;
			if (cell.length > limit) return { error: `the text has ${cell.length} characters; at most ${limit} are allowed` };
			return { value: cell };
		}
		default:
			return { error: `a ${el.type} question cannot be read from a CSV cell` };
	}
}
