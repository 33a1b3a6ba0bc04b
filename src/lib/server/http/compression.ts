// Compresses the app's own text responses (pages, JSON, CSV, …) with brotli or gzip when the browser
// accepts it: on a metered phone connection a questionnaire page shrinks to about a fifth. The built
// static files (_app/…) are compressed at build time and served by adapter-node directly, so they
// never come through here.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this many bytes compressing saves too little to be worth it. */
export const MIN_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|[\w.+-]+\+json|[\w.+-]+\+xml)|image\/svg\+xml)/i;

/**
 * The encoding to use for an `Accept-Encoding` header: brotli if acceptable, else gzip, else none.
 * A coding with `q=0` is refused; `*` stands for every coding not named.
 * Reference: RFC 9110 §12.5.3, https://www.rfc-editor.org/rfc/rfc9110#name-accept-encoding
 * @example chooseEncoding('gzip, deflate, br') // → 'br'
 * @example chooseEncoding('br;q=0, gzip') // → 'gzip'
 */
export function chooseEncoding(header: string | null): Encoding | null {
	if (!header) return null;
	const q = new Map<string, number>();
	for (const part of header.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = qp ? Number(qp.slice(2)) : 1;
		q.set(name.trim(), Number.isFinite(value) ? value : 0);
	}
	const weight = (c: Encoding) => q.get(c) ?? q.get('*') ?? 0;
	if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
	if (weight('gzip') > 0) return 'gzip';
	return null;
}

/** Whether a response may be compressed: a text type, not compressed yet, not a stream of events, with a body. */
export function isCompressible(request: Request, response: Response): boolean {
	if (request.method === 'HEAD' || !response.body) return false;
	if (response.status < 200 || response.status === 204 || response.status === 206 || response.status === 304) return false;
	if (response.headers.has('content-encoding')) return false;
	if (/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')) return false;
	const type = response.headers.get('content-type') ?? '';
	return COMPRESSIBLE.test(type) && !/^text\/event-stream/i.test(type);
}

/** The Vary header with Accept-Encoding added, or null when it names it already. */
function varyValue(headers: Headers): string | null {
	const vary = headers.get('vary');
	if (vary && /\baccept-encoding\b/i.test(vary)) return null;
	return vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
}

/** Adds Accept-Encoding to the response's Vary header (on a copy when its headers are read-only). */
function withVary(response: Response): Response {
	const value = varyValue(response.headers);
	if (value === null) return response;
	try {
		response.headers.set('vary', value);
		return response;
	} catch {
		// Immutable headers (a fetched or redirect response): the same body under new headers.
		const headers = new Headers(response.headers);
		headers.set('vary', value);
		return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	}
}

/**
 * The response compressed for the request's `Accept-Encoding` (brotli at quality 5, fast enough per
 * request; gzip at level 6), or the same response when it should not be. Always adds
 * `Vary: Accept-Encoding` to a compressible response, so caches keep the versions apart. A response
 * that stays as it is (no acceptable coding, or a declared length under MIN_BYTES, such as a form
 * action's JSON answer) is passed on without reading its body.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	if (!isCompressible(request, response)) return response;
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	const declared = response.headers.get('content-length');
	if (!encoding || (declared !== null && Number(declared) < MIN_BYTES)) return withVary(response);
	const headers = new Headers(response.headers);
	const vary = varyValue(headers);
	if (vary !== null) headers.set('vary', vary);
	const body = Buffer.from(await response.arrayBuffer());
	const init = { status: response.status, statusText: response.statusText, headers };
	if (body.length < MIN_BYTES) {
		headers.set('content-length', String(body.length));
		return new Response(body, init);
	}
	const packed =
		encoding === 'br'
			? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
			: await gz(body, { level: 6 });
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(packed.length));
	return new Response(packed, init);
}
