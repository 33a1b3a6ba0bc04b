// Plain words for audit events and dates on the access log and the admin pages.
import type { MessageKey, Translate } from '$lib/i18n';

/**
 * An audit action in plain words ("Viewed the profile report"); an action without a translation is
 * shown as it is stored, so a new kind of event is never hidden.
 */
export function actionLabel(t: Translate, action: string, other = ''): string {
	const key = `counsellor.access.action.${action}` as MessageKey;
	const text = t(key, { other });
	return text === key ? action : text;
}

// Dates go through $lib/time: the reader's language and the service's time zone.
export { formatDate, formatDateTime as formatWhen } from '$lib/time';
