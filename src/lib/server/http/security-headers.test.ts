// The headers the build adds to static files (scripts/lib/response-headers.js) are the ones the hooks
// add to every other answer: one policy, written twice because the build's copy cannot import TypeScript.
import { describe, expect, it } from 'vitest';
import { EVERY_RESPONSE } from '../../../../scripts/lib/response-headers.js';
import { securityHeaders } from './security-headers';

describe('headers on static files', () => {
	it('have the values the hooks send', () => {
		const hooks = new Map(securityHeaders(false));
		for (const [name, value] of Object.entries(EVERY_RESPONSE)) expect(hooks.get(name), name).toBe(value);
		expect(Object.keys(EVERY_RESPONSE).sort()).toEqual(['Referrer-Policy', 'X-Content-Type-Options']);
	});
});
