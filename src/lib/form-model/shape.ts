// The shape check of one answer value against its question: type, allowed values, rows and columns,
// lengths. Runs on every save; the rules that need the other answers (visibility, required, validators)
// run at completion (see validate.ts).
import type { ChoiceValue } from '../core/questionnaire/describe-element';
import type { FormNode } from './compile';
import { formError, showValue, type FormError, type FormErrorCode } from './errors';
import { checkTextRules } from './validators';
import { checkFile } from './files';

/** SurveyJS allows 1000 dynamic rows by default; a person filling in a form needs far fewer. */
export const MAX_ROWS = 100;

export interface ShapeContext {
	errors: FormError[];
	maxTextLength: number;
	/** The top-level answer key being checked. */
	top: string;
}

export type Answers = Record<string, unknown>;

const COMMENT = '-Comment';
/** SurveyJS's suffix for a matrix's column totals (`settings.matrix.totalsSuffix`). */
export const TOTAL = '-total';

/** undefined, null, '', [] and {} mean "not answered" (SurveyJS omits them, but clients may send them). */
export function isEmptyAnswer(v: unknown): boolean {
	if (v === undefined || v === null || v === '') return true;
	if (Array.isArray(v)) return v.length === 0;
	return typeof v === 'object' && Object.keys(v as object).length === 0;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function showValues(values: readonly ChoiceValue[]): string {
	const shown = values.slice(0, 12).map(showValue).join(', ');
	return values.length > 12 ? `${shown}, … (${values.length} in all)` : shown;
}

export function indexByKey(nodes: FormNode[]): Map<string, FormNode[]> {
	const map = new Map<string, FormNode[]>();
	for (const n of nodes) if (n.key) map.set(n.key, [...(map.get(n.key) ?? []), n]);
	return map;
}

/** The questions of a dynamic panel template, a matrix's columns or multipletext's items, by key (flattening panels). */
export function innerQuestions(node: FormNode): FormNode[] {
	const out: FormNode[] = [];
	const visit = (list: FormNode[]) => list.forEach((n) => (n.kind === 'question' ? out.push(n) : visit(n.children)));
	visit(node.children);
	return out;
}

const innerCache = new WeakMap<FormNode, Map<string, FormNode[]>>();
export function innerByKey(node: FormNode): Map<string, FormNode[]> {
	let m = innerCache.get(node);
	if (!m) innerCache.set(node, (m = indexByKey(innerQuestions(node))));
	return m;
}

/**
 * Checks one object of key → value (the answers, a dynamic row or panel, a matrixdropdown row) against
 * the questions by key and returns the cleaned copy: empty answers left out, `-Comment` texts kept where
 * the question has a comment or other item, values of expression questions left out (the server
 * computes them).
 */
export function shapeRecord(byKey: Map<string, FormNode[]>, record: Answers, label: string, ctx: ShapeContext, topLevel: boolean): Answers {
	const cleaned: Answers = {};
	for (const [key, value] of Object.entries(record)) {
		const at = label + key;
		const top = topLevel ? key : ctx.top;
		const sub: ShapeContext = { ...ctx, top };
		const nodes = byKey.get(key);
		if (!nodes && key.endsWith(COMMENT)) {
			const base = byKey.get(key.slice(0, -COMMENT.length))?.[0];
			if (base?.info?.hasComment) {
				if (isEmptyAnswer(value)) continue;
				if (typeof value !== 'string') ctx.errors.push(formError(top, at, 'notText', { value: showValue(value) }));
				else if (value.length > ctx.maxTextLength) ctx.errors.push(formError(top, at, 'tooLong', { count: value.length, max: ctx.maxTextLength }));
				else cleaned[key] = value;
				continue;
			}
		}
		// A matrix's column totals (`<key>-total`) are computed by the server; the client's copy is ignored.
		if (!nodes && key.endsWith(TOTAL) && byKey.get(key.slice(0, -TOTAL.length))?.[0]?.totals) continue;
		if (!nodes) {
			ctx.errors.push(formError(top, at, 'unknownQuestion'));
			continue;
		}
		const node = nodes[0];
		if (node.type === 'expression' || node.info?.kind === 'none' || isEmptyAnswer(value)) continue;
		const ok = shapeValue(node, value, at, sub);
		if (ok !== undefined) cleaned[key] = ok;
	}
	return cleaned;
}

function choiceAllowed(node: FormNode, v: unknown): boolean {
	if (node.choicesFrom) return ['string', 'number', 'boolean'].includes(typeof v);
	return (node.info?.values ?? []).includes(v as ChoiceValue);
}

/** Returns the cleaned value, or undefined after pushing an error. */
export function shapeValue(node: FormNode, value: unknown, at: string, ctx: ShapeContext): unknown {
	const info = node.info!;
	const fail = (code: FormErrorCode, params: Record<string, string | number> = {}) => {
		ctx.errors.push(formError(ctx.top, at, code, params));
		return undefined;
	};
	const notAllowed = (v: unknown) => fail('notAllowed', { value: showValue(v), allowed: showValues(info.values ?? []) });
	const otherText = info.hasOther && node.othersAsValue;
	switch (info.kind) {
		case 'number-choice':
		case 'text-choice':
		case 'boolean':
			if (typeof value === 'object') return fail('notSingle', { value: showValue(value) });
			if (info.kind === 'number-choice' && typeof value !== 'number' && !node.choicesFrom) return fail('notNumber', { value: showValue(value) });
			if (!choiceAllowed(node, value) && !(otherText && typeof value === 'string')) return notAllowed(value);
			return value;
		case 'multi-choice':
		case 'ranking': {
			if (!Array.isArray(value)) return fail('notList', { value: showValue(value) });
			const seen = new Set<unknown>();
			for (const v of value) {
				if (seen.has(v)) return fail('duplicate', { value: showValue(v) });
				seen.add(v);
				const custom = (info.allowCustom || otherText) && typeof v === 'string' && v.trim() !== '';
				if (!choiceAllowed(node, v) && !custom) return notAllowed(v);
				if (custom && (v as string).length > ctx.maxTextLength) return fail('tooLong', { count: (v as string).length, max: ctx.maxTextLength });
			}
			const exclusive = (node.choices ?? []).filter((c) => c.exclusive && seen.has(c.value));
			if (exclusive.length > 0 && value.length > 1) return fail('exclusive', { value: showValue(exclusive[0].value) });
			const max = node.json.maxSelectedChoices;
			if (info.kind === 'multi-choice' && typeof max === 'number' && max > 0 && value.length > max) return fail('tooManySelected', { max });
			return [...value];
		}
		case 'text': {
			const limit = info.maxLength ?? ctx.maxTextLength;
			const rule = checkTextRules(node.json, value);
			// The stored type and min/max hold on every save: SurveyJS never stores a value outside them.
			if (rule && ['notNumber', 'notText', 'outOfRange', 'format'].includes(rule.code)) return fail(rule.code, { value: showValue(value), ...rule.params });
			if (typeof value === 'string' && value.length > limit) return fail('tooLong', { count: value.length, max: limit });
			return value;
		}
		case 'slider': {
			const s = info.slider!;
			const one = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= s.min && v <= s.max;
			if (s.range) {
				if (!Array.isArray(value) || value.length !== 2) return fail('notList', { value: showValue(value) });
				if (!value.every(one) || value[0] > value[1]) return fail('outOfRange', { value: showValue(value), min: s.min, max: s.max });
				return [...value];
			}
			if (typeof value !== 'number') return fail('notNumber', { value: showValue(value) });
			if (!one(value)) return fail('outOfRange', { value: showValue(value), min: s.min, max: s.max });
			return value;
		}
		case 'matrix':
			return shapeMatrix(node, value, at, ctx, fail);
		case 'matrixdropdown': {
			if (!isRecord(value)) return fail('notObject', { value: showValue(value) });
			const rows = info.rows ?? [];
			const out: Answers = {};
			for (const [row, cells] of Object.entries(value)) {
				if (!rows.some((r) => String(r) === row)) return fail('unknownRow', { row: showValue(row) });
				if (isEmptyAnswer(cells)) continue;
				if (!isRecord(cells)) return fail('notObject', { value: showValue(cells) });
				const cleaned = shapeCells(node, cells, `${at}.${row}.`, ctx);
				if (cleaned === undefined) return undefined;
				if (!isEmptyAnswer(cleaned)) out[row] = cleaned;
			}
			return out;
		}
		case 'multipletext': {
			if (!isRecord(value)) return fail('notObject', { value: showValue(value) });
			return shapeCells(node, value, `${at}.`, ctx);
		}
		case 'dynamic': {
			if (!Array.isArray(value)) return fail('notList', { value: showValue(value) });
			const max = Math.min(MAX_ROWS, info.maxRows ?? MAX_ROWS);
			if (value.length > max) return fail('tooManyRows', { count: value.length, max });
			const before = ctx.errors.length;
			const rows = value.map((row, i) => {
				if (!isRecord(row)) return fail('notObject', { value: showValue(row) });
				return shapeRecord(innerByKey(node), row, `${at}[${i}].`, ctx, false);
			});
			return ctx.errors.length > before ? undefined : rows;
		}
		case 'file':
			return checkFile(node, value, at, ctx);
		default:
			return fail('notAllowed', { value: showValue(value), allowed: '(none: this element takes no answer)' });
	}
}

/** A matrixdropdown row or multipletext value: unknown cells are refused by column/item name. */
function shapeCells(node: FormNode, cells: Answers, label: string, ctx: ShapeContext): Answers | undefined {
	const byKey = innerByKey(node);
	const before = ctx.errors.length;
	for (const key of Object.keys(cells)) {
		if (!byKey.has(key) && !key.endsWith(COMMENT)) ctx.errors.push(formError(ctx.top, label + key, node.type === 'multipletext' ? 'unknownQuestion' : 'unknownColumn', { column: showValue(key) }));
	}
	if (ctx.errors.length > before) return undefined;
	const cleaned = shapeRecord(byKey, cells, label, ctx, false);
	return ctx.errors.length > before ? undefined : cleaned;
}

function shapeMatrix(node: FormNode, value: unknown, at: string, ctx: ShapeContext, fail: (c: FormErrorCode, p?: Record<string, string | number>) => undefined) {
	const info = node.info!;
	if (!isRecord(value)) return fail('notObject', { value: showValue(value) });
	const rows = info.rows ?? [];
	const columns = info.values ?? [];
	const multi = node.json.cellType === 'checkbox';
	const out: Answers = {};
	for (const [row, v] of Object.entries(value)) {
		const rowAt = `${at}.${row}`;
		if (!rows.some((r) => String(r) === row)) {
			ctx.errors.push(formError(ctx.top, rowAt, 'unknownRow', { row: showValue(row) }));
			return undefined;
		}
		if (isEmptyAnswer(v)) continue;
		const list = multi ? v : [v];
		if (!Array.isArray(list)) {
			ctx.errors.push(formError(ctx.top, rowAt, 'notList', { value: showValue(v) }));
			return undefined;
		}
		for (const c of list) {
			if (!columns.includes(c as ChoiceValue)) {
				ctx.errors.push(formError(ctx.top, rowAt, 'notAllowed', { value: showValue(c), allowed: showValues(columns) }));
				return undefined;
			}
		}
		out[row] = v;
	}
	return out;
}
