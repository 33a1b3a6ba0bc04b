// SurveyJS triggers that write a value: `setvalue` (a fixed value), `copyvalue` (another question's
// answer) and `runexpression` with `setToName` (an expression's result). In the browser they run when
// an answer their condition reads changes, and only then: a trigger that holds sets the value, one
// that fails leaves it as it was. What SurveyJS stores therefore depends on the order the person
// answered in, not only on the final answers, so the server cannot recompute every such value. It
// does what the final answers decide:
// - a name that is not a question (SurveyJS stores the value under it all the same) is accepted,
//   with a value this form's triggers can produce: one of the `setValue`s, an answer of the shape of
//   the `fromName` question, or (for `runexpression`) text, a number, true/false or a list of them;
// - at completion, a name written by one `setvalue` or `copyvalue` trigger alone that holds on the
//   final answers gets that trigger's value, the value SurveyJS ends with (the trigger last ran when
//   one of the answers it reads last changed, and it held then).
// A trigger writing a question's own answer needs nothing: the person may change the answer after it
// (SurveyJS lets them), and it is checked as that question's answer. Variables (`isVariable`) are
// not stored, and names with a path (`a.b`) are left to the answer they fall in.
// Reference: https://surveyjs.io/form-library/documentation/design-survey/conditional-logic#conditional-survey-logic-triggers
import { isObject, type Json } from '../core/questionnaire/checks';
import type { Condition, Values } from './expressions';
import { formError, showValue, type FormError } from './errors';

export interface ValueTrigger {
	kind: 'setvalue' | 'copyvalue' | 'runexpression';
	/** The name the value is stored under (`setToName`). */
	setTo: string;
	/** When it runs; none for a `copyvalue` without a condition (it copies whenever the source changes). */
	condition?: Condition;
	/** `setvalue`: the value set. */
	setValue?: unknown;
	/** `copyvalue`: the name copied from, and whether its display text is copied instead of its value. */
	from?: string;
	displayValue?: boolean;
}

/**
 * The value-writing triggers of a form, in order. `expressionOf` builds a trigger's condition text
 * (`expression`, or a legacy `name`/`operator`/`value`) as survey-core does; `conditionOf` parses it
 * (one that does not parse never holds, as in survey-core, and is reported as a problem).
 */
export function compileValueTriggers(
	triggers: unknown,
	expressionOf: (t: Json) => string,
	conditionOf: (text: string, index: number) => Condition | undefined
): ValueTrigger[] {
	if (!Array.isArray(triggers)) return [];
	const out: ValueTrigger[] = [];
	for (const [i, t] of triggers.entries()) {
		if (!isObject(t)) continue;
		const kind = String(t.type ?? '').replace(/trigger$/, '');
		if (kind !== 'setvalue' && kind !== 'copyvalue' && kind !== 'runexpression') continue;
		const setTo = typeof t.setToName === 'string' ? t.setToName.trim() : '';
		if (!setTo || setTo.includes('.') || t.isVariable === true || t.isVariable === 'true') continue;
		const text = expressionOf(t);
		const condition = text ? conditionOf(text, i) : undefined;
		// survey-core runs a trigger without a condition only when it copies (canSuccessOnEmptyExpression).
		if (!condition && kind !== 'copyvalue') continue;
		if (kind === 'setvalue') out.push({ kind, setTo, condition, setValue: t.setValue });
		else if (kind === 'copyvalue') {
			if (typeof t.fromName !== 'string' || t.fromName === '') continue;
			out.push({ kind, setTo, condition, from: t.fromName, displayValue: t.copyDisplayValue === true });
		} else if (typeof t.runExpression === 'string' && t.runExpression.trim() !== '') out.push({ kind, setTo, condition });
	}
	return out;
}

function equal(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
	if (isObject(a) && isObject(b)) {
		const keys = Object.keys(a);
		return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k], b[k]));
	}
	return false;
}

const MAX_LIST = 100;
const isScalar = (v: unknown, maxText: number) =>
	(typeof v === 'string' && v.length <= maxText) || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';

/**
 * Checks the value stored under a name only triggers write. `fromShape` checks a value as an answer to
 * the named question (for `copyvalue`), returning false when the name is not a question. Returns the
 * error, or null when one of the name's triggers can produce the value.
 */
export function checkTriggerValue(
	writers: ValueTrigger[],
	key: string,
	value: unknown,
	maxText: number,
	fromShape: (question: string, value: unknown) => boolean | undefined
): FormError | null {
	for (const w of writers) {
		if (w.kind === 'setvalue' && equal(value, w.setValue)) return null;
		if (w.kind === 'copyvalue' && !w.displayValue) {
			const shaped = fromShape(w.from!, value);
			if (shaped === true) return null;
			if (shaped === false) continue;
		}
		// runexpression, a copied display text, or a copy of something that is not a question
		if (w.kind !== 'setvalue' && (isScalar(value, maxText) || (Array.isArray(value) && value.length <= MAX_LIST && value.every((v) => isScalar(v, maxText)))))
			return null;
	}
	const fixed = writers.filter((w) => w.kind === 'setvalue').map((w) => showValue(w.setValue));
	return formError(key, key, 'notAllowed', { value: showValue(value), allowed: fixed.length === writers.length ? fixed.join(', ') : 'values this form’s triggers set' });
}

/**
 * At completion: the value a name written by one `setvalue` or `copyvalue` trigger alone ends with
 * when that trigger holds on the final answers (`values`), or `undefined` when the final answers do
 * not decide it (several triggers write it, it computes an expression, it copies something that is
 * no answer key (`isAnswerKey`), or it does not hold).
 */
export function decidedTriggerValue(writers: ValueTrigger[], values: Values, isAnswerKey: (name: string) => boolean): { value: unknown } | undefined {
	if (writers.length !== 1) return undefined;
	const [w] = writers;
	if (w.kind === 'runexpression' || w.displayValue || (w.kind === 'copyvalue' && !isAnswerKey(w.from!))) return undefined;
	if (w.condition && !w.condition.run(values)) return undefined;
	return { value: w.kind === 'setvalue' ? w.setValue : values[w.from!] };
}
