// Security headers on pages, downloads and refusals, and HSTS only where the public URL is https.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD } from '../support/jar';
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

describe('static files, which adapter-node serves without running the hooks', () => {
	it('carry nosniff, Referrer-Policy, Permissions-Policy and X-Frame-Options: the app JavaScript and CSS, the favicon, robots.txt', async () => {
		const html = await (await fetch(`${base}/login`)).text();
		// SvelteKit links them relative to the page (./_app/… or _app/…).
		const assets = [...new Set([...html.matchAll(/["'](?:\.?\/)?(_app\/immutable\/[^"']+\.(?:js|css))["']/g)].map((m) => `/${m[1]}`))];
		expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
		expect(assets.length).toBeGreaterThan(0);
		for (const path of [...assets.slice(0, 5), '/favicon.svg', '/robots.txt']) {
			const res = await fetch(`${base}${path}`);
			expect(res.status, path).toBe(200);
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
			expect(res.headers.get('permissions-policy'), path).toContain('camera=()');
			expect(res.headers.get('x-frame-options'), path).toBe('DENY');
			expect(res.headers.get('strict-transport-security'), path).toBeNull();
		}
		// Once each, not twice on the pages SvelteKit answers (which set them in the hooks).
		const page = await fetch(`${base}/login`);
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('same-origin');
	});

	it('carry them on a missing static file too', async () => {
		const res = await fetch(`${base}/_app/immutable/nothing-here.js`);
		expect(res.status).toBe(404);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
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
		// Static files and immutable assets too, which adapter-node serves before the hooks run.
		const html = await res.text();
		const asset = /["'](?:\.?\/)?(_app\/immutable\/[^"']+\.js)["']/.exec(html)?.[1];
		expect(asset).toBeDefined();
		for (const path of [`/${asset}`, '/favicon.svg', '/robots.txt']) {
			const file = await fetch(`${server.url}${path}`);
			expect(file.status, path).toBe(200);
			expect(file.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
			expect(file.headers.get('x-frame-options'), path).toBe('DENY');
			expect(file.headers.get('permissions-policy'), path).toContain('microphone=()');
		}
	});

	it('names the session cookie with the __Host- prefix (Secure, path /, no Domain), and the session works', async () => {
		const origin = 'https://spejl.example';
		const res = await fetch(`${server.url}/register`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html' },
			body: new URLSearchParams({ email: 'host-prefix@example.org', password: PASSWORD, name: 'Hanne', privacy: 'agree' })
		});
		expect(res.status).toBe(303);
		const cookie = res.headers.getSetCookie().find((c) => c.includes('spejl_session='));
		expect(cookie).toMatch(/^__Host-spejl_session=[a-z0-9]+;/);
		expect(cookie).toMatch(/; Secure/i);
		expect(cookie).toMatch(/; Path=\/(;|$)/i);
		expect(cookie).not.toMatch(/Domain=/i);
		const token = cookie!.split(';')[0];
		const account = await fetch(`${server.url}/account`, { redirect: 'manual', headers: { cookie: token } });
		expect(account.status).toBe(200);
		expect(await account.text()).toContain('host-prefix@example.org');
		// The plain name means nothing on https: no session, sent to sign in.
		const plain = await fetch(`${server.url}/account`, { redirect: 'manual', headers: { cookie: token.replace('__Host-', '') } });
		expect(plain.status).toBe(303);
		expect(plain.headers.get('location')).toMatch(/^\/login/);
		// Signing out clears the prefixed cookie.
		const out = await fetch(`${server.url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: token, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
		expect(out.status).toBe(303);
		expect(out.headers.getSetCookie().join('\n')).toMatch(/__Host-spejl_session=;/);
		expect((await fetch(`${server.url}/account`, { redirect: 'manual', headers: { cookie: token } })).status).toBe(303);
	});
});

describe('on plain http', () => {
	it('keeps the plain cookie name, which browsers accept without https', async () => {
		const res = await new Jar(base).post('/register', { email: `plain-${crypto.randomUUID().slice(0, 8)}@example.org`, password: PASSWORD, name: 'P', privacy: 'agree' });
		expect(res.status).toBe(303);
		const cookie = res.headers.getSetCookie().find((c) => c.includes('spejl_session='));
		expect(cookie).toMatch(/^spejl_session=[a-z0-9]+;/);
		expect(cookie).not.toMatch(/; Secure/i);
	});
});
