// The reasons a completion was refused (too few answers for a scale, an unsorted card sort), in the
// person's language; the same text for the SurveyJS page and the plain HTML form.
import { localize } from '$lib/core/localize';
import type { Shortfall } from '$lib/core/scoring/shortfalls';
import type { Translate } from '$lib/i18n';

export function shortfallLines(t: Translate, list: Shortfall[], locale: string): string[] {
	return list.map((s) =>
		s.kind === 'scale'
			? t('shortfall.scale', { scale: localize(s.title, locale), answered: s.answered, items: s.items, needed: s.needed })
			: t('shortfall.ranking')
	);
}

/** The title and one line per shortfall (pages show the lines one below the other). */
export const shortfallMessage = (t: Translate, list: Shortfall[], locale: string) =>
	[t('shortfall.title'), ...shortfallLines(t, list, locale)].join('\n');
