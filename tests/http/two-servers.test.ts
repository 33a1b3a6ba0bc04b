// Two app servers in front of one database: what one server counts or decides, the other sees.
// (Here on one SQLite file; the PostgreSQL variant drives whole journeys through both.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';
import Database from 'better-sqlite3';

let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
	a = await startServer();
	b = await startServer({ DATABASE_PATH: a.dbPath });
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
	it('creates exactly one first administrator when first-run requests race on both servers', async () => {
		const sent = [a, b, a, b, a, b].map((s, i) => post(s, '/setup', { email: `admin${i}@example.org`, password: 'a long admin password' }));
		const statuses = (await Promise.all(sent)).map((r) => r.status).sort();
		expect(statuses).toEqual([303, 403, 403, 403, 403, 403]);
		const db = new Database(a.dbPath, { readonly: true });
		expect(db.prepare("SELECT count(*) AS n FROM user WHERE role = 'admin'").get()).toEqual({ n: 1 });
		db.close();
	});

	it('counts failed sign-ins on both servers together', async () => {
		const email = 'nobody@example.org';
		for (let i = 0; i < 10; i++) expect((await post(i % 2 ? b : a, '/login', { email, password: `wrong ${i}` })).status).toBe(400);
		expect((await post(a, '/login', { email, password: 'wrong again' })).status).toBe(429);
		expect((await post(b, '/login', { email, password: 'wrong again' })).status).toBe(429);
	});
});
