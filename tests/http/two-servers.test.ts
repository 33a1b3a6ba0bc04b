// Two app servers in front of one database: what one server counts or decides, the other sees.
// Runs on SQLite (one file, two processes) and on PostgreSQL (TEST_DATABASE_URL).
import { parse } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';
import { testDialect } from '../support/db';
import { Jar } from '../support/jar';
import { RETRY, stopwatch, untilInTime } from '../support/timing';

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
		// The fifth failure starts a 1 s wait; the two tries after it come within it (else the run is
		// repeated on another email, tests/support/timing.ts).
		await untilInTime(async () => {
			const email = `nobody-${crypto.randomUUID()}@example.org`;
			for (let i = 0; i < 4; i++) expect((await post(i % 2 ? b : a, '/login', { email, password: `wrong ${i}` })).status).toBe(400);
			const wait = stopwatch(1000);
			expect((await post(a, '/login', { email, password: 'wrong 4' })).status).toBe(400);
			const onA = await post(a, '/login', { email, password: 'wrong again' });
			const onB = await post(b, '/login', { email, password: 'wrong again' });
			if (wait.late()) return RETRY;
			expect(onA.status).toBe(429);
			expect(onB.status).toBe(429);
		});
	});

	it('serves one client alternately from both: register on one, answer and complete on the other, profile and export on the first', async () => {
		const email = `two-servers-${crypto.randomUUID()}@example.org`;
		const jar = await new Jar(a.url).register(email);
		const { id: clientId } = await a.db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow();

		jar.base = b.url; // the same session cookie, now sent to the other server
		expect((await jar.request('/')).status).toBe(200);
		const save = await action(jar, '/q/riasec-48?/save', { answers: '{"R1":5}', page: '0' });
		expect(save).toMatchObject({ type: 'success' });
		// R 5, I 4, A 3, everything else 2: Holland code RIA, no ties.
		const answers: Record<string, number> = {};
		for (const t of ['R', 'I', 'A', 'S', 'E', 'C'])
			for (let i = 1; i <= 8; i++) answers[`${t}${i}`] = ({ R: 5, I: 4, A: 3 } as Record<string, number>)[t] ?? 2;
		const responseId = (save.data as { responseId: string }).responseId;
		const done = await action(jar, '/q/riasec-48?/complete', { answers: JSON.stringify(answers), responseId });
		expect(done).toMatchObject({ type: 'success' });

		jar.base = a.url;
		const profile = await jar.request('/profile');
		expect(profile.status).toBe(200);
		expect(await profile.text()).toContain('RIA');
		const exported = await jar.request('/profile/export.json');
		expect(exported.status).toBe(200);
		const doc = await exported.json();
		expect(doc.subject.id).toBe(clientId);
		expect(doc.codes.holland).toBe('RIA');
		expect(doc.results.map((r: { instrument: string }) => r.instrument)).toContain('riasec-48');
	});

	it('shows a counsellor on one server the share a client made on the other', async () => {
		const counsellorEmail = `two-servers-c-${crypto.randomUUID()}@example.org`;
		const clientEmail = `two-servers-k-${crypto.randomUUID()}@example.org`;
		const counsellor = await new Jar(a.url).register(counsellorEmail, 'Vera Vejleder');
		await a.db().updateTable('user').set({ role: 'counsellor' }).where('email', '=', counsellorEmail).execute();
		expect((await counsellor.request('/counsellor')).status).toBe(200); // makes the share code
		const { share_code: code } = await a.db().selectFrom('user').select('share_code').where('email', '=', counsellorEmail).executeTakeFirstOrThrow();
		expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{4}$/);

		const client = await new Jar(b.url).register(clientEmail, 'Karl Klient');
		expect((await client.post(`/share/${code}?/confirm`)).status).toBeLessThan(400);
		const { id: clientId } = await b.db().selectFrom('user').select('id').where('email', '=', clientEmail).executeTakeFirstOrThrow();

		const list = await counsellor.request('/counsellor');
		expect(await list.text()).toContain(clientEmail);
		expect((await counsellor.request(`/counsellor/clients/${clientId}`)).status).toBe(200);
		// Revoked on the other server: refused on this one at once.
		expect((await client.post('/account?/revoke', { counsellorId: (await idOf(a, counsellorEmail)) })).status).toBeLessThan(400);
		expect((await counsellor.request(`/counsellor/clients/${clientId}`)).status).toBe(403);
	});
});

const idOf = async (s: RunningServer, email: string) =>
	(await s.db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

/** A form action as `use:enhance` posts it: the action result, with its data decoded. */
async function action(jar: Jar, path: string, fields: Record<string, string>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const res = await jar.request(path, { method: 'POST', headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }, body: form });
	const json = await res.json();
	return { type: json.type as string, status: json.status as number | undefined, data: typeof json.data === 'string' ? parse(json.data) : undefined };
}
