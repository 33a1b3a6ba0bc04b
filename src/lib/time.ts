// One way to show a moment: in the reader's language and the service's time zone (TIME_ZONE,
// default Europe/Copenhagen), the same on the server and in the browser so pages hydrate to the same
// text. Every timestamp on every page, and the day in a download's file name, goes through these functions.

export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

/** True when `zone` is an IANA time zone the runtime knows (e.g. "Europe/Copenhagen"). */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

const tag = (locale: string) => (locale.startsWith('da') ? 'da-DK' : 'en-GB');

/** "26 November 2026 at 11:00" / "26. november 2026 kl. 11.00" */
export function formatDateTime(iso: string, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
	return new Date(iso).toLocaleString(tag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone });
}

/** "26 November 2026" / "26. november 2026" */
export function formatDate(iso: string, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
	return new Date(iso).toLocaleDateString(tag(locale), { dateStyle: 'long', timeZone });
}

/** "2026-11-27": the calendar day of a moment in the time zone, for file names (ASCII, sortable). */
export function isoDay(at: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
	const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
	const part = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}
