// Copied into the build (build/response-headers.js) by ./adapter-with-headers.js and imported first
// by the build's index.js. adapter-node serves the static files (/_app/immutable/…, favicon.svg,
// robots.txt, the schema) straight from disk before SvelteKit and its hooks run, so they would go
// out without the headers that src/lib/server/http/security-headers.ts adds to every other answer.
// This gives every response of the process the same security headers — no MIME sniffing, no full
// address in the Referer, no browser features, no framing, and HSTS when ORIGIN is https — so static
// files and immutable assets carry them too. A response that sets one itself keeps its own value.
import { ServerResponse } from 'node:http';

/** The same values as securityHeaders(false) in src/lib/server/http/security-headers.ts (a unit test compares them). */
export const EVERY_RESPONSE = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': [
		'accelerometer=()',
		'autoplay=()',
		'camera=()',
		'display-capture=()',
		'geolocation=()',
		'gyroscope=()',
		'magnetometer=()',
		'microphone=()',
		'midi=()',
		'payment=()',
		'publickey-credentials-get=()',
		'usb=()',
		'browsing-topics=()'
	].join(', '),
	'X-Frame-Options': 'DENY'
});

/** Strict-Transport-Security, as securityHeaders(true) sends it: only when the public URL is https. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The headers for a process whose public URL is `origin` (ORIGIN). */
export function headersFor(/** @type {string | undefined} */ origin) {
	const https = /^https:\/\//i.test((origin ?? '').trim());
	return https ? { ...EVERY_RESPONSE, 'Strict-Transport-Security': HSTS } : { ...EVERY_RESPONSE };
}

const headers = Object.entries(headersFor(process.env.ORIGIN));
const writeHead = ServerResponse.prototype.writeHead;
// Node calls writeHead for every response, also when a handler only calls write() or end().
ServerResponse.prototype.writeHead = /** @type {typeof writeHead} */ (
	function (/** @type {any[]} */ ...args) {
		for (const [name, value] of headers) if (!this.hasHeader(name)) this.setHeader(name, value);
		return writeHead.apply(this, /** @type {any} */ (args));
	}
);
