// Deleting an account erases the person from the disk, not only from queries: after a client
// deletes their account on the real built app, the raw SQLite database file, its write-ahead log
// and shared-memory file hold none of their email, name, answers, the counsellor's note about them
// or their token's name. Before the deletion the same search finds them, so the search can fail.
// SQLite only: PostgreSQL reclaims deleted rows by vacuum (docs/privacy.md).
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../support/db';
import { Jar, PASSWORD, insertAdmin } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';

const sqlite = testDialect() === 'sqlite';
let server: RunningServer;

beforeAll(async () => {
	if (sqlite) server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

/** Which of `needles` occur anywhere in the raw bytes of the database, its WAL and its shm file. */
function foundOnDisk(needles: string[]): string[] {
	const files = [server.dbTarget, `${server.dbTarget}-wal`, `${server.dbTarget}-shm`].filter((f) => existsSync(f));
	const bytes = files.map((f) => readFileSync(f));
	return needles.filter((n) => bytes.some((b) => b.includes(Buffer.from(n, 'utf8'))));
}

describe.skipIf(!sqlite)('deleting an account', () => {
	it("leaves none of the person's text in the database files", async () => {
		const tag = crypto.randomUUID().slice(0, 8);
		const secret = {
			email: `ingeborg-${tag}@example.org`,
			name: `Ingeborg Skovgaard-${tag}`,
			answer: `whittling birch spoons ${tag}`,
			token: `Jobportal Ørestad ${tag}`,
			note: `Talked about the bakery apprenticeship ${tag}`
		};
		const adminEmail = `admin-${tag}@example.org`;
		await insertAdmin(server.dbTarget, adminEmail);
		const admin = await new Jar(server.url).login(adminEmail);
		const counsellorEmail = `counsellor-${tag}@example.org`;
		expect((await admin.post('/admin?/create', { email: counsellorEmail, name: 'Counsellor', password: 'temporary staff passphrase', role: 'counsellor' })).status).toBe(200);
		const counsellor = await new Jar(server.url).login(counsellorEmail, 'temporary staff passphrase');
		expect((await counsellor.post('/account/set-password', { password: PASSWORD })).status).toBe(303);
		expect((await counsellor.request('/account')).status).toBe(200);
		const { share_code: code } = await server
			.db()
			.selectFrom('user')
			.select('share_code')
			.where('email', '=', counsellorEmail)
			.executeTakeFirstOrThrow();

		const client = await new Jar(server.url).register(secret.email, secret.name);
		const answers = new FormData();
		answers.set('answers', JSON.stringify({ strengths: [{ idea: secret.answer }] }));
		answers.set('page', '0');
		const saved = await client.request('/q/brainstorm-strengths?/save', { method: 'POST', body: answers, headers: { 'x-sveltekit-action': 'true' } });
		expect(saved.status).toBe(200);
		expect((await client.post('/account/tokens?/create', { name: secret.token, password: PASSWORD })).status).toBe(200);
		expect((await client.post(`/share/${code}?/confirm`)).status).toBe(200);
		const { id: clientId } = await server.db().selectFrom('user').select('id').where('email', '=', secret.email).executeTakeFirstOrThrow();
		expect((await counsellor.post(`/counsellor/clients/${clientId}?/note`, { body: secret.note })).status).toBe(200);
		expect((await counsellor.request(`/counsellor/clients/${clientId}`)).status).toBe(200);
		// A failed sign-in: the limiter's row names the email.
		expect((await new Jar(server.url).post('/login', { email: secret.email, password: 'not the password at all' })).status).toBe(400);

		expect(foundOnDisk(Object.values(secret))).toEqual(Object.values(secret));

		const deleted = await client.post('/account?/delete', { confirm: 'DELETE', password: PASSWORD });
		expect(deleted.status).toBe(303);

		expect(foundOnDisk(Object.values(secret))).toEqual([]);
		expect(foundOnDisk([clientId])).toEqual([]);
		// The counsellor's view of the report is still accounted for, against a pseudonym.
		const viewed = await server.db().selectFrom('audit_event').select('subject_id').where('action', '=', 'client.report.viewed').execute();
		// (once: the page shown after the note and the visit after it are one visit, logged once)
		expect(viewed).toHaveLength(1);
		expect(viewed[0].subject_id).toMatch(/^deleted:[0-9a-f-]{36}$/);
		// And the server goes on serving.
		expect((await counsellor.request('/counsellor')).status).toBe(200);
	});
});
