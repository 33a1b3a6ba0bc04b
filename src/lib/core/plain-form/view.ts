/**
 * One page of a SurveyJS form as plain HTML form controls (the page works without JavaScript):
 * radio groups (also ratings and booleans), checkboxes (also tagbox), selects, text and comment
 * fields, multipletext, Likert matrices as a table of radio buttons, ranking as numbered selects,
 * dynamic lists and panels as a few rows, html as content. Built from the same JSON SurveyJS renders.
 */
import type { Json } from '../questionnaire/checks.ts';
import type { LocalizedString } from '../questionnaire/types.ts';
import { localize } from '../localize.ts';
import type { ElementInfo } from '../questionnaire/describe-element.ts';
import { choiceItems, dynamicCells, type PageEntry, type Visibility } from './walk.ts';

export interface ViewChoice { id: string; value: string; label: string; checked: boolean }
interface Base {
	id: string;
	name: string;
	title: string;
	description: string;
	number: string;
	required: boolean;
	error: string;
	/** Shown with its answer but not changeable (`readOnly`, or `enableIf` does not hold). */
	disabled: boolean;
}
export type ViewQuestion =
	| (Base & { type: 'radio' | 'checkbox'; choices: ViewChoice[]; other: { id: string; value: string } | null })
	| (Base & { type: 'select'; choices: ViewChoice[]; placeholder: string })
	| (Base & { type: 'text'; inputType: string; multiline: boolean; value: string; maxLength: number | null })
	| (Base & { type: 'matrix'; columns: string[]; rows: { id: string; label: string; choices: ViewChoice[] }[] })
	| (Base & { type: 'ranking'; items: { id: string; label: string; place: number | null }[] })
	| (Base & { type: 'multipletext'; items: { id: string; label: string; value: string }[] })
	| (Base & { type: 'dynamic'; rows: ViewQuestion[][]; rowCount: number; addLabel: string; rowLabel: string });
export type ViewElement =
	| ViewQuestion
	| { type: 'html'; id: string; html: string }
	| { type: 'panel'; id: string; title: string; description: string; children: ViewElement[] };

/** A page of the plain form with its navigation. */
export interface PlainPage {
	index: number;
	/** 1-based position among the visible pages, and how many there are. */
	number: number;
	count: number;
	title: string;
	description: string;
	progress: string;
	elements: ViewElement[];
	prev: string | null;
	next: string | null;
	complete: string | null;
}

/** SurveyJS's own UI strings in the page's language (from survey-core's localisation). */
export interface FormStrings {
	placeholder: string;
	otherItemText: string;
	booleanCheckedLabel: string;
	booleanUncheckedLabel: string;
	addRow: string;
	addPanel: string;
}

export interface ViewContext {
	locale: string;
	answers: Record<string, unknown>;
	/** Messages by question name. */
	errors: Record<string, string>;
	strings: FormStrings;
	/** Blank rows to show after a dynamic question's answered rows, by question name (default 2). */
	blankRows?: Record<string, number>;
	/** Number of the first question on the page, or null when the survey shows no numbers. */
	firstNumber: number | null;
	/** The state of a dynamic question's cells in each row (from the page's `Visibility`); all shown without it. */
	cell?: Visibility['cell'];
	/** Whether a question can be changed now (from the page's `Visibility`); all can without it. */
	enabled?: Visibility['enabled'];
}

const text = (v: unknown, locale: string) => (v === undefined || v === null ? '' : typeof v === 'object' ? localize(v as LocalizedString, locale) : String(v));
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The view of a page's visible elements (from `pageEntries`). */
export function buildPageView(entries: PageEntry[], ctx: ViewContext): ViewElement[] {
	let n = ctx.firstNumber;
	const walk = (list: PageEntry[]): ViewElement[] =>
		list.map((e): ViewElement => {
			if (e.children) return { type: 'panel', id: e.id, title: text(e.json.title, ctx.locale), description: text(e.json.description, ctx.locale), children: walk(e.children) };
			if (!e.info) return { type: 'html', id: e.id, html: e.json.type === 'html' ? text(e.json.html, ctx.locale) : text(e.json.title, ctx.locale) };
			const number = n === null ? '' : `${n++}.`;
			return question(e.id, e.json, e.info, ctx.answers[e.info.name], ctx, number, !(ctx.enabled?.(e.json) ?? true));
		});
	return walk(entries);
}

function choicesOf(id: string, el: Json, info: ElementInfo, value: unknown, ctx: ViewContext, multi: boolean): ViewChoice[] {
	const chosen = multi ? (Array.isArray(value) ? value : []) : [value];
	return choiceItems(el, info).map((c, i) => ({
		id: `${id}-${i}`,
		value: String(i),
		label: c.value === 'other' && c.text === undefined ? text(el.otherText, ctx.locale) || ctx.strings.otherItemText : text(c.text ?? c.value, ctx.locale),
		checked: chosen.some((v) => v === c.value)
	}));
}

