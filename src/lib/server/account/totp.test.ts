import { describe, expect, it } from 'vitest';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { groupedSecret, matchingStep, totpStepAt, totpUri } from './totp';

// RFC 6238 appendix B: the SHA-1 key is the ASCII of "12345678901234567890"; the published 8-digit
// codes end in these 6 digits (a 6-digit code is the same number modulo 10^6).
const RFC_KEY = encodeHexLowerCase(new TextEncoder().encode('12345678901234567890'));
const RFC_VECTORS: [seconds: number, code: string][] = [
	[59, '287082'], // 94287082
	[1111111109, '081804'], // 07081804
	[1234567890, '005924'], // 89005924
	[2000000000, '279037'] // 69279037
];

describe('matchingStep', () => {
	it.each(RFC_VECTORS)('finds the RFC 6238 code of t = %i s at its own step', (seconds, code) => {
		expect(matchingStep(RFC_KEY, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
	});

	it('accepts the step before and after, and nothing further', () => {
		const [seconds, code] = RFC_VECTORS[1];
		const step = Math.floor(seconds / 30);
		expect(matchingStep(RFC_KEY, code, (seconds + 30) * 1000)).toBe(step);
		expect(matchingStep(RFC_KEY, code, (seconds - 30) * 1000)).toBe(step);
		expect(matchingStep(RFC_KEY, code, (seconds + 60) * 1000)).toBeNull();
		expect(matchingStep(RFC_KEY, code, (seconds - 60) * 1000)).toBeNull();
	});

	it('refuses anything that is not 6 digits', () => {
		for (const typed of ['', '28708', '2870822', '28708a', ' 287082']) expect(matchingStep(RFC_KEY, typed, 59_000)).toBeNull();
	});

	it('counts steps of 30 seconds from the epoch', () => {
		expect([totpStepAt(0), totpStepAt(29_999), totpStepAt(30_000)]).toEqual([0, 0, 1]);
	});
});

describe('the key as shown', () => {
	it('is base32 in groups of four, and the otpauth address carries the same key', () => {
		// RFC 4648: base32 of "12345678901234567890" is GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.
		expect(groupedSecret(RFC_KEY)).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
		const uri = new URL(totpUri(RFC_KEY, 'ann@example.org'));
		expect(uri.protocol).toBe('otpauth:');
		expect(uri.searchParams.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
		expect(uri.searchParams.get('issuer')).toBe('Spejl');
		expect(uri.searchParams.get('digits')).toBe('6');
		expect(uri.searchParams.get('period')).toBe('30');
		expect(decodeURIComponent(uri.pathname)).toContain('Spejl:ann@example.org');
	});
});
