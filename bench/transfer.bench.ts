/**
 * Page weight: the bytes Chromium transfers (HTML, CSS, JS, fonts, …; compressed as sent, headers
 * included) to show `/`, `/q/riasec-48` with and without JavaScript, `/profile` and `/matches`, each in
 * a fresh browser context with an empty cache, for a client without an account who has completed
 * riasec-48. The built app (`node build`, or BUILD_DIR) on a fresh SQLite file.
 *
 * Standalone: `npx tsx bench/transfer.bench.ts` prints the table and updates its section of
 * bench/RESULTS.md (builds the app first when there is no build).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/server.ts';
import { measureTransfer, type Kind, type Transfer } from '../tests/support/transfer.ts';
import { ensureBuild } from './completion.bench.ts';

export interface PageWeight {
	page: string;
	javascript: boolean;
	/** Median over the runs, per kind and in all (bytes). */
	bytes: Record<Kind, number>;
	total: number;
	requests: number;
}

export interface TransferBench {
	date: string;
	runs: number;
	pages: PageWeight[];
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const PAGES: { page: string; javascript: boolean; ready?: string }[] = [
	{ page: '/', javascript: true },
	{ page: '/q/riasec-48', javascript: true, ready: '[data-name="R1"] input' },
	{ page: '/q/riasec-48', javascript: false, ready: '#plain-form' },
	{ page: '/profile', javascript: true, ready: 'article#riasec-48 canvas' },
	{ page: '/matches', javascript: true }
];

export async function benchTransfer(runs = 3): Promise<TransferBench> {
	const server = await startServer({}, { args: [ensureBuild()] });
	const browser = await launchBrowser();
	try {
		// A client without an account who has completed riasec-48 (so the profile and matches have content)
		// and started it again (so the questionnaire page shows a form).
		const start = await fetch(`${server.url}/start?next=%2F`, { method: 'POST', redirect: 'manual', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'privacy=agree' });
		const session = start.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('spejl_session='));
		if (!session) throw new Error(`starting without an account failed: ${start.status}`);
		const answers = Object.fromEntries([...'RIASEC'].flatMap((t, k) => Array.from({ length: 8 }, (_, i) => [`${t}${i + 1}`, ((i + k) % 5) + 1])));
		const body = new FormData();
		body.set('answers', JSON.stringify(answers));
		const done = await fetch(`${server.url}/q/riasec-48?/complete`, { method: 'POST', headers: { origin: server.url, cookie: session, 'x-sveltekit-action': 'true' }, body });
		if (!(await done.text()).includes('"success"')) throw new Error('completing riasec-48 failed');
		const cookies = [{ name: 'spejl_session', value: session.slice('spejl_session='.length) }, { name: 'lang', value: 'en' }];
		const pages: PageWeight[] = [];
		for (const p of PAGES) {
			const measured: Transfer[] = [];
			for (let r = 0; r < runs; r++) {
				measured.push(await measureTransfer(browser, `${server.url}${p.page}`, { cookies, ready: p.ready, context: { javaScriptEnabled: p.javascript } }));
			}
			const kinds = Object.keys(measured[0].bytes) as Kind[];
			pages.push({
				page: p.page,
				javascript: p.javascript,
				bytes: Object.fromEntries(kinds.map((k) => [k, median(measured.map((m) => m.bytes[k]))])) as Record<Kind, number>,
				total: median(measured.map((m) => m.total)),
				requests: median(measured.map((m) => m.requests))
			});
		}
		return { date: new Date().toISOString(), runs, pages };
	} finally {
		await browser.close();
		await server.stop();
	}
}

const kb = (n: number) => (n / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The section of bench/RESULTS.md, with the figures before this work for comparison. */
export function transferSection(t: TransferBench): string[] {
	return [
		'## Page weight (transferred by Chromium, empty cache)',
		'',
		`Bytes on the wire (compressed as sent, headers included; KiB = 1,024 bytes) for a client without an account who has completed riasec-48, in a fresh Chromium context per load with the cache off, 360 px wide; median of ${t.runs} loads. Measured with the DevTools protocol (\`encodedDataLength\`, tests/support/transfer.ts). The byte budget of the page without JavaScript (under 50 KiB) is also asserted by tests/browser/page-weight.test.ts.`,
		'',
		'| page | JavaScript | HTML | CSS | JS | fonts | other | **total** | requests |',
		'|---|---|---|---|---|---|---|---|---|',
		...t.pages.map(
			(p) =>
				`| ${p.page} | ${p.javascript ? 'on' : 'off'} | ${kb(p.bytes.html)} | ${kb(p.bytes.css)} | ${kb(p.bytes.js)} | ${kb(p.bytes.font)} | ${kb(p.bytes.image + p.bytes.data + p.bytes.other)} | **${kb(p.total)}** | ${p.requests} |`
		),
		'',
		'Before (2026-12-01, the issue\'s own measurement, pages not compressed): the questionnaire page with JavaScript about 390 KB.',
		'',
		'What the JavaScript of the questionnaire page is made of (the build\'s chunks, gzip -9, measured by hand on 2026-12-01): survey-core 287 KB, survey-js-ui with Preact 68 KB, Spejl\'s UI strings 35 KB, SurveyJS\'s Danish strings 2 KB (the server sends brotli where the browser accepts it, so the bytes on the wire above are fewer). survey-core cannot be split (its question types register themselves). The UI strings are the part left to trim: every page with JavaScript gets all of them, in both languages and for every area (author, counsellor, …), where the reader needs one language and a few areas.',
		''
	];
}

const HEADING = '## Page weight';

/** Replaces (or adds, before the earlier recordings) the page-weight section of RESULTS.md. */
function writeSection(lines: string[]) {
	const file = new URL('./RESULTS.md', import.meta.url);
	const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
	const section = lines.join('\n');
	const at = text.indexOf(`\n${HEADING}`);
	let out: string;
	if (at >= 0) {
		const next = text.indexOf('\n## ', at + 1);
		out = text.slice(0, at + 1) + section + (next >= 0 ? text.slice(next) : '\n');
	} else {
		const previous = text.indexOf('\n## Previous recordings');
		out = previous >= 0 ? `${text.slice(0, previous + 1)}${section}${text.slice(previous)}` : `${text.trimEnd()}\n\n${section}\n`;
	}
	writeFileSync(file, out);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const t = await benchTransfer();
	const lines = transferSection(t);
	lines.splice(2, 0, `Recorded by \`npx tsx bench/transfer.bench.ts\` on ${t.date.slice(0, 10)}. Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}.`, '');
	writeSection(lines);
	console.log(lines.join('\n'));
	for (const p of t.pages) console.error(p.page, p.javascript, JSON.stringify(p.bytes));
}
