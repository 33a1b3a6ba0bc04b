// SurveyJS's validators (numeric, text, regex, email, expression, answercount) and the checks a text
// question makes by itself (inputType min/max, email, masks), run on the server as SurveyJS runs them.
import { isObject, type Json } from '../core/questionnaire/checks';
import type { QuestionnaireProblem } from '../core/questionnaire/types';
import { compileCondition, type Condition, type Values } from './expressions';
import type { FormErrorCode } from './errors';

export type Validator =
	| { type: 'numeric'; min: number | null; max: number | null; text?: string }
	| { type: 'text'; minLength: number; maxLength: number; allowDigits: boolean; text?: string }
	| { type: 'regex'; regex: RegExp; text?: string }
	| { type: 'email'; text?: string }
	| { type: 'expression'; condition: Condition; text?: string }
	| { type: 'answercount'; min: number; max: number; text?: string };

/** SurveyJS's own email pattern (EmailValidator in survey-core 2.5). */
export const EMAIL = /^(([^<>()[\]\.,;:\s@"]+(\.[^<>()[\]\.,;:\s@"]+)*)|(".+"))@(([^<>()=[\]\.,;:\s@"]+\.)+[^<>()=[\]\.,;:\s@"]{2,})$/i;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Parses a question's `validators` array; unknown validator types and bad expressions become problems. */
export function compileValidators(list: unknown, path: string, problems: QuestionnaireProblem[]): Validator[] {
	if (!Array.isArray(list)) return [];
	const out: Validator[] = [];
	list.forEach((v: unknown, i) => {
		const p = `${path}[${i}]`;
		if (!isObject(v)) return;
		const text = typeof v.text === 'string' ? v.text : isObject(v.text) && typeof v.text.default === 'string' ? v.text.default : undefined;
		const type = String(v.type ?? '').replace(/validator$/, '');
		if (type === 'numeric') out.push({ type, min: num(v.minValue), max: num(v.maxValue), text });
		else if (type === 'text')
			out.push({ type, minLength: num(v.minLength) ?? 0, maxLength: num(v.maxLength) ?? 0, allowDigits: v.allowDigits !== false, text });
		else if (type === 'regex') {
			if (typeof v.regex !== 'string' || v.regex === '') return;
			try {
				out.push({ type, regex: new RegExp(v.regex, v.caseInsensitive === true || v.insensitive === true ? 'i' : ''), text });
			} catch (e) {
				problems.push({ path: `${p}.regex`, message: `is not a valid regular expression: ${(e as Error).message}` });
			}
		} else if (type === 'email') out.push({ type, text });
		else if (type === 'expression') {
			// survey-core skips a validator without an expression (or an empty one) …
			if (v.expression === undefined || v.expression === null || (typeof v.expression === 'string' && v.expression.trim() === '')) return;
			const condition = compileCondition(v.expression);
			if (typeof condition !== 'string') out.push({ type, condition, text });
			else {
				// … but fails one it cannot parse, on every visible question, so the page can never be completed.
				problems.push({ path: `${p}.expression`, message: `${condition}; SurveyJS fails this validator whenever the question is shown, so the form can never be completed` });
				out.push({ type, condition: { text: String(v.expression), run: () => false }, text });
			}
		} else if (type === 'answercount') out.push({ type, min: num(v.minCount) ?? 0, max: num(v.maxCount) ?? 0, text });
		else problems.push({ path: `${p}.type`, message: `unknown validator type ${JSON.stringify(v.type)}` });
	});
	return out;
}

export interface RuleFailure {
	code: FormErrorCode;
	params: Record<string, string | number>;
	/** The author's own error text (`validators[].text`), when given. */
	text?: string;
}

const isNumberLike = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));

