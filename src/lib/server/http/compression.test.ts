import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponse, MIN_BYTES } from './compression';

describe('chooseEncoding', () => {
	it.each([
		['gzip, deflate, br', 'br'],
		['gzip, deflate, br, zstd', 'br'],
		['gzip', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['gzip;q=1.0, br;q=0.5', 'gzip'],
		['br;q=0.8, gzip;q=0.8', 'br'],
		['*', 'br'],
		['*;q=0.5, br;q=0', 'gzip'],
		['identity', null],
		['deflate', null],
		['gzip;q=0, br;q=0', null],
		['', null],
		[null, null]
	])('%s → %s', (header, expected) => {
		expect(chooseEncoding(header)).toBe(expected);
	});
});

const page = '<!doctype html><html><body>' + '<p>Hvor godt passer hvert udsagn på dig?</p>'.repeat(200) + '</body></html>';
const req = (acceptEncoding?: string, method = 'GET') =>
	new Request('http://localhost/q/riasec-48', { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
const html = (body: string | null = page, headers: Record<string, string> = {}, status = 200) =>
	new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('compressResponse', () => {
	it('brotli: the body decompresses to the original, with its length, the encoding and Vary', async () => {
		const r = await compressResponse(req('gzip, deflate, br'), html());
		expect(r.headers.get('content-encoding')).toBe('br');
		expect(r.headers.get('vary')).toBe('Accept-Encoding');
		const bytes = Buffer.from(await r.arrayBuffer());
		expect(Number(r.headers.get('content-length'))).toBe(bytes.length);
		expect(bytes.length).toBeLessThan(Buffer.byteLength(page) / 5);
		expect(brotliDecompressSync(bytes).toString('utf8')).toBe(page);
	});

	it('gzip when brotli is not accepted; status and other headers kept, Set-Cookie included', async () => {
		const original = html(page, { 'x-frame-options': 'DENY', vary: 'Cookie' }, 400);
		original.headers.append('set-cookie', 'a=1; Path=/');
		original.headers.append('set-cookie', 'b=2; Path=/');
		const r = await compressResponse(req('gzip'), original);
		expect(r.status).toBe(400);
		expect(r.headers.get('content-encoding')).toBe('gzip');
		expect(r.headers.get('x-frame-options')).toBe('DENY');
		expect(r.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		expect(r.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		expect(gunzipSync(Buffer.from(await r.arrayBuffer())).toString('utf8')).toBe(page);
	});

	it('JSON, CSV and SVG are compressed too', async () => {
		for (const type of ['application/json', 'text/csv; charset=utf-8', 'image/svg+xml', 'application/schema+json']) {
			const r = await compressResponse(req('br'), new Response(page, { headers: { 'content-type': type } }));
			expect(r.headers.get('content-encoding'), type).toBe('br');
		}
	});

	it('leaves alone what must not or need not be compressed', async () => {
		const small = 'x'.repeat(MIN_BYTES - 1);
		const cases: [string, Request, Response, string][] = [
			['no Accept-Encoding', req(), html(), page],
			['identity only', req('identity'), html(), page],
			['a small body', req('br'), html(small), small],
			['a PNG', req('br'), new Response(page, { headers: { 'content-type': 'image/png' } }), page],
			['a PDF', req('br'), new Response(page, { headers: { 'content-type': 'application/pdf' } }), page],
			['no-transform', req('br'), html(page, { 'cache-control': 'no-transform' }), page],
			['an event stream', req('br'), new Response(page, { headers: { 'content-type': 'text/event-stream' } }), page]
		];
		for (const [what, request, response, body] of cases) {
			const r = await compressResponse(request, response);
			expect(r.headers.get('content-encoding'), what).toBeNull();
			expect(await r.text(), what).toBe(body);
		}
		const encoded = html('already', { 'content-encoding': 'gzip' });
		expect(await compressResponse(req('br'), encoded)).toBe(encoded);
	});

	it('passes on an uncompressed response without reading it, with Vary added, even under read-only headers', async () => {
		const original = html();
		const r = await compressResponse(req(), original);
		expect(r).toBe(original);
		expect(r.headers.get('vary')).toBe('Accept-Encoding');
		const small = '{"type":"success"}';
		const action = new Response(small, { headers: { 'content-type': 'application/json', 'content-length': String(small.length) } });
		expect(await compressResponse(req('br'), action)).toBe(action);
		// A fetched response has read-only headers (the Fetch standard's "immutable" guard).
		const fetched = await fetch(`data:text/html,${encodeURIComponent(page)}`);
		const copy = await compressResponse(req('identity'), fetched);
		expect(copy.headers.get('vary')).toBe('Accept-Encoding');
		expect(await copy.text()).toBe(page);
	});

	it('a redirect without a body and a HEAD request pass through unchanged', async () => {
		const redirect = new Response(null, { status: 303, headers: { location: '/profile' } });
		expect(await compressResponse(req('br'), redirect)).toBe(redirect);
		const head = html();
		expect(await compressResponse(req('br', 'HEAD'), head)).toBe(head);
	});
});
