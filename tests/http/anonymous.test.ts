// Starting without an account against the real built server: an anonymous client gets a resume code
// (stored only as its hash), answers and completes a test, comes back on another "device" with the
// code, can replace it, is throttled when guessing, and can later add email and password and keep
// everything.
import { openDb, testDialect } from '../support/db';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'devalue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const CODE = /\b([2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4})\b/;

/** A SvelteKit action as `use:enhance` sends it; the parsed `data` of its JSON answer. */
async function action(jar: Jar, path: string, fields: Record<string, string>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const res = await jar.request(path, { method: 'POST', headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }, body: form });
	const json = (await res.json()) as { type: string; data?: string };
	return { type: json.type, data: typeof json.data === 'string' ? (parse(json.data) as Record<string, unknown>) : undefined };
}

/** Starts anonymously from /q/<id> as a browser without JavaScript would, and returns the code shown. */
async function startAnonymously(server: string, next = '/q/riasec-48') {
	const jar = new Jar(server);
	const start = await jar.post(`/start?next=${encodeURIComponent(next)}`, { privacy: 'agree' });
	expect(start.status).toBe(303);
	expect(start.headers.get('location')).toBe(`/start/code?next=${encodeURIComponent(next)}`);
	expect(jar.cookies.has('spejl_session')).toBe(true);
	const page = await jar.request(start.headers.get('location')!);
	expect(page.status).toBe(200);
	const code = CODE.exec(await page.text())?.[1];
	expect(code).toBeDefined();
	return { jar, code: code! };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const userRow = (id: string) => openDb(dbPath).selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();

async function profileExport(jar: Jar) {
	const res = await jar.request('/profile/export.json');
	expect(res.status).toBe(200);
	return (await res.json()) as { codes: Record<string, string>; results: { instrument: string }[] };
}

/** Every RIASEC answer 1 except the R items 5 (one fixed pattern whose code starts with R). */
const RIASEC_ANSWERS = JSON.stringify(
	Object.fromEntries(['R', 'I', 'A', 'S', 'E', 'C'].flatMap((s) => Array.from({ length: 8 }, (_, i) => [`${s}${i + 1}`, s === 'R' ? 5 : s === 'I' ? 4 : 1])))
);

describe('starting without an account', () => {
	it('a visitor to /q/<id> is offered to start at once, continue with a code, or sign in', async () => {
		const res = await new Jar(base).request('/q/riasec-48');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('action="/start?next=%2Fq%2Friasec-48"');
		expect(html).toContain('href="/resume?next=%2Fq%2Friasec-48"');
		expect(html).toContain('href="/login?next=%2Fq%2Friasec-48"');
	});

	it('creates a client without email whose code is stored only as its hash, and continues on another device', async () => {
		const { jar, code } = await startAnonymously(base);
		const me = await jar.request('/account');
		expect(me.status).toBe(200);
		const saved = await action(jar, '/q/riasec-48?/save', { answers: '{"R1":5}', page: '0' });
		expect(saved.type).toBe('success');
		const responseId = String(saved.data?.responseId);
		const owner = await openDb(dbPath).selectFrom('response').select('user_id').where('id', '=', responseId).executeTakeFirstOrThrow();
		const user = await userRow(owner.user_id);
		expect(user).toMatchObject({ email: null, password_hash: null, role: 'client', resume_code_hash: sha256(code.replace(/-/g, '')) });
		// Nowhere in the SQLite file either (on PostgreSQL the row above is all there is to read).
		if (testDialect() === 'sqlite') expect(readFileSync(dbPath).includes(code.replace(/-/g, ''))).toBe(false);

		// Continuing after the code page clears the code from the browser.
		const cont = await jar.post('/start/code?next=%2Fq%2Friasec-48');
		expect(cont.headers.get('location')).toBe('/q/riasec-48');
		expect(jar.cookies.has('spejl_new_code')).toBe(false);
		expect((await jar.request('/start/code?next=%2Fq%2Friasec-48')).headers.get('location')).toBe('/q/riasec-48');

		const done = await action(jar, '/q/riasec-48?/complete', { responseId, answers: RIASEC_ANSWERS });
		expect(done.type).toBe('success');
		const first = await profileExport(jar);

		// Another device: small letters and spaces instead of hyphens are fine.
		const other = new Jar(base);
		const resumed = await other.post('/resume?next=%2Fprofile', { code: code.toLowerCase().replace(/-/g, ' ') });
		expect(resumed.status).toBe(303);
		expect(resumed.headers.get('location')).toBe('/profile');
		const second = await profileExport(other);
		expect(second.results).toEqual(first.results);
		expect(second.results.map((r) => r.instrument)).toEqual(['riasec-48']);
		expect(second.codes.holland).toMatch(/^RI/);
	});

	it('names what is wrong with a typed code and signs no one in', async () => {
		const cases: [string, string][] = [
			['', 'Enter your resume code.'],
			['ABCD-EFGH-JKMN-PQR', 'A resume code has 16 letters and digits'],
			['ABCD-EFGH-JKMN-PQRO', '“O” is never part of a resume code'],
			['ABCD-EFGH-JKMN-PQRS', 'No one has this resume code']
		];
		for (const [code, message] of cases) {
			const jar = new Jar(base);
			const res = await jar.post('/resume', { code });
			expect(res.status).toBe(400);
			expect(await res.text()).toContain(message);
			expect(jar.cookies.has('spejl_session')).toBe(false);
		}
	});

	it('a replaced code stops working and the new one works', async () => {
		const { jar, code } = await startAnonymously(base, '/');
		const replaced = await jar.post('/account?/replaceCode');
		expect(replaced.status).toBe(303);
		expect(replaced.headers.get('location')).toBe('/start/code?next=/account');
		const fresh = CODE.exec(await (await jar.request('/start/code?next=/account')).text())?.[1];
		expect(fresh).toBeDefined();
		expect(fresh).not.toBe(code);
		expect((await new Jar(base).post('/resume', { code })).status).toBe(400);
		expect((await new Jar(base).post('/resume', { code: fresh! })).status).toBe(303);
	});

	it('adding email and password through /register keeps the results; the code then stops working', async () => {
		const { jar, code } = await startAnonymously(base);
		const saved = await action(jar, '/q/riasec-48?/save', { answers: '{}', page: '0' });
		await action(jar, '/q/riasec-48?/complete', { responseId: String(saved.data?.responseId), answers: RIASEC_ANSWERS });
		const before = await profileExport(jar);
		const email = `anon-${crypto.randomUUID().slice(0, 8)}@example.org`;
		const reg = await jar.post('/register', { email, password: PASSWORD, name: 'Later Named', privacy: 'agree' });
		expect(reg.status).toBe(303);
		const signedIn = await new Jar(base).login(email);
		expect((await profileExport(signedIn)).results).toEqual(before.results);
		expect((await new Jar(base).post('/resume', { code })).status).toBe(400);
	});
});

describe('guessing resume codes', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(() => server.stop());

	it('is stopped after 10 wrong codes from one address, even for the right code', async () => {
		const { code } = await startAnonymously(server.url, '/');
		for (let i = 0; i < 10; i++) {
			const wrong = `ABCD-EFGH-JKMN-${'2345678923'[i]}QRS`;
			expect((await new Jar(server.url).post('/resume', { code: wrong })).status).toBe(400);
		}
		const blocked = await new Jar(server.url).post('/resume', { code });
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toMatch(/Too many wrong codes from this address\. Please try again in 1[45] minutes\./);
	});
});
