// Malformed requests, several thousand of them, to every page, form action and endpoint under
// src/routes, as a visitor, a client and an administrator, against a server of its own: none may
// get a 5xx, none may change a row, and afterwards the server serves and signs in as before.
import { connect } from 'node:net';
import type { Db } from '../../src/lib/server/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jar, insertAdmin } from '../support/jar';
import { discoverEndpoints } from '../support/routes';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
const jars: Record<string, Jar> = {};

/** mulberry32: a small seeded generator, so a failing request can be found again. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rnd = random(12);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const FIELDS = ['email', 'password', 'name', 'answers', 'page', 'responseId', 'locale', 'next', 'body', 'text', 'fileName', 'role', 'code', 'counsellorId', 'id', 'message', 'assignment', 'confirm', 'action', 'version', 'sha', 'set', 'level', 'n'];
/** Every value carries a control character, so no form may accept it (and store something). */
const HOSTILE = ['\u0000', '\u0007', '\u001b[2J', '\u007f', '\u0085', '\u0008'];
const NOISE = ['', '<script>alert(1)</script>', '%', '%%%', '{"__proto__":{"x":1}}', '[[[[[[', '1e309', '-1', 'NaN', 'æøå', '😀', "'; DROP TABLE user; --", 'a'.repeat(3000), '../../etc/passwd', 'javascript:alert(1)'];
const hostileValue = () => pick(NOISE) + pick(HOSTILE) + pick(NOISE);

function urlencoded(fields: [string, string][]): string {
	return new URLSearchParams(fields).toString();
}

function multipart(fields: [string, string][], boundary = 'fuzzBoundary'): string {
	return fields.map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
}

interface Variant {
	label: string;
	init: () => { headers?: Record<string, string>; body?: BodyInit; method?: string };
	suffix?: string;
}

const FORM = 'application/x-www-form-urlencoded';
const soup = (n: number): [string, string][] => Array.from({ length: n }, () => [pick(FIELDS), hostileValue()]);

const BODY_VARIANTS: Variant[] = [
	{ label: 'text/plain', init: () => ({ headers: { 'content-type': 'text/plain' }, body: 'email=a@b.dk\npassword=x' }) },
	{ label: 'text/plain empty', init: () => ({ headers: { 'content-type': 'text/plain;charset=utf-8' }, body: '' }) },
	{ label: 'multipart without boundary', init: () => ({ headers: { 'content-type': 'multipart/form-data' }, body: multipart(soup(2)) }) },
	{ label: 'multipart, wrong boundary', init: () => ({ headers: { 'content-type': 'multipart/form-data; boundary=other' }, body: multipart(soup(2)) }) },
	{ label: 'multipart, cut off', init: () => ({ headers: { 'content-type': 'multipart/form-data; boundary=fuzzBoundary' }, body: multipart(soup(3)).slice(0, 40 + Math.floor(rnd() * 60)) }) },
	{ label: 'multipart, garbage', init: () => ({ headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: 'garbage\r\n--b\r\n\r\n' }) },
	{ label: 'multipart, hostile fields', init: () => ({ headers: { 'content-type': 'multipart/form-data; boundary=fuzzBoundary' }, body: multipart(soup(4)) }) },
	{ label: 'urlencoded, hostile fields', init: () => ({ headers: { 'content-type': FORM }, body: urlencoded(soup(1 + Math.floor(rnd() * 5))) }) },
	{ label: 'urlencoded, broken escapes', init: () => ({ headers: { 'content-type': FORM }, body: `email=%&password=%ZZ%E0%A4&name=%u0000&answers=%7B%00` }) },
	{ label: 'urlencoded, invalid UTF-8', init: () => ({ headers: { 'content-type': FORM }, body: Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x3d, 0xff, 0xfe, 0xc0, 0x80, 0x26, 0x78, 0x3d, 0x01]) }) },
	{ label: 'urlencoded, charset utf-16', init: () => ({ headers: { 'content-type': `${FORM}; charset=utf-16le` }, body: Buffer.from('email=\u0000a', 'utf16le') }) },
	{ label: 'urlencoded, 2000 repeated fields', init: () => ({ headers: { 'content-type': FORM }, body: Array.from({ length: 2000 }, () => `${pick(FIELDS)}=%01`).join('&') }) },
	{ label: 'urlencoded, huge field name', init: () => ({ headers: { 'content-type': FORM }, body: `${'n'.repeat(100_000)}%00=1` }) },
	{ label: 'json', init: () => ({ headers: { 'content-type': 'application/json' }, body: pick(['{', '{"email":1}', 'null', '[]']) }) },
	{ label: 'no content type', init: () => ({ body: Buffer.from([0, 1, 2, 3]) }) },
	{ label: 'unknown content type', init: () => ({ headers: { 'content-type': pick(['application/octet-stream', 'image/png', ';;;', 'multipart/', 'x/y; boundary=']) }, body: 'x=\u0000' }) },
	{ label: 'as use:enhance, hostile', init: () => ({ headers: { 'content-type': FORM, accept: 'application/json', 'x-sveltekit-action': 'true' }, body: urlencoded(soup(3)) }) },
	{ label: 'as use:enhance, text/plain', init: () => ({ headers: { 'content-type': 'text/plain', accept: 'application/json', 'x-sveltekit-action': 'true' }, body: 'x' }) },
	{ label: 'unknown action', init: () => ({ headers: { 'content-type': FORM }, body: 'x=1' }), suffix: `?/${pick(['nope', '__proto__', 'constructor', 'default', 'toString', ''])}` },
	{ label: 'other method', init: () => ({ method: pick(['PUT', 'PATCH', 'DELETE']), headers: { 'content-type': FORM }, body: 'x=%00' }) }
];

