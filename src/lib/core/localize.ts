import type { LocalizedString } from './questionnaire/types.ts';

/**
 * Picks the text for a locale from a localised string (SurveyJS's convention): the exact locale, then its
 * language (`da` for `da-DK`), then `default`, then the first value; a plain string is returned as is.
 *
 * Reference: SurveyJS localisation, https://surveyjs.io/form-library/documentation/survey-localization
 * @example localize({ default: 'Mirror', da: 'Spejl' }, 'da') // → 'Spejl'
 */
export function localize(s: LocalizedString | undefined, locale: string): string {
	if (s === undefined || s === null) return '';
	if (typeof s === 'string') return s;
	const language = locale.split('-')[0];
	for (const key of [locale, language, 'default']) {
		if (typeof s[key] === 'string') return s[key];
	}
	const first = Object.values(s).find((v) => typeof v === 'string');
	return first ?? '';
}
