import { describe, expect, it } from 'vitest';
import { exportFileName } from './export';

describe('export file names', () => {
	it('carry the day in the service time zone, not the UTC day', () => {
		// 23:30 UTC on 26 November is 00:30 on 27 November in Copenhagen, still the 26th in New York.
		const late = new Date('2026-11-26T23:30:00Z');
		expect(exportFileName('json', late, 'profile', 'Europe/Copenhagen')).toBe('spejl-profile-2026-11-27.json');
		expect(exportFileName('csv', late, 'client-1a2b3c4d', 'America/New_York')).toBe('spejl-client-1a2b3c4d-2026-11-26.csv');
		expect(exportFileName('json', late, '../all my data', 'Europe/Copenhagen')).toBe('spejl-all-my-data-2026-11-27.json');
	});
});
