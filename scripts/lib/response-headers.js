// Copied into the build (build/response-headers.js) by ./adapter-with-headers.js and imported first
// by the build's index.js. adapter-node serves the static files (/_app/immutable/…, favicon.svg,
// robots.txt, the schema) straight from disk before SvelteKit and its hooks run, so they would go
// out without the headers that src/lib/server/http/security-headers.ts adds to every other answer.
// This gives every response of the process the two that matter for any file: no MIME sniffing, and
// no full address in the Referer. A response that sets them itself keeps its own value.
import { ServerResponse } from 'node:http';

/** The same values as securityHeaders() in src/lib/server/http/security-headers.ts (a unit test compares them). */
export const EVERY_RESPONSE = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin'
});

const writeHead = ServerResponse.prototype.writeHead;
// Node calls writeHead for every response, also when a handler only calls write() or end().
ServerResponse.prototype.writeHead = /** @type {typeof writeHead} */ (
	function (/** @type {any[]} */ ...args) {
		for (const [name, value] of Object.entries(EVERY_RESPONSE)) if (!this.hasHeader(name)) this.setHeader(name, value);
		return writeHead.apply(this, /** @type {any} */ (args));
	}
);
