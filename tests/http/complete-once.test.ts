// A completion is stored once. The same first completion (no response id yet) sent again with the
// page's idempotency key, in sequence, at the same moment, and to a new server after the first was
// killed with SIGKILL, leaves exactly one row and gets that row's id; the plain form's "Complete"
// sent twice stores one completion. Runs on SQLite and on PostgreSQL (TEST_DATABASE_URL).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';
import { Jar } from '../support/jar';

const items = (JSON.parse(readFileSync('questionnaires/riasec-48.json', 'utf8')) as { scoring: { scales: { items: string[] }[] } }).scoring.scales.flatMap(
	(s) => s.items
);
const answers = Object.fromEntries(items.map((item, i) => [item, 1 + (i % 5)]));

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

/** As the SurveyJS page completes (SurveyForm.svelte): JSON, no response id saved before, the page's key. */
const completeJson = (jar: Jar, key: string) =>
	jar.request('/q/riasec-48/complete', {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({ answers, completionKey: key })
	});
const replyOf = async (res: Response) => ({ status: res.status, body: (await res.json()) as { responseId?: string; completed?: boolean; repeated?: boolean; message?: string } });

async function client(on: RunningServer): Promise<{ jar: Jar; rows: () => Promise<{ id: string; status: string }[]> }> {
	const email = `once-${crypto.randomUUID()}@example.org`;
	const jar = await new Jar(on.url).register(email);
	const { id } = await on.db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
	return { jar, rows: () => on.db().selectFrom('response').select(['id', 'status']).where('user_id', '=', id).execute() };
}

const hiddenKey = (html: string, formStart: RegExp) => {
	const form = html.slice(html.search(formStart));
	return /<input type="hidden" name="completionKey" value="([^"]+)"/.exec(form.slice(0, form.indexOf('</form>')))?.[1];
};

describe('a completion sent twice with one key is stored once', () => {
	it('in sequence: the second gets the first one’s id, as a repeat', async () => {
		const { jar, rows } = await client(server);
		const key = crypto.randomUUID();
		const first = await replyOf(await completeJson(jar, key));
		const second = await replyOf(await completeJson(jar, key));
		expect(first).toEqual({ status: 200, body: { responseId: expect.any(String), completed: true, repeated: false } });
		expect(second).toEqual({ status: 200, body: { responseId: first.body.responseId, completed: true, repeated: true } });
		expect(await rows()).toEqual([{ id: first.body.responseId, status: 'completed' }]);
	});

	it('at the same moment: one row, and every request is answered with its id', async () => {
		const { jar, rows } = await client(server);
		const key = crypto.randomUUID();
		const replies = await Promise.all([1, 2, 3].map(async () => replyOf(await completeJson(jar, key))));
		const stored = await rows();
		expect(stored).toHaveLength(1);
		expect(replies.map((r) => [r.status, r.body.responseId, r.body.completed])).toEqual([1, 2, 3].map(() => [200, stored[0].id, true]));
		expect(replies.filter((r) => !r.body.repeated)).toHaveLength(1);
	});

	it('refuses a malformed key with the reason, and stores nothing', async () => {
		const { jar, rows } = await client(server);
		const bad = await replyOf(await completeJson(jar, 'short'));
		expect(bad.status).toBe(400);
		expect(bad.body.message).toContain('"completionKey" must be 16 to 64 characters');
		expect(await rows()).toEqual([]);
	});

	it('the plain form carries the page’s key, and its "Complete anyway" sent twice completes once', async () => {
		const { jar, rows } = await client(server);
		const page = await (await jar.request('/q/riasec-48')).text();
		const formKey = hiddenKey(page, /<form[^>]*id="plain-form"/);
		expect(formKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		// Another opening of the page makes another key.
		expect(hiddenKey(await (await jar.request('/q/riasec-48')).text(), /<form[^>]*id="plain-form"/)).not.toBe(formKey);
		// Every answer saved (as the pages before did), then the review page's form, sent twice (a lost reply).
		const save = new FormData();
		save.set('answers', JSON.stringify(answers));
		save.set('page', '7');
		expect((await jar.request('/q/riasec-48?/save', { method: 'POST', headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }, body: save })).status).toBe(200);
		const review = await (await jar.request('/q/riasec-48?review')).text();
		const key = hiddenKey(review, /<form[^>]*action="\?review&amp;\/plain"/);
		expect(key).toMatch(/^[0-9a-f-]{36}$/);
		for (let i = 0; i < 2; i++) {
			const res = await jar.post('/q/riasec-48?review&/plain', { nav: 'confirm', completionKey: key! });
			expect([res.status, res.headers.get('location')]).toEqual([303, '/profile#riasec-48']);
		}
		const stored = await rows();
		expect(stored.map((r) => r.status)).toEqual(['completed']);
		// The form action used by scripts takes the key too.
		const action = new FormData();
		action.set('answers', JSON.stringify(answers));
		action.set('completionKey', key!);
		const repeat = await jar.request('/q/riasec-48?/complete', { method: 'POST', headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }, body: action });
		expect(await repeat.text()).toContain(stored[0].id);
		expect(await rows()).toHaveLength(1);
	});
});

describe('around a kill -9', () => {
	it('the completion stored before the crash answers the same key sent to the restarted server', async () => {
		const first = await startServer();
		let again: RunningServer | undefined;
		try {
			const { jar, rows } = await client(first);
			const key = crypto.randomUUID();
			// Sent; the server dies as soon as the row is there, so the reply may never come.
			const sent = completeJson(jar, key).then(replyOf, () => null);
			await expect.poll(async () => (await rows()).length, { timeout: 30_000 }).toBe(1);
			await first.crash();
			const lost = await sent;
			const [stored] = await rows();
			again = await startServer({}, { database: first.dbTarget });
			jar.base = again.url;
			const retried = await replyOf(await completeJson(jar, key));
			expect(retried).toEqual({ status: 200, body: { responseId: stored.id, completed: true, repeated: true } });
			if (lost) expect(lost.body.responseId).toBe(stored.id);
			expect(await rows()).toEqual([{ id: stored.id, status: 'completed' }]);
		} finally {
			await again?.stop();
			await first.stop();
		}
	});
});
