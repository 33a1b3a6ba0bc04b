/** Validation of submitted answers against a questionnaire's form (DESIGN §3.2, last paragraph). */
import type { Answers, Questionnaire } from '../questionnaire/types.ts';
import { elementsOf, type ElementInfo } from '../questionnaire/elements.ts';
import { checkValue, isEmptyAnswer, type AnswerContext } from './check-value.ts';

export interface AnswerError {
	/** The top-level element the error is about ('' for the payload as a whole). */
	name: string;
	message: string;
}

export interface ValidateAnswersOptions {
	/** true while in progress (pause/resume): required questions may still be empty. */
	partial?: boolean;
	/** Longest text accepted where a question sets no maxLength of its own (default 5000). */
	maxTextLength?: number;
}

export type AnswersValidation = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

const COMMENT = '-Comment';

/** Checks one object of name → value (the answers, or one dynamic row) and returns its cleaned copy. */
export function checkRecord(
	elements: Map<string, ElementInfo>,
	record: Record<string, unknown>,
	label: string,
	ctx: AnswerContext
): Answers {
	const cleaned: Answers = {};
	for (const [key, value] of Object.entries(record)) {
		const at = label + key;
		const top = ctx.top ?? key;
		const base = key.endsWith(COMMENT) ? elements.get(key.slice(0, -COMMENT.length)) : undefined;
		const el = elements.get(key);
		if (!el && base?.hasComment) {
			const text = checkValue({ ...base, kind: 'text', maxLength: undefined, numeric: false }, value, at, { ...ctx, top });
			if (text !== undefined && !isEmptyAnswer(text)) cleaned[key] = text;
			continue;
		}
		if (!el) {
			ctx.errors.push({ name: top, message: `${at}: there is no question with this name` });
			continue;
		}
		// Expression/html values are computed in the browser; the server never trusts or stores them.
		if (el.kind === 'none' || isEmptyAnswer(value)) continue;
		const ok = checkValue(el, value, at, { ...ctx, top, checkRow: checkRecord });
		if (ok !== undefined) cleaned[key] = ok;
	}
	if (!ctx.partial) {
		for (const el of elements.values()) {
			// A conditional question may be hidden; only SurveyJS can evaluate the condition.
			if (el.isRequired && !el.conditional && isEmptyAnswer(cleaned[el.name])) {
				ctx.errors.push({ name: ctx.top ?? el.name, message: `${label}${el.name}: an answer is required` });
			}
		}
	}
	return cleaned;
}

/**
 * Validates answers as SurveyJS produces them (`survey.data`) against the questionnaire's form: unknown
 * names, values outside an item's choices, wrong types, over-long text (the question's maxLength, else
 * `maxTextLength`, default 5000), more than 100 dynamic rows, and — unless `partial` — unanswered
 * required questions. Every error is reported; on success a cleaned copy (empty answers and computed
 * expression values dropped) is returned.
 *
 * Reference: DESIGN.md §3.2 ("Answers are validated before scoring"); SurveyJS data format,
 * https://surveyjs.io/form-library/documentation/design-survey/create-a-simple-survey#access-survey-results
 * @example validateAnswers(q, { R3: 7 }) // → { ok: false, errors: [{ name: 'R3', message: 'R3: 7 is not one of the allowed values 1, 2, 3, 4, 5' }] }
 */
export function validateAnswers(q: Questionnaire, answers: unknown, options: ValidateAnswersOptions = {}): AnswersValidation {
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
		return { ok: false, errors: [{ name: '', message: 'answers must be an object of question name → value' }] };
	}
	const ctx: AnswerContext = { errors: [], partial: options.partial === true, maxTextLength: options.maxTextLength ?? 5000 };
	const cleaned = checkRecord(elementsOf(q.survey), answers as Record<string, unknown>, '', ctx);
	return ctx.errors.length > 0 ? { ok: false, errors: ctx.errors } : { ok: true, answers: cleaned };
}
