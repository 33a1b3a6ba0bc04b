// What loading a page costs on the wire, measured by Chromium itself (DevTools protocol: the encoded
// bytes of every response, headers included, as the network delivered them), in a fresh context so
// the cache is empty. Used by the byte-budget test and by `npm run bench`.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'data' | 'other';

export interface Transfer {
	/** Bytes on the wire by kind, and in all. */
	bytes: Record<Kind, number>;
	total: number;
	requests: number;
	/** Each response: url (path only), kind, bytes, content-encoding. */
	resources: { path: string; kind: Kind; bytes: number; encoding: string }[];
}

const KINDS: Record<string, Kind> = {
	Document: 'html',
	Stylesheet: 'css',
	Script: 'js',
	Font: 'font',
	Image: 'image',
	Fetch: 'data',
	XHR: 'data'
};

/** Module preloads are reported as "Other" by Chromium; the file name says what they are. */
function kindOf(type: string, url: string): Kind {
	if (KINDS[type]) return KINDS[type];
	if (/\.m?js(\?|$)/.test(url)) return 'js';
	if (/\.css(\?|$)/.test(url)) return 'css';
	if (/\.(woff2?|ttf|otf)(\?|$)/.test(url)) return 'font';
	return 'other';
}

/**
 * Opens `path` in a new context with an empty cache (cookies and JavaScript as given), waits until the
 * network is quiet and `ready` (a selector) is there, and returns what was transferred.
 */
export async function measureTransfer(
	browser: Browser,
	url: string,
	options: { context?: BrowserContextOptions; cookies?: { name: string; value: string }[]; ready?: string; act?: (page: Page) => Promise<void> } = {}
): Promise<Transfer> {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options.context });
	try {
		const origin = new URL(url).origin;
		if (options.cookies?.length) await context.addCookies(options.cookies.map((c) => ({ ...c, url: origin })));
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		const seen = new Map<string, { url: string; type: string; encoding: string }>();
		const done: { id: string; bytes: number }[] = [];
		cdp.on('Network.responseReceived', (e) => {
			const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
			seen.set(e.requestId, { url: e.response.url, type: e.type ?? 'Other', encoding: headers['content-encoding'] ?? '' });
		});
		cdp.on('Network.loadingFinished', (e) => done.push({ id: e.requestId, bytes: e.encodedDataLength }));
		await page.goto(url, { waitUntil: 'networkidle' });
		if (options.act) await options.act(page);
		if (options.ready) await page.locator(options.ready).first().waitFor({ state: 'attached', timeout: 60_000 });
		await page.waitForLoadState('networkidle');
		const bytes: Record<Kind, number> = { html: 0, css: 0, js: 0, font: 0, image: 0, data: 0, other: 0 };
		const resources: Transfer['resources'] = [];
		for (const d of done) {
			const r = seen.get(d.id);
			if (!r || !r.url.startsWith(origin)) continue;
			const kind = kindOf(r.type, r.url);
			bytes[kind] += d.bytes;
			resources.push({ path: r.url.slice(origin.length), kind, bytes: d.bytes, encoding: r.encoding });
		}
		return { bytes, total: Object.values(bytes).reduce((a, b) => a + b, 0), requests: resources.length, resources };
	} finally {
		await context.close();
	}
}
