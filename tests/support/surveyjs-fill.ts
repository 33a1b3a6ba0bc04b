// Fills a SurveyJS form the way a respondent would, with survey-core itself (in Node): every visible
// question gets a value of its own shape (the first or the last choice, every row of a matrix, one or
// two dynamic panels, a file, a signature, …), then the survey completes as in the browser. The data
// SurveyJS ends with is what Spejl's server must accept, exactly.
import { Model } from 'survey-core';

/** A 1×1 PNG as a data URL: a valid file and signature answer. */
export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const TEXT = 'An answer typed in by the corpus test';
const CONTAINERS = new Set(['matrixdynamic', 'matrixdropdown', 'multipletext', 'paneldynamic']);
let typed = 0;
/** A text answer, different each time (a digit at the end), so choices taken from answers differ too. */
const text = () => `${TEXT} ${typed++ % 10}`;

/** 0: first choices, one dynamic row; 1: last choices (none, other with its text), two rows. */
export type Variant = 0 | 1;

// survey-core's question classes are not exported with their full types; the fill reads them loosely.
type Q = any;

function pick<T>(list: T[], variant: Variant): T | undefined {
	return variant === 0 ? list[0] : list[list.length - 1];
}

/** A digit, letter or literal for each character of a SurveyJS pattern mask. */
function fromPattern(pattern: string): string {
	return [...pattern].map((ch) => (ch === '9' ? '4' : ch === 'a' ? 'k' : ch === '#' ? '7' : ch)).join('');
}

function textValue(q: Q, variant: Variant): unknown {
	const validators: { getType(): string; minValue?: number; maxValue?: number }[] = q.validators ?? [];
	const has = (t: string) => validators.find((v) => v.getType().replace(/validator$/, '') === t);
	const numeric = has('numeric');
	if (q.maskType === 'numeric' || q.maskType === 'currency') return variant === 0 ? 12 : 1234.5;
	if (q.maskType === 'pattern' && q.maskSettings?.pattern) return fromPattern(q.maskSettings.pattern).replace(/[^\dA-Za-z]/g, '');
	if (q.maskType === 'datetime') return '2024-05-17';
	switch (q.inputType) {
		case 'number':
		case 'range': {
			const min = typeof q.min === 'number' ? q.min : numeric?.minValue;
			const max = typeof q.max === 'number' ? q.max : undefined;
			return variant === 0 ? (min ?? max ?? 3) : (max ?? min ?? 7);
		}
		case 'date':
			return q.min || q.max || '2020-05-17';
		case 'datetime-local':
			return '2020-05-17T10:30';
		case 'month':
			return '2020-05';
		case 'week':
			return '2020-W20';
		case 'time':
			return '10:30';
		case 'email':
			return 'ada@example.org';
		case 'color':
			return '#336699';
	}
	if (has('email')) return 'ada@example.org';
	if (numeric) return String(numeric.minValue ?? numeric.maxValue ?? 10);
	return text();
}

/** A text the question's regex validators refuse is replaced by the first of these they accept (digits, a postal code, …). */
const REGEX_CANDIDATES = ['123456789', '1234', '12345', '1234567890', 'ada@example.org', 'Ada', 'ABC123', '+4512345678', '2020-05-17'];
function matchRegex(q: Q): void {
	const regexes = (q.validators as Q[]).filter((v) => v.getType() === 'regexvalidator').map((v) => new RegExp(v.regex, v.caseInsensitive ? 'i' : ''));
	if (regexes.every((r) => r.test(String(q.value)))) return;
	const fits = REGEX_CANDIDATES.find((c) => regexes.every((r) => r.test(c)));
	if (fits !== undefined) q.value = q.inputType === 'number' ? Number(fits) : fits;
}

function isSpecial(q: Q, item: Q): boolean {
	return [q.selectAllItem, q.noneItem, q.otherItem, q.refuseItem, q.dontKnowItem].includes(item);
}

/** Picks a choice (and the other item's text when the other item is picked). */
function chooseOne(q: Q, variant: Variant): void {
	// Answered in an earlier pass: picking again would turn a typed-in other text back into "other".
	if (!q.isEmpty()) return;
	const c = pick(q.visibleChoices as Q[], variant);
	if (!c) return;
	q.value = c.value;
	if (q.otherItem && c.value === q.otherItem.value) q.otherValue = 'Something else';
}

