// Plain words for audit events and dates on the access log and the admin pages.
import type { Locale, MessageKey, Translate } from '$lib/i18n';

/**
 * An audit action in plain words ("Viewed the profile report"); an action without a translation is
 * shown as it is stored, so a new kind of event is never hidden.
 */
export function actionLabel(t: Translate, action: string, other = ''): string {
	const key = `counsellor.access.action.${action}` as MessageKey;
	const text = t(key, { other });
	return text === key ? action : text;
}

// One time zone on server and browser, so the page hydrates to the same text (the first market is Danish).
const ZONE = 'Europe/Copenhagen';
const tag = (locale: Locale) => (locale === 'da' ? 'da-DK' : 'en-GB');

/** "26 November 2026, 10:00" */
export const formatWhen = (iso: string, locale: Locale) =>
	new Date(iso).toLocaleString(tag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE });

/** "26 November 2026" */
export const formatDate = (iso: string, locale: Locale) =>
	new Date(iso).toLocaleDateString(tag(locale), { dateStyle: 'long', timeZone: ZONE });
