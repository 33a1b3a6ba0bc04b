// The message shown next to a question of the plain HTML form for an answer error of the form model:
// SurveyJS's own words in the person's language where SurveyJS has a message for that rule (so a
// page says the same with and without JavaScript), the author's validator text where there is one,
// and otherwise Spejl's translated message for the error code.
import { surveyLocalization } from 'survey-core';
import 'survey-core/i18n/danish';
import { formatFormError, formErrorKey, type FormError, type FormModel } from '$lib/form-model';
import { localize } from '$lib/core/localize';
import type { LocalizedString } from '$lib/core/questionnaire/types';
import type { Translate } from '$lib/i18n';

/** SurveyJS's UI string in a language (English when it has none). */
export const surveyString = (key: string, locale: string): string =>
	surveyLocalization.getString(key, locale === 'en' ? '' : locale) ?? key;

const fill = (text: string, ...args: (string | number)[]) => args.reduce<string>((s, a, i) => s.replace(`{${i}}`, String(a)), text);

/** The author's own text of the validator that failed (`validators[].text`), in the person's language. */
function authorText(model: FormModel, e: FormError, locale: string): string | null {
	const standard = `${e.at}: ${formatFormError(e.code, e.params)}`;
	if (e.message === standard) return null;
	const given = e.message.slice(e.at.length + 2);
	const node = model.byKey.get(e.name)?.[0];
	const validators = Array.isArray(node?.json.validators) ? node.json.validators : [];
	for (const v of validators) {
		const text = (v as { text?: unknown }).text;
		const plain = typeof text === 'string' ? text : (text as { default?: unknown } | undefined)?.default;
		if (plain === given) return localize(text as LocalizedString, locale);
	}
	return given;
}

export function plainErrorMessage(model: FormModel, e: FormError, locale: string, t: Translate): string {
	const own = authorText(model, e, locale);
	if (own) return own;
	const s = (key: string, ...args: (string | number)[]) => fill(surveyString(key, locale), ...args);
	const p = e.params;
	switch (e.code) {
		case 'required': {
			// A Likert grid whose every row must be answered names the row in `at` (plan.week).
			const node = model.byKey.get(e.name)?.[0];
			return node?.type === 'matrix' && e.at !== e.name ? s('requiredInAllRowsError') : s('requiredError');
		}
		case 'notNumber':
			return s('numericError');
		case 'outOfRange':
			return Number(String(p.value).replace(/"/g, '')) < Number(p.min) ? s('minError', p.min) : s('maxError', p.max);
		case 'step':
			return s('stepError', p.step);
		case 'tooShort':
			return s('textMinLength', p.min);
		case 'tooLong':
			return s('textMaxLength', p.max);
		case 'tooFewSelected':
			return s('minSelectError', p.min);
		case 'tooManySelected':
			return s('maxSelectError', p.max);
		case 'email':
			return s('invalidEmail');
		case 'tooFewRows':
			return s('minRowCountError', p.min);
		default:
			return t(formErrorKey(e.code), p);
	}
}
