// The headers the build adds to static files (scripts/lib/response-headers.js) are the ones the hooks
// add to every other answer: one policy, written twice because the build's copy cannot import TypeScript.
import { describe, expect, it } from 'vitest';
import { EVERY_RESPONSE, headersFor } from '../../../../scripts/lib/response-headers.js';
import { securityHeaders } from './security-headers';

describe('headers on static files', () => {
	it('are the headers the hooks send, on http and on https', () => {
		expect(headersFor('http://localhost:3000')).toEqual(Object.fromEntries(securityHeaders(false)));
		expect(headersFor(undefined)).toEqual(Object.fromEntries(securityHeaders(false)));
		expect(headersFor('https://spejl.example.org')).toEqual(Object.fromEntries(securityHeaders(true)));
		expect(Object.keys(EVERY_RESPONSE).sort()).toEqual(['Permissions-Policy', 'Referrer-Policy', 'X-Content-Type-Options', 'X-Frame-Options']);
	});
});
