// Security headers on pages, downloads and refusals, and HSTS only where the public URL is https.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Jar } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';

const base = inject('baseUrl');

describe('security headers', () => {
	it('a page carries the CSP with form-action, Permissions-Policy, nosniff and Referrer-Policy', async () => {
		const res = await fetch(`${base}/login`);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("form-action 'self'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(res.headers.get('permissions-policy')).toContain('camera=()');
		expect(res.headers.get('permissions-policy')).toContain('geolocation=()');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		// Plain http: no HSTS (a browser would ignore it, and it would be wrong on a test server).
		expect(res.headers.get('strict-transport-security')).toBeNull();
	});

	it('downloads and refused requests carry them too', async () => {
		const jar = await new Jar(base).register(`headers-${crypto.randomUUID().slice(0, 8)}@example.org`);
		for (const res of [
			await jar.request('/account/data.json'),
			await jar.request('/profile/export.csv'),
			await jar.request('/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })
		]) {
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('same-origin');
			expect(res.headers.get('permissions-policy')).toContain('microphone=()');
		}
	});
});

describe('behind https', () => {
	let server: RunningServer;
	beforeAll(async () => (server = await startServer({ ORIGIN: 'https://spejl.example' })), 60_000);
	afterAll(async () => server?.stop());

	it('sends Strict-Transport-Security when ORIGIN is https', async () => {
		const res = await fetch(`${server.url}/`);
		expect(res.status).toBe(200);
		expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
	});
});
