// Response headers every answer carries (pages, downloads, errors; the Content-Security-Policy comes
// from svelte.config.js, where SvelteKit adds the nonces/hashes of its own scripts).

/** Browser features Spejl never uses, switched off for the page and anything it embeds. */
export const PERMISSIONS_POLICY = [
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
].join(', ');

/** One year, the minimum that browsers' HSTS preload lists accept. */
export const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(https: boolean): [string, string][] {
	const headers: [string, string][] = [
		['X-Content-Type-Options', 'nosniff'],
		['Referrer-Policy', 'same-origin'],
		['Permissions-Policy', PERMISSIONS_POLICY],
		['X-Frame-Options', 'DENY']
	];
	// Only over https: a browser that saw it on plain http would ignore it anyway (RFC 6797 §8.1).
	if (https) headers.push(['Strict-Transport-Security', HSTS]);
	return headers;
}
