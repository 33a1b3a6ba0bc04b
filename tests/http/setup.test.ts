// First run: /setup creates the first administrator once; after that it refuses, and a broken
// questionnaire file does not stop the server from starting and serving the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../support/server';
import { RETRY, stopwatch, untilInTime } from '../support/timing';

let server: RunningServer;
let qdir: string;

beforeAll(async () => {
	qdir = join(process.cwd(), 'tmp', `setup-q-${process.pid}`);
	mkdirSync(qdir, { recursive: true });
	cpSync('questionnaires/riasec-48.json', join(qdir, 'riasec-48.json'));
	writeFileSync(join(qdir, 'broken.json'), '{ "id": "broken", ');
	server = await startServer({ QUESTIONNAIRES_DIR: qdir });
});
afterAll(async () => {
	await server?.stop();
	rmSync(qdir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'text/html' },
		body: form(fields)
	});

describe('first run', () => {
	it('starts despite a broken questionnaire file, serving the valid one and logging the refused one', async () => {
		expect(server.output()).toContain('1 questionnaires loaded, 1 refused');
		expect(server.output()).toMatch(/refused broken\.json \$: Not valid JSON/);
		// Anyone may open a questionnaire page (and start without an account): the refused one does not exist.
		expect((await fetch(`${server.url}/q/broken`, { redirect: 'manual' })).status).toBe(404);
		expect((await fetch(`${server.url}/q/riasec-48`, { redirect: 'manual' })).status).toBe(200);
	});

	it('creates exactly one admin when two first-run requests race', async () => {
		const raced = await startServer({ QUESTIONNAIRES_DIR: qdir });
		try {
			const send = (email: string) =>
				fetch(`${raced.url}/setup`, {
					method: 'POST',
					redirect: 'manual',
					headers: { 'content-type': 'application/x-www-form-urlencoded', origin: raced.url, accept: 'text/html' },
					body: form({ email, password: 'a long admin password' })
				});
			const statuses = (await Promise.all([send('one@example.org'), send('two@example.org'), send('three@example.org')])).map((r) => r.status).sort();
			expect(statuses).toEqual([303, 403, 403]);
			expect(await raced.db().selectFrom('user').select('email').where('role', '=', 'admin').execute()).toHaveLength(1);
		} finally {
			await raced.stop();
		}
	});

	it('creates the first admin once, then refuses', async () => {
		const page = await (await fetch(`${server.url}/setup`)).text();
		expect(page).toContain('Create administrator');
		const bad = await post('/setup', { email: 'not-an-email', password: 'short' });
		expect(bad.status).toBe(400);
		const ok = await post('/setup', { email: 'admin@example.org', password: 'a long admin password' });
		expect(ok.status).toBe(303);
		expect(ok.headers.get('location')).toBe('/admin?welcome=1');
		expect(ok.headers.get('set-cookie')).toMatch(/spejl_session=[a-z0-9]+;.*HttpOnly/i);
		const again = await post('/setup', { email: 'second@example.org', password: 'another long password' });
		expect(again.status).toBe(403);
		expect(await (await fetch(`${server.url}/setup`)).text()).toContain('already set up');
		const admins = await server.db().selectFrom('user').select('email').where('role', '=', 'admin').execute();
		expect(admins).toEqual([{ email: 'admin@example.org' }]);
	});

	it('slows down password guessing: after 5 wrong passwords even the right one waits, but only for a moment', async () => {
		const right = { email: 'admin@example.org', password: 'a long admin password' };
		await untilInTime(async () => {
			for (let i = 0; i < 4; i++) expect((await post('/login', { email: right.email, password: `wrong ${i}` })).status).toBe(400);
			// The fifth failure starts a 1 s wait; the right password comes within it (else the run is
			// repeated, tests/support/timing.ts, once a sign-in has started the count again).
			const wait = stopwatch(1000);
			expect((await post('/login', { email: right.email, password: 'wrong 4' })).status).toBe(400);
			const blocked = await post('/login', right);
			if (wait.late()) {
				await new Promise((r) => setTimeout(r, 1100));
				expect((await post('/login', right)).status).toBe(303);
				return RETRY;
			}
			expect(blocked.status).toBe(429);
			expect(blocked.headers.get('retry-after')).toBe('1');
			expect(await blocked.text()).toContain('Too many attempts; try again in 1 second.');
			// Another account from the same address is not affected.
			expect((await post('/login', { email: `someone-${crypto.randomUUID()}@example.org`, password: 'whatever it is' })).status).toBe(400);
			// No lock: once the wait is over, the right password gets in.
			await new Promise((r) => setTimeout(r, 1100));
			expect((await post('/login', right)).status).toBe(303);
		});
	});
});