function question(id: string, el: Json, info: ElementInfo, value: unknown, ctx: ViewContext, number: string, disabled = false): ViewQuestion {
	const base: Base = {
		id,
		name: info.name,
		title: text(el.title, ctx.locale) || info.name,
		description: text(el.description, ctx.locale),
		number,
		required: info.isRequired,
		error: ctx.errors[info.name] ?? '',
		disabled
	};
	const otherField = () => (info.hasOther ? { id: `${id}.other`, value: String(ctx.answers[`${info.name}-Comment`] ?? '') } : null);
	switch (el.type) {
		case 'radiogroup':
		case 'rating':
		case 'imagepicker':
			if (el.type === 'imagepicker' && el.multiSelect === true) return { ...base, type: 'checkbox', choices: choicesOf(id, el, info, value, ctx, true), other: null };
			return { ...base, type: 'radio', choices: choicesOf(id, el, info, value, ctx, false), other: otherField() };
		case 'boolean': {
			const labels = [text(el.labelTrue, ctx.locale) || ctx.strings.booleanCheckedLabel, text(el.labelFalse, ctx.locale) || ctx.strings.booleanUncheckedLabel];
			const choices = (info.values ?? []).map((v, i) => ({ id: `${id}-${i}`, value: String(i), label: labels[i], checked: value === v }));
			return { ...base, type: 'radio', choices, other: null };
		}
		case 'checkbox':
		case 'tagbox':
			return { ...base, type: 'checkbox', choices: choicesOf(id, el, info, value, ctx, true), other: otherField() };
		case 'dropdown':
			return { ...base, type: 'select', choices: choicesOf(id, el, info, value, ctx, false), placeholder: text(el.placeholder, ctx.locale) || ctx.strings.placeholder };
		case 'text':
		case 'comment':
			return {
				...base,
				type: 'text',
				inputType: el.type === 'text' && typeof el.inputType === 'string' ? el.inputType : 'text',
				multiline: el.type === 'comment',
				value: value === undefined || value === null ? '' : String(value),
				maxLength: info.maxLength ?? null
			};
		case 'multipletext': {
			const items = (Array.isArray(el.items) ? el.items : []).filter(isObj);
			const own = isObj(value) ? value : {};
			return { ...base, type: 'multipletext', items: items.map((it, i) => ({ id: `${id}.t${i}`, label: text(it.title, ctx.locale) || String(it.name), value: own[String(it.name)] === undefined ? '' : String(own[String(it.name)]) })) };
		}
		case 'matrix': {
			const columns = (Array.isArray(el.columns) ? el.columns : []).map((c) => (isObj(c) ? { value: c.value, text: c.text ?? c.value } : { value: c, text: c }));
			const rows = (Array.isArray(el.rows) ? el.rows : []).map((r) => (isObj(r) ? { value: r.value, text: r.text ?? r.value } : { value: r, text: r }));
			const own = isObj(value) ? value : {};
			return {
				...base,
				type: 'matrix',
				columns: columns.map((c) => text(c.text, ctx.locale)),
				rows: rows.map((r, j) => ({
					id: `${id}.r${j}`,
					label: text(r.text, ctx.locale),
					choices: columns.map((c, i) => ({ id: `${id}.r${j}-${i}`, value: String(i), label: text(c.text, ctx.locale), checked: own[String(r.value)] === c.value }))
				}))
			};
		}
		case 'ranking': {
			const order = Array.isArray(value) ? value : [];
			return { ...base, type: 'ranking', items: choiceItems(el, info).map((c, i) => ({ id: `${id}.k${i}`, label: text(c.text ?? c.value, ctx.locale), place: order.indexOf(c.value) >= 0 ? order.indexOf(c.value) + 1 : null })) };
		}
		case 'matrixdynamic':
		case 'paneldynamic': {
			const rows = Array.isArray(value) ? value.filter(isObj) : [];
			const count = rows.length + (ctx.blankRows?.[info.name] ?? 2);
			const cells = dynamicCells(el);
			const view: ViewQuestion[][] = [];
			for (let r = 0; r < count; r++) {
				const row = rows[r] ?? {};
				// A cell hidden in this row (its condition on `{panel.x}` / `{row.x}` fails) gets no field; the
				// field ids keep the cell's position, so the other cells read back the same either way.
				view.push(
					cells.flatMap((c, j) => {
						const state = ctx.cell?.(el, c.info.name, row, r);
						if (state && !state.shown) return [];
						const info = state ? { ...c.info, isRequired: state.required } : c.info;
						return [question(`${id}.d${r}.c${j}`, c.json, info, row[c.info.name], { ...ctx, errors: {} }, '', base.disabled || state?.enabled === false)];
					})
				);
			}
			const addLabel = el.type === 'matrixdynamic' ? text(el.addRowText, ctx.locale) || ctx.strings.addRow : text(el.panelAddText, ctx.locale) || ctx.strings.addPanel;
			return { ...base, type: 'dynamic', rows: view, rowCount: count, addLabel, rowLabel: '' };
		}
		default:
			return { ...base, type: 'text', inputType: 'text', multiline: false, value: value === undefined ? '' : String(value), maxLength: null };
	}
}
