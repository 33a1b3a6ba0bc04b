/** What one SurveyJS element accepts as an answer, with SurveyJS's defaults spelled out. */
import { isObject, type Json } from './checks.ts';

/** The shape of an answer: a number from a list, a string or number from a list, an array of choices, … */
export type ElementKind =
	| 'number-choice'
	| 'text-choice'
	| 'multi-choice'
	| 'ranking'
	| 'text'
	| 'boolean'
	| 'dynamic'
	| 'matrix'
	| 'matrixdropdown'
	| 'multipletext'
	| 'slider'
	| 'file'
	| 'none';

/** A scalar that SurveyJS stores as an answer value. */
export type ChoiceValue = string | number | boolean;

export interface ElementInfo {
	name: string;
	/** SurveyJS type, e.g. `rating`; for matrix columns the effective `cellType`. */
	type: string;
	/** JSON path, e.g. `$.survey.pages[0].elements[3]`. */
	path: string;
	kind: ElementKind;
	/** Allowed values (including `other`, `none`, … when shown); undefined for free text. */
	values?: ChoiceValue[];
	/** `showOtherItem`/`hasOther`: `other` is allowed and `<name>-Comment` holds its text. */
	hasOther: boolean;
	/** `showCommentArea`/`hasComment`/other item: `<name>-Comment` is a valid answer key. */
	hasComment: boolean;
	/** tagbox `allowCustomChoices`: any string is allowed besides `values`. */
	allowCustom: boolean;
	/** Text answers: the question's own maxLength when positive. */
	maxLength?: number;
	/** Text answers: `inputType` number/range store numbers. */
	numeric: boolean;
	isRequired: boolean;
	/** `visibleIf`/`enableIf`/`requiredIf` on it or an enclosing panel: the core can't tell if it applies. */
	conditional: boolean;
	/** matrixdynamic columns / paneldynamic template questions, by name. */
	cells?: Map<string, ElementInfo>;
	/** Most rows a dynamic question may have (`maxRowCount`/`maxPanelCount`), when set. */
	maxRows?: number;
	/** The choice objects as written (`choices`, `rateValues`, matrix `columns`), for `valueFrom`; plain values are left out. */
	choiceItems?: Json[];
	/** matrix / matrixdropdown: the row values (a matrix answer is row → column value). */
	rows?: ChoiceValue[];
	/** slider: lowest, highest and step; `range` when the answer is a [low, high] pair. */
	slider?: { min: number; max: number; step: number; range: boolean };
	/** Set when the SurveyJS type is not one the core knows how to validate. */
	unsupported?: boolean;
}

export const NO_ANSWER = new Set(['html', 'image', 'expression', 'empty']);

/** Every built-in SurveyJS 2.5 question type (custom widgets register others, which Spejl cannot render). */
export const BUILT_IN_TYPES = new Set([
	'text', 'comment', 'radiogroup', 'dropdown', 'checkbox', 'tagbox', 'ranking', 'imagepicker', 'rating',
	'slider', 'boolean', 'matrix', 'matrixdropdown', 'matrixdynamic', 'multipletext', 'paneldynamic',
	'expression', 'html', 'image', 'file', 'signaturepad', 'panel', 'flowpanel', 'buttongroup', 'imagemap', 'empty'
]);
const SINGLE = new Set(['radiogroup', 'dropdown', 'buttongroup']);
const MULTI = new Set(['checkbox', 'tagbox']);

/**
 * The value SurveyJS stores for one choice, row or column: `c.value` of an object, else `c` itself; a
 * text written as `"value|text"` (SurveyJS's itemValueSeparator) stores what comes before the `|`.
 * @example choiceValueOf('many|More than one') // → 'many'
 */
export function choiceValueOf(c: unknown): unknown {
	const v = isObject(c) ? c.value : c;
	if (typeof v !== 'string') return v;
	const bar = v.indexOf('|');
	return bar > -1 ? v.slice(0, bar) : v;
}

/** Choice values from SurveyJS `choices`/`rateValues`: plain values, `"value|text"` or `{ value, text }`. */
export function itemValues(list: unknown): ChoiceValue[] | undefined {
	if (!Array.isArray(list)) return undefined;
	return list.map(choiceValueOf).filter((v): v is ChoiceValue => ['string', 'number', 'boolean'].includes(typeof v));
}

/**
 * A boolean SurveyJS property: SurveyJS reads `true` and the text `"true"` alike (forms written by
 * hand often quote it, e.g. `"hasOther": "true"`).
 */
export function isOn(v: unknown): boolean {
	return v === true || v === 'true';
}

/** Numbers SurveyJS adds to a dropdown's choices from choicesMin … choicesMax by choicesStep (default 1). */
function rangeChoices(el: Json): number[] {
	if (typeof el.choicesMin !== 'number' || typeof el.choicesMax !== 'number') return [];
	const step = typeof el.choicesStep === 'number' && el.choicesStep > 0 ? el.choicesStep : 1;
	const out: number[] = [];
	for (let i = 0; el.choicesMin + i * step <= el.choicesMax + 1e-9 && i < 1000; i++) out.push(Number((el.choicesMin + i * step).toFixed(10)));
	return out;
}

