// Why completing was refused, in the person's language, for the SurveyJS page: too few answers
// (the same text the plain form shows), answers the server does not accept (each named by its
// question, with SurveyJS's own words where it has them), or a response that is no longer open.
import { formModelOf, type FormError } from '$lib/form-model';
import { localize } from '$lib/core/localize';
import type { LocalizedString, Questionnaire } from '$lib/core/questionnaire/types';
import type { Shortfall } from '$lib/core/scoring/shortfalls';
import type { Translate } from '$lib/i18n';
import { shortfallMessage } from '$lib/shortfalls-text';
import type { Problem } from '$lib/result';
import { plainErrorMessage } from './plain-messages';

export interface CompletionRefusal {
	error: Problem;
	errors?: FormError[];
	shortfalls?: Shortfall[];
}

export function refusalMessage(q: Questionnaire, r: CompletionRefusal, locale: string, t: Translate): string {
	if (r.shortfalls?.length) return shortfallMessage(t, r.shortfalls, locale);
	if (r.errors?.length) {
		const model = formModelOf(q.survey);
		const lines = new Set<string>();
		for (const e of r.errors) {
			const title = model.byKey.get(e.name)?.[0]?.json.title;
			const name = title === undefined ? e.name || '–' : localize(title as LocalizedString, locale);
			lines.add(`${name}: ${plainErrorMessage(model, e, locale, t)}`);
		}
		return [t('refused.invalid'), ...lines].join('\n');
	}
	if (r.error.code === 'response.error.completed' || r.error.code === 'response.error.completedOn') return t('refused.completed');
	if (r.error.code === 'response.error.missing') return t('refused.missing');
	return t('refused.other');
}