const GET_VARIANTS: Variant[] = [
	{ label: 'garbage cookies', init: () => ({ headers: { cookie: `spejl_session=${pick(['', '%', '%E0%A4%A', 'x'.repeat(4000), '"quoted"', 'a;b'])}; lang=${pick(['xx', '%', '__proto__'])}` } }) },
	{ label: 'garbage accept-language', init: () => ({ headers: { 'accept-language': pick([';;;,,,q=', 'da;q=abc,en;q=-1', 'x'.repeat(5000), '*;q=1e309']) } }) },
	{ label: 'accept json', init: () => ({ headers: { accept: 'application/json' } }) },
	{ label: 'data request', init: () => ({}), suffix: '/__data.json?x-sveltekit-invalidated=' + pick(['', '01', 'zz', '1'.repeat(50)]) },
	{ label: 'broken query', init: () => ({}), suffix: pick(['?next=%', '?page=-1&n=1e309', '?q=%E0%A4%A', '?level=NaN&set=__proto__', '?page=99999999999999999999']) },
	{ label: 'range and conditional', init: () => ({ headers: { range: pick(['bytes=9999-1', 'bytes=-', 'lines=1-2']), 'if-none-match': '"%%"', 'if-modified-since': 'yesterday' } }) },
	{ label: 'head', init: () => ({ method: 'HEAD' }) }
];

const PATH_VARIANTS = ['/q/%E0%A4%A', '/q/%00', `/q/${'a'.repeat(5000)}`, '/share/%ZZ', '/counsellor/clients/%2e%2e', '/%2F%2Fevil.example', '/author/..%2f..%2f', '/q/riasec-48/../../admin', '/api/v1/profile?x=%'];

function pathOf(route: string): string {
	return route.replace('[id]', pick(['riasec-48', 'nope', '__proto__'])).replace('[clientId]', pick(['00000000-0000-0000-0000-000000000000', 'x'])).replace('[code]', pick(['ABCD-EFGH', '%25']));
}

/** Reads that are logged on purpose (a download of one's own data, a counsellor opening a report). */
const LOGGED_READS = new Set(['account.data.downloaded', 'client.report.viewed', 'profile.api.read']);

/** Every table's rows, as JSON per table, so a difference names the table. */
async function dump(db: Db): Promise<Record<string, string>> {
	// Failed attempts (unknown codes, wrong passwords) are counted in rate_limit on purpose.
	const tables = (await db.introspection.getTables()).map((t) => t.name).filter((t) => t !== 'rate_limit');
	const untyped = db as unknown as Db & { selectFrom(t: string): ReturnType<Db['selectFrom']> };
	const rows = async (t: string) => {
		// Session expiry moves forward as sessions are used: compare which sessions exist, not when they end.
		if (t === 'session') return db.selectFrom('session').select(['id', 'user_id']).orderBy('id').execute();
		// Rows in a stable order on either database: sorted by their JSON.
		const all = ((await untyped.selectFrom(t).selectAll().execute()) as Record<string, unknown>[])
			.map((r) => [JSON.stringify(r), r] as const)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([, r]) => r);
		// When a person was last seen (for deletion after inactivity) moves forward as they use Spejl.
		if (t === 'user') return all.map((r) => ({ ...r, last_active_at: null }));
		return t === 'audit_event' ? all.filter((r) => !LOGGED_READS.has(String(r.action))) : all;
	};
	const out: Record<string, string> = {};
	for (const t of tables) out[t] = JSON.stringify(await rows(t));
	return out;
}

