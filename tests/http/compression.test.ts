// Compressed responses from the real built app: pages and JSON in brotli or gzip as the client
// accepts, the built scripts and styles precompressed, nothing compressed for a client that does not
// ask, and cookies and redirects unchanged. Raw node:http, because fetch would decompress on its own.
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { Jar } from '../support/jar';

const base = inject('baseUrl');

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(`${base}${path}`, { method, headers: { origin: base, ...headers } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

const decode = (r: Raw) =>
	(r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body).toString('utf8');
// CSP nonces differ per request; everything else of a page is the same.
const withoutNonces = (html: string) => html.replace(/nonce-[A-Za-z0-9+/=]+|nonce="[^"]*"/g, 'nonce');

describe('compression', () => {
	it('the welcome page in brotli, gzip or plain, the same page each way, smaller compressed', async () => {
		const br = await raw('/', { 'accept-encoding': 'gzip, deflate, br' });
		const gz = await raw('/', { 'accept-encoding': 'gzip' });
		const plain = await raw('/');
		expect(br.headers['content-encoding']).toBe('br');
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(plain.headers['content-encoding']).toBeUndefined();
		for (const r of [br, gz, plain]) {
			expect(r.status).toBe(200);
			expect(r.headers.vary).toMatch(/Accept-Encoding/);
			expect(Number(r.headers['content-length'])).toBe(r.body.length);
		}
		expect(withoutNonces(decode(br))).toBe(withoutNonces(plain.body.toString('utf8')));
		expect(withoutNonces(decode(gz))).toBe(withoutNonces(plain.body.toString('utf8')));
		expect(br.body.length).toBeLessThan(plain.body.length / 2);
	});

	it('a signed-in page and a JSON schema are compressed; the questionnaire page of an anonymous client too', async () => {
		const jar = new Jar(base);
		const start = await jar.post('/start?next=%2Fq%2Friasec-48', { privacy: 'agree' });
		expect(start.status).toBe(303);
		expect(jar.cookies.has('spejl_session')).toBe(true);
		const cookie = [...jar.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const page = await raw('/q/riasec-48', { 'accept-encoding': 'br', cookie });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBe('br');
		expect(page.headers['cache-control']).toBe('private, no-store');
		expect(decode(page)).toContain('id="plain-form"');
		const schema = await raw('/schema/profile-v1.json', { 'accept-encoding': 'gzip' });
		expect(schema.status).toBe(200);
		expect(JSON.parse(decode(schema)).$schema).toMatch(/json-schema/);
	});

	it('the built scripts and styles the page links to come precompressed', async () => {
		const html = (await raw('/')).body.toString('utf8');
		const assets = [...html.matchAll(/(?:href|src)="(?:\.?\/)?(_app\/immutable\/[^"]+\.(?:js|css))"/g)].map((m) => `/${m[1]}`);
		expect(assets.length).toBeGreaterThan(0);
		for (const a of assets) {
			const r = await raw(a, { 'accept-encoding': 'br, gzip' });
			expect(r.status, a).toBe(200);
			expect(r.headers['content-encoding'], a).toBe('br');
		}
	});

	it('a form post still redirects and sets its cookies', async () => {
		const r = await raw('/start?next=%2F', { 'accept-encoding': 'br', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, 'POST', 'privacy=agree');
		expect(r.status).toBe(303);
		expect(r.headers.location).toBeDefined();
		const cookies = (r.headers['set-cookie'] as string[] | undefined) ?? [];
		expect(cookies.some((c) => c.startsWith('spejl_session='))).toBe(true);
	});
});
