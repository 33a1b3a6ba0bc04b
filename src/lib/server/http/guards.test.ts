// safeNext: where a person is sent after signing in (or changing language) must stay on this site.
import { describe, expect, it } from 'vitest';
import { safeNext } from './guards';

describe('safeNext', () => {
	it('keeps same-site paths with their query and fragment', () => {
		expect(safeNext('/profile')).toBe('/profile');
		expect(safeNext('/q/riasec-48?x=1#top')).toBe('/q/riasec-48?x=1#top');
		expect(safeNext('/login?next=%2Fprofile')).toBe('/login?next=%2Fprofile');
	});

	it('turns anything that is not a path into /', () => {
		for (const next of [null, undefined, '', 'profile', 'https://evil.example/', 'javascript:alert(1)'])
			expect(safeNext(next)).toBe('/');
	});

	it('refuses protocol-relative and backslash forms', () => {
		for (const next of ['//evil.example', '/\\evil.example', '/\\/evil.example', '/a\\..\\\\evil.example'])
			expect(safeNext(next)).toBe('/');
	});

	// Browsers drop tab, CR and LF anywhere in a URL: "/\t/evil.example" is followed as "//evil.example".
	it('refuses control characters, which browsers strip into //host', () => {
		for (const next of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\r\n/evil.example', '/\x00/x', '/\x7f/x'])
			expect(safeNext(next)).toBe('/');
		for (const next of ['/\t/evil.example', '/\n/evil.example']) {
			// What a browser would make of the result, relative to this site.
			expect(new URL(safeNext(next), 'https://spejl.example').origin).toBe('https://spejl.example');
		}
	});
});