/** The tables whose rows differ, each with its first differing characters. */
function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
	return Object.keys({ ...a, ...b }).filter((t) => a[t] !== b[t]).map((t) => {
		const [x, y] = [a[t] ?? '', b[t] ?? ''];
		let i = 0;
		while (i < x.length && x[i] === y[i]) i++;
		return `${t}: …${y.slice(Math.max(0, i - 80), i + 200)}`;
	});
}

beforeAll(async () => {
	server = await startServer();
	jars.visitor = new Jar(server.url);
	jars.client = await new Jar(server.url).register('fuzz-client@example.org');
	await insertAdmin(server.dbTarget, 'fuzz-admin@example.org');
	jars.admin = await new Jar(server.url).login('fuzz-admin@example.org');
}, 180_000);

afterAll(async () => {
	await server?.stop();
});

describe('malformed requests', () => {
	it('several thousand of them: no 5xx, nothing stored, the server fine afterwards', async () => {
		const db = server.db();
		const before = await dump(db);
		const endpoints = discoverEndpoints();
		const requests: { who: string; method: string; path: string; label: string; init: ReturnType<Variant['init']> }[] = [];
		for (let round = 0; round < 4; round++)
			for (const endpoint of endpoints) {
				const [method, route] = endpoint.split(' ');
				const [path, action] = route.split('?');
				for (const who of Object.keys(jars)) {
					const variants = method === 'POST' ? BODY_VARIANTS : [...GET_VARIANTS, ...BODY_VARIANTS.slice(0, 4)];
					for (const v of variants) {
						const init = v.init();
						const target = v.suffix ? (v.suffix.startsWith('?') ? pathOf(path) + v.suffix : pathOf(path).replace(/\/$/, '') + v.suffix) : pathOf(path) + (action ? `?${action}` : '');
						requests.push({ who, method: init.method ?? (init.body === undefined ? method : 'POST'), path: target, label: v.label, init });
					}
				}
			}
		for (const who of Object.keys(jars)) for (const path of PATH_VARIANTS) requests.push({ who, method: 'GET', path, label: 'odd path', init: {} });

		const failures: string[] = [];
		let next = 0;
		const worker = async () => {
			while (next < requests.length) {
				const r = requests[next++];
				const res = await jars[r.who].request(r.path, { method: r.method, headers: { ...r.init.headers }, body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.init.body });
				await res.arrayBuffer();
				if (res.status >= 500) failures.push(`${r.who} ${r.method} ${r.path.slice(0, 120)} (${r.label}): ${res.status}`);
			}
		};
		await Promise.all(Array.from({ length: 6 }, worker));

		expect(requests.length).toBeGreaterThan(3000);
		expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
		expect(changedTables(before, await dump(db))).toEqual([]);
		expect(server.output()).not.toMatch(/Internal error|TypeError|SvelteKitError: .* 500/);
	}, 300_000);

	it('connections that hang up mid-request leave the server answering', async () => {
		const { port } = new URL(server.url);
		const raw = (text: string, hangUpAfterMs: number) =>
			new Promise<void>((resolve) => {
				const socket = connect(Number(port), '127.0.0.1', () => {
					socket.write(text);
					setTimeout(() => socket.destroy(), hangUpAfterMs);
				});
				socket.on('error', () => resolve());
				socket.on('close', () => resolve());
			});
		const body = 'email=someone%40example.org&password=wrong-password-123';
		const origin = server.url;
		const hangUps: Promise<void>[] = [];
		for (let i = 0; i < 60; i++) {
			// A complete sign-in whose connection is gone before the answer: the address may be unknown by then.
			hangUps.push(raw(`POST /login HTTP/1.1\r\nhost: 127.0.0.1\r\norigin: ${origin}\r\ncontent-type: ${FORM}\r\ncontent-length: ${body.length}\r\n\r\n${body}`, 0));
			// A body that never arrives in full.
			hangUps.push(raw(`POST /register HTTP/1.1\r\nhost: 127.0.0.1\r\norigin: ${origin}\r\ncontent-type: ${FORM}\r\ncontent-length: 5000\r\n\r\nemail=a`, 5));
			hangUps.push(raw(`POST /login HTTP/1.1\r\nhost: 127.0.0.1\r\norigin: ${origin}\r\ncontent-type: multipart/form-data; boundary=b\r\ncontent-length: 900\r\n\r\n--b\r\ncontent-disposition: form-data; name="email"\r\n\r\nx`, 2));
		}
		await Promise.all(hangUps);
		expect((await fetch(`${server.url}/`)).status).toBe(200);
		const jar = await new Jar(server.url).login('fuzz-client@example.org');
		expect((await jar.request('/account')).status).toBe(200);
		expect(server.output()).not.toMatch(/Internal error|Could not determine clientAddress/);
	}, 120_000);
});
