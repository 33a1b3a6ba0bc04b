import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, isTimeZone, isoDay } from './time';

describe('time formatting', () => {
	// 2026-11-26T23:30Z is 00:30 on 27 November in Copenhagen (UTC+1 in winter), 18:30 on the 26th in New York.
	const late = '2026-11-26T23:30:00.000Z';
	it('shows the service time zone, not the machine’s, in both languages', () => {
		expect(DEFAULT_TIME_ZONE).toBe('Europe/Copenhagen');
		expect(formatDateTime(late, 'en')).toBe('27 November 2026 at 00:30');
		expect(formatDateTime(late, 'da')).toBe('27. november 2026 kl. 00.30');
		expect(formatDate(late, 'da')).toBe('27. november 2026');
		expect(formatDate(late, 'en', 'America/New_York')).toBe('26 November 2026');
		// summer time: UTC+2
		expect(formatDateTime('2026-07-01T10:00:00Z', 'en')).toBe('1 July 2026 at 12:00');
	});
	it('names the day of a moment in the service time zone, for file names', () => {
		expect(isoDay(late)).toBe('2026-11-27');
		expect(isoDay(new Date(late), 'America/New_York')).toBe('2026-11-26');
		expect(isoDay('2026-07-01T21:59:59Z')).toBe('2026-07-01');
		expect(isoDay('2026-07-01T22:00:00Z')).toBe('2026-07-02');
	});
	it('knows a real zone from a typo', () => {
		expect(isTimeZone('Europe/Copenhagen')).toBe(true);
		expect(isTimeZone('Europe/Kopenhagen')).toBe(false);
	});
});
