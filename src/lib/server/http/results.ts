// Route helpers for service results: the route says which HTTP status a refusal gets; the text is the
// problem's message in the person's language.
import { error } from '@sveltejs/kit';
import { translate, type Locale, type MessageKey } from '../../i18n';
import type { Problem, Result } from '../../result';

/** The problem as text in `locale`. */
export const problemText = (p: Problem, locale: Locale): string => translate(locale, p.code, p.params);

/** The value of a successful result; otherwise stops the request with `status` and the problem's text. */
export function valueOr<T>(r: Result<T>, status: number, locale: Locale): T {
	if (!r.ok) error(status, problemText(r.error, locale));
	return r.value;
}

/** The status a refusal gets: the route's own table of codes, else `otherwise`. */
export const statusFor = (p: Problem, statuses: Partial<Record<MessageKey, number>>, otherwise = 400): number =>
	statuses[p.code] ?? otherwise;
