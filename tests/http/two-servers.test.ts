// Two app servers in front of one database: what one server counts or decides, the other sees.
// Runs on SQLite (one file, two processes) and on PostgreSQL (TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';
import { testDialect } from '../support/db';

let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
	a = await startServer();
	b = await startServer({}, { database: a.dbTarget });
});
afterAll(async () => {
	await b?.stop();
	await a?.stop();
});

const post = (server: RunningServer, path: string, fields: Record<string, string>) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'text/html' },
		body: new URLSearchParams(fields).toString()
	});

describe('two app servers, one database', () => {
	it('both run on the database the tests asked for', () => {
		const name = testDialect() === 'postgres' ? 'PostgreSQL' : 'SQLite';
		for (const s of [a, b]) expect(s.output()).toContain(`[spejl] ${name} `);
	});

	it('creates exactly one first administrator when first-run requests race on both servers', async () => {
		const sent = [a, b, a, b, a, b].map((s, i) => post(s, '/setup', { email: `admin${i}@example.org`, password: 'a long admin password' }));
		const statuses = (await Promise.all(sent)).map((r) => r.status).sort();
		expect(statuses).toEqual([303, 403, 403, 403, 403, 403]);
		expect(await a.db().selectFrom('user').select('email').where('role', '=', 'admin').execute()).toHaveLength(1);
	});

	it('counts failed sign-ins on both servers together', async () => {
		const email = 'nobody@example.org';
		for (let i = 0; i < 10; i++) expect((await post(i % 2 ? b : a, '/login', { email, password: `wrong ${i}` })).status).toBe(400);
		expect((await post(a, '/login', { email, password: 'wrong again' })).status).toBe(429);
		expect((await post(b, '/login', { email, password: 'wrong again' })).status).toBe(429);
	});
});