/** Values of a rating question: `rateValues`, else rateMin (1) … rateMax (5) by rateStep (1). */
function ratingValues(el: Json): ChoiceValue[] {
	const listed = itemValues(el.rateValues);
	if (listed && listed.length > 0) return listed;
	const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
	const [min, max, step] = [num(el.rateMin, 1), num(el.rateMax, 5), num(el.rateStep, 1)];
	const out: number[] = [];
	// Counting steps (not adding step repeatedly) avoids 0.1 + 0.2 drift; 1000 caps a bad step.
	for (let i = 0; step > 0 && min + i * step <= max + 1e-9 && i < 1000; i++) {
		out.push(Number((min + i * step).toFixed(10)));
	}
	return out;
}

/** Special items SurveyJS adds to choice lists when they are switched on. */
function specialValues(el: Json): ChoiceValue[] {
	const out: ChoiceValue[] = [];
	if (isOn(el.showNoneItem) || isOn(el.hasNone)) out.push('none');
	if (isOn(el.showRefuseItem)) out.push('refused');
	if (isOn(el.showDontKnowItem)) out.push('dontknow');
	if (isOn(el.showOtherItem) || isOn(el.hasOther)) out.push('other');
	return out;
}

function positive(v: unknown): number | undefined {
	return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

/**
 * Describes what one element of the given (effective) SurveyJS type accepts. Defaults follow SurveyJS:
 * rating rateMin 1, rateMax 5, rateStep 1; boolean true/false unless valueTrue/valueFalse; choices plain
 * or `{ value, text }`; showOtherItem/hasOther, showNoneItem/hasNone, showRefuseItem, showDontKnowItem add
 * `other`, `none`, `refused`, `dontknow`. `conditional` says an enclosing panel or page has a condition.
 *
 * Reference: SurveyJS API reference, https://surveyjs.io/form-library/documentation/api-reference/question
 * @example describeElement({ name: 'r' }, 'rating', '$.survey.elements[0]', false).values // → [1, 2, 3, 4, 5]
 */
export function describeElement(el: Json, type: string, path: string, conditional: boolean): ElementInfo {
	const hasOther = isOn(el.showOtherItem) || isOn(el.hasOther);
	const info: ElementInfo = {
		name: String(el.name),
		type,
		path,
		kind: 'none',
		hasOther,
		hasComment: hasOther || isOn(el.showCommentArea) || isOn(el.hasComment),
		allowCustom: false,
		numeric: false,
		isRequired: isOn(el.isRequired),
		conditional: conditional || ['visibleIf', 'enableIf', 'requiredIf'].some((k) => k in el)
	};
	const listed = type === 'rating' ? el.rateValues : type === 'matrix' ? el.columns : el.choices;
	if (Array.isArray(listed)) info.choiceItems = listed.filter(isObject);
	if (type === 'rating') {
		info.values = ratingValues(el);
		info.kind = info.values.every((v) => typeof v === 'number') ? 'number-choice' : 'text-choice';
	} else if (SINGLE.has(type) || (type === 'imagepicker' && !isOn(el.multiSelect))) {
		const range = type === 'dropdown' ? rangeChoices(el) : [];
		info.values = [...(itemValues(el.choices) ?? []), ...range, ...specialValues(el)];
		const numeric = info.values.length > 0 && info.values.every((v) => typeof v === 'number');
		info.kind = numeric ? 'number-choice' : 'text-choice';
	} else if (MULTI.has(type) || type === 'imagepicker') {
		info.values = [...(itemValues(el.choices) ?? []), ...specialValues(el)];
		info.kind = 'multi-choice';
		info.allowCustom = type === 'tagbox' && el.allowCustomChoices === true;
	} else if (type === 'ranking') {
		info.values = itemValues(el.choices) ?? [];
		info.kind = 'ranking';
	} else if (type === 'text' || type === 'comment') {
		info.kind = 'text';
		info.maxLength = positive(el.maxLength);
		info.numeric = type === 'text' && (el.inputType === 'number' || el.inputType === 'range');
	} else if (type === 'boolean') {
		info.kind = 'boolean';
		info.values = [el.valueTrue ?? true, el.valueFalse ?? false] as ChoiceValue[];
	} else if (type === 'matrixdynamic' || type === 'paneldynamic') {
		info.kind = 'dynamic';
		info.maxRows = positive(type === 'matrixdynamic' ? el.maxRowCount : el.maxPanelCount);
	} else if (type === 'matrix') {
		info.rows = itemValues(el.rows) ?? [];
		info.values = itemValues(el.columns) ?? [];
		info.kind = 'matrix';
	} else if (type === 'matrixdropdown') {
		info.rows = itemValues(el.rows) ?? [];
		info.kind = 'matrixdropdown';
	} else if (type === 'multipletext') {
		info.kind = 'multipletext';
	} else if (type === 'slider') {
		const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
		info.slider = { min: num(el.min, 0), max: num(el.max, 100), step: num(el.step, 1), range: el.sliderType === 'range' };
		info.kind = 'slider';
	} else if (type === 'file' || type === 'signaturepad') {
		info.kind = 'file';
	} else if (!NO_ANSWER.has(type)) {
		info.unsupported = true;
	}
	return info;
}

