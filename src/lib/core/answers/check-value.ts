/** Checks one answer value against the element it answers. */
import type { Answers } from '../questionnaire/types.ts';
import type { ChoiceValue, ElementInfo } from '../questionnaire/elements.ts';

/** SurveyJS's default maximum number of dynamic rows is 1000; a person brainstorming needs far fewer. */
export const MAX_ROWS = 100;

export interface AnswerContext {
	errors: { name: string; message: string }[];
	partial: boolean;
	maxTextLength: number;
	/** The top-level element being checked (set while inside dynamic rows). */
	top?: string;
	checkRow?: (cells: Map<string, ElementInfo>, row: Record<string, unknown>, label: string, ctx: AnswerContext) => Answers;
}

/** undefined, null, '' and [] mean "not answered" (SurveyJS omits them, but clients may send them). */
export function isEmptyAnswer(v: unknown): boolean {
	return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function show(v: unknown): string {
	let s: string;
	try {
		s = JSON.stringify(v) ?? String(v);
	} catch {
		// Nested too deep to print (JSON.stringify overflows the stack): name its kind only.
		s = Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v;
	}
	return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function showValues(values: readonly ChoiceValue[]): string {
	const shown = values.slice(0, 12).map(show).join(', ');
	return values.length > 12 ? `${shown}, … (${values.length} in all)` : shown;
}

/** Returns the cleaned value, or undefined after pushing an error. */
export function checkValue(el: ElementInfo, value: unknown, at: string, ctx: AnswerContext): unknown {
	const fail = (message: string) => {
		ctx.errors.push({ name: ctx.top ?? el.name, message: `${at}: ${message}` });
		return undefined;
	};
	const values = el.values ?? [];
	const notAllowed = (v: unknown) => fail(`${show(v)} is not one of the allowed values ${showValues(values)}`);
	const textLimit = el.maxLength ?? ctx.maxTextLength;
	switch (el.kind) {
		case 'number-choice':
			if (typeof value !== 'number') return fail(`expected a number, got ${show(value)}`);
			return values.includes(value) ? value : notAllowed(value);
		case 'text-choice':
		case 'boolean':
			if (typeof value === 'object') return fail(`expected a single value, got ${show(value)}`);
			return values.includes(value as ChoiceValue) ? value : notAllowed(value);
		case 'multi-choice':
		case 'ranking': {
			if (!Array.isArray(value)) return fail(`expected a list of values, got ${show(value)}`);
			const seen = new Set<unknown>();
			for (const v of value) {
				if (seen.has(v)) return fail(`${show(v)} appears more than once`);
				seen.add(v);
				const custom = el.allowCustom && typeof v === 'string' && v.trim() !== '';
				if (!values.includes(v) && !custom) return notAllowed(v);
				if (custom && (v as string).length > textLimit) return fail(`a custom value is longer than ${textLimit} characters`);
			}
			return [...value];
		}
		case 'text':
			if (el.numeric && typeof value === 'number' && Number.isFinite(value)) return value;
			if (typeof value !== 'string') return fail(`expected text, got ${show(value)}`);
			if (value.length > textLimit) return fail(`the text has ${value.length} characters; at most ${textLimit} are allowed`);
			return value;
		case 'dynamic': {
			if (!Array.isArray(value)) return fail(`expected a list of rows, got ${show(value)}`);
			const max = Math.min(MAX_ROWS, el.maxRows ?? MAX_ROWS);
			if (value.length > max) return fail(`has ${value.length} rows; at most ${max} are allowed`);
			const before = ctx.errors.length;
			const rows = value.map((row, i) => {
				if (typeof row !== 'object' || row === null || Array.isArray(row)) return fail(`row ${i + 1} is not an object`);
				return ctx.checkRow!(el.cells ?? new Map(), row as Record<string, unknown>, `${at}[${i}].`, ctx);
			});
			return ctx.errors.length > before ? undefined : rows;
		}
		default:
			return fail(`this ${el.type} question cannot be answered`);
	}
}