function chooseMany(q: Q, variant: Variant): void {
	if (!q.isEmpty()) return;
	const regular = (q.visibleChoices as Q[]).filter((c) => !isSpecial(q, c));
	const max = q.maxSelectedChoices > 0 ? q.maxSelectedChoices : 2;
	const min = q.minSelectedChoices > 0 ? q.minSelectedChoices : 1;
	if (variant === 1 && q.noneItem && q.visibleChoices.includes(q.noneItem)) q.value = [q.noneItem.value];
	else if (variant === 1 && q.otherItem && q.visibleChoices.includes(q.otherItem)) {
		q.value = [...regular.slice(-Math.max(0, Math.min(max, min) - 1)).map((c) => c.value), q.otherItem.value];
		q.otherValue = 'Something else';
	} else q.value = (variant === 0 ? regular.slice(0, Math.max(min, Math.min(2, max))) : regular.slice(-Math.max(min, 1))).map((c) => c.value);
}

/** Gives one question (and everything inside it) a value of its shape, if it is visible and enabled. */
export function fillQuestion(q: Q, variant: Variant): void {
	if (!q.isVisible || q.isReadOnly) return;
	// Answered in an earlier pass (a value may show further questions, so the form is filled three times).
	if (!CONTAINERS.has(q.getType()) && !q.isEmpty()) return;
	switch (q.getType()) {
		case 'text':
			q.value = textValue(q, variant);
			if (q.validators?.some((v: Q) => v.getType() === 'regexvalidator')) matchRegex(q);
			break;
		case 'comment':
			q.value = text();
			break;
		case 'radiogroup':
		case 'dropdown':
		case 'buttongroup':
			chooseOne(q, variant);
			break;
		case 'imagepicker':
			if (q.multiSelect) chooseMany(q, variant);
			else chooseOne(q, variant);
			break;
		case 'checkbox':
		case 'tagbox':
			chooseMany(q, variant);
			break;
		case 'ranking': {
			const values = (q.visibleChoices as Q[]).map((c) => c.value);
			if (values.length > 0) q.value = variant === 0 ? values : [...values].reverse();
			break;
		}
		case 'rating': {
			const r = pick(q.visibleRateValues as Q[], variant);
			if (r) q.value = r.value;
			break;
		}
		case 'boolean':
			q.booleanValue = variant === 0;
			break;
		case 'slider': {
			const v = variant === 0 ? q.min : q.max;
			q.value = q.sliderType === 'range' ? [q.min, q.max] : v;
			break;
		}
		case 'matrix': {
			const col = pick(q.visibleColumns as Q[], variant);
			if (col) q.value = Object.fromEntries((q.visibleRows as Q[]).map((r) => [r.name, col.value]));
			break;
		}
		case 'matrixdynamic':
			if (q.rowCount === 0 || (variant === 1 && q.rowCount < 2 && (q.maxRowCount ?? 1000) >= 2)) q.rowCount = variant === 0 ? 1 : 2;
			for (const row of q.visibleRows as Q[]) for (const cell of row.cells as Q[]) fillQuestion(cell.question, variant);
			break;
		case 'matrixdropdown':
			for (const row of q.visibleRows as Q[]) for (const cell of row.cells as Q[]) fillQuestion(cell.question, variant);
			break;
		case 'multipletext':
			for (const item of q.items as Q[]) fillQuestion(item.editor, variant);
			break;
		case 'paneldynamic':
			if (q.panelCount === 0 || (variant === 1 && q.panelCount < 2 && (q.maxPanelCount ?? 100) >= 2)) q.panelCount = variant === 0 ? 1 : 2;
			for (const panel of q.panels as Q[]) for (const inner of panel.questions as Q[]) fillQuestion(inner, variant);
			break;
		case 'file':
			q.value = [{ name: 'photo.png', type: 'image/png', content: PNG }];
			break;
		case 'signaturepad':
			q.value = PNG;
			break;
	}
}

export interface Filled {
	/** `survey.data` just before completing (what the page saves along the way). */
	saved: Record<string, unknown>;
	/** `survey.data` after completing (hidden answers cleared as SurveyJS does). */
	completed: Record<string, unknown>;
	/** SurveyJS's own errors on the filled form, by question name: should be none. */
	errors: string[];
}

/**
 * Fills the form three times over (a value may show further questions), validates it with SurveyJS
 * and completes it.
 * @example fillSurvey({ elements: [{ type: 'rating', name: 'r' }] }, 0).completed // → { r: 1 }
 */
export function fillSurvey(json: object, variant: Variant): Filled {
	const survey = new Model(json);
	for (let pass = 0; pass < 3; pass++) for (const q of survey.getAllQuestions(true) as Q[]) fillQuestion(q, variant);
	const errors: string[] = [];
	if (!survey.validate(false)) {
		for (const q of survey.getAllQuestions(true) as Q[]) if (q.errors?.length) errors.push(`${q.name}: ${q.errors.map((e: Q) => e.text).join('; ')}`);
		if (errors.length === 0) errors.push('(the survey reports errors)');
	}
	const saved = JSON.parse(JSON.stringify(survey.data));
	survey.doComplete();
	const completed = JSON.parse(JSON.stringify(survey.data));
	survey.dispose();
	return { saved, completed, errors };
}