/** The first validator that fails for a non-empty value, as SurveyJS reports one error per question. */
export function runValidators(validators: Validator[], value: unknown, values: Values): RuleFailure | undefined {
	for (const v of validators) {
		const fail = (code: FormErrorCode, params: Record<string, string | number> = {}): RuleFailure => ({ code, params, text: v.text });
		switch (v.type) {
			case 'numeric': {
				if (!isNumberLike(value)) return fail('notNumber');
				const n = Number(value);
				if ((v.min !== null && n < v.min) || (v.max !== null && n > v.max)) return fail('outOfRange', { min: v.min ?? '−∞', max: v.max ?? '∞' });
				break;
			}
			case 'text': {
				if (typeof value !== 'string') break;
				if (!v.allowDigits && /\d+$/.test(value)) return fail('noDigits');
				if (v.minLength > 0 && value.length < v.minLength) return fail('tooShort', { count: value.length, min: v.minLength });
				if (v.maxLength > 0 && value.length > v.maxLength) return fail('tooLong', { count: value.length, max: v.maxLength });
				break;
			}
			case 'regex': {
				const all = Array.isArray(value) ? value : [value];
				if (all.some((x) => !v.regex.test(String(x)))) return fail('pattern', { pattern: v.regex.source });
				break;
			}
			case 'email':
				if (typeof value === 'string' && value !== '' && !EMAIL.test(value)) return fail('email');
				break;
			case 'expression':
				if (!v.condition.run(values)) return fail('expression', { expression: v.condition.text });
				break;
			case 'answercount':
				if (!Array.isArray(value) || value.length === 0) break;
				if (v.min && value.length < v.min) return fail('tooFewSelected', { min: v.min });
				if (v.max && value.length > v.max) return fail('tooManySelected', { max: v.max });
				break;
		}
	}
	return undefined;
}

const DATE_TYPES: Record<string, RegExp> = {
	date: /^\d{4}-\d{2}-\d{2}$/,
	'datetime-local': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/,
	month: /^\d{4}-\d{2}$/,
	week: /^\d{4}-W\d{2}$/,
	time: /^\d{2}:\d{2}(:\d{2})?$/
};

/** A `maskSettings.pattern` (9 digit, a letter, # letter or digit, others literal) as a RegExp of the stored value. */
function patternMask(pattern: string, saveMasked: boolean): RegExp {
	const part = (ch: string) => (ch === '9' ? '\\d' : ch === 'a' ? '[A-Za-z]' : ch === '#' ? '[A-Za-z0-9]' : saveMasked ? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '');
	return new RegExp(`^${[...pattern].map(part).join('')}$`);
}

/**
 * What a text question checks by itself for a non-empty value: the stored type for its inputType and
 * mask (a number for number/range and numeric/currency masks), min/max, the date formats, email, the
 * pattern mask. Returns the first failure.
 */
export function checkTextRules(el: Json, value: unknown): RuleFailure | undefined {
	const inputType = typeof el.inputType === 'string' ? el.inputType : 'text';
	const mask = typeof el.maskType === 'string' ? el.maskType : 'none';
	const settings = isObject(el.maskSettings) ? el.maskSettings : {};
	// Masks store the unmasked value (a number for numeric and currency) unless saveMaskedValue is set.
	const numeric = inputType === 'number' || inputType === 'range' || ((mask === 'numeric' || mask === 'currency') && settings.saveMaskedValue !== true);
	if (numeric) {
		if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'notNumber', params: {} };
		const min = num(el.min) ?? (mask !== 'none' ? num(settings.min) : null);
		const max = num(el.max) ?? (mask !== 'none' ? num(settings.max) : null);
		if ((min !== null && value < min) || (max !== null && value > max)) return { code: 'outOfRange', params: { min: min ?? '−∞', max: max ?? '∞' } };
		if (mask === 'numeric' && settings.allowNegativeValues === false && value < 0) return { code: 'outOfRange', params: { min: 0, max: max ?? '∞' } };
		const step = num(el.step);
		if (inputType === 'number' && step !== null && step > 0 && Math.abs(value / step - Math.round(value / step)) > 1e-9) return { code: 'step', params: { step } };
		return undefined;
	}
	if (typeof value !== 'string') return { code: 'notText', params: {} };
	const dateFormat = DATE_TYPES[inputType];
	if (dateFormat) {
		if (!dateFormat.test(value)) return { code: 'format', params: { format: inputType } };
		const min = typeof el.min === 'string' ? el.min : undefined;
		const max = typeof el.max === 'string' ? el.max : undefined;
		if ((min && value < min) || (max && value > max)) return { code: 'outOfRange', params: { min: min ?? '', max: max ?? '' } };
	}
	if (inputType === 'email' && !EMAIL.test(value)) return { code: 'email', params: {} };
	if (inputType === 'color' && !/^#[0-9a-f]{6}$/i.test(value)) return { code: 'format', params: { format: 'color' } };
	if (mask === 'pattern' && typeof settings.pattern === 'string' && !patternMask(settings.pattern, settings.saveMaskedValue === true).test(value)) {
		return { code: 'pattern', params: { pattern: settings.pattern } };
	}
	if (mask === 'datetime' && typeof settings.pattern === 'string' && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$|^\d{2}:\d{2}(:\d{2})?$/.test(value) && settings.saveMaskedValue !== true) {
		return { code: 'format', params: { format: 'datetime' } };
	}
	return undefined;
}
