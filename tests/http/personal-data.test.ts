// "Download all my data": everything stored about the signed-in person, nobody else's, no secrets.
import { describe, expect, inject, it } from 'vitest';
import { Jar, insertAdmin } from '../support/jar';
import { openDb } from '../support/db';

const base = inject('baseUrl');
const dbTarget = inject('dbTarget');

async function saveAnswers(jar: Jar, answers: Record<string, unknown>) {
	const body = new FormData();
	body.set('answers', JSON.stringify(answers));
	body.set('page', '1');
	const res = await jar.request('/q/riasec-48?/save', { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } });
	expect(res.status).toBe(200);
}

describe('GET /account/data.json', () => {
	it('gives the person their account, answers and access log, and nothing of anyone else', async () => {
		const stamp = Date.now();
		const ann = await new Jar(base).register(`ann-${stamp}@example.org`, 'Ann');
		const bob = await new Jar(base).register(`bob-${stamp}@example.org`, 'Bob');
		await saveAnswers(ann, { R1: 5, I1: 2 });
		await saveAnswers(bob, { R1: 1 });

		const res = await ann.request('/account/data.json');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="spejl-all-my-data-\d{4}-\d\d-\d\d\.json"$/);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const text = await res.text();
		const data = JSON.parse(text);
		expect(data.format).toBe('spejl-personal-data-v1');
		expect(data.account).toMatchObject({ email: `ann-${stamp}@example.org`, name: 'Ann', role: 'client' });
		expect(data.responses).toHaveLength(1);
		expect(data.responses[0]).toMatchObject({ instrument: 'riasec-48', version: '1.1.0', status: 'in_progress', currentPage: 1, answers: { I1: 2, R1: 5 } });
		expect(data.accessLog.map((e: { action: string }) => e.action)).toEqual(['account.created', 'account.recovery-code.issued', 'account.data.downloaded']);
		expect(text).not.toContain(`bob-${stamp}`);
		expect(text).not.toMatch(/password|\$argon2/i);

		// The download itself is in the access log.
		const again = await (await ann.request('/account/data.json')).json();
		expect(again.accessLog.filter((e: { action: string }) => e.action === 'account.data.downloaded')).toHaveLength(2);
	});

	it('includes the chosen preparation level and the shortlist', async () => {
		const jar = await new Jar(base).register(`shortlist-data-${Date.now()}@example.org`, 'Cleo');
		const before = await (await jar.request('/account/data.json')).json();
		expect(before.account.preparationLevel).toBeNull();
		expect(before.shortlist).toEqual([]);

		const act = (action: string, fields: Record<string, string>) =>
			jar.request(`/matches?/${action}`, {
				method: 'POST',
				headers: { 'x-sveltekit-action': 'true', accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(fields)
			});
		expect((await act('prep', { set: 'onet-29-3', level: '3' })).status).toBe(200);
		for (const id of ['11-1011.00', '29-2061.00']) expect((await act('star', { set: 'onet-29-3', id })).status).toBe(200);
		// An unknown occupation is refused and not stored.
		expect(JSON.parse(await (await act('star', { set: 'onet-29-3', id: '99-9999.99' })).text()).type).toBe('failure');

		const data = await (await jar.request('/account/data.json')).json();
		expect(data.account.preparationLevel).toBe('3');
		expect(data.shortlist.map((s: { set: string; id: string; title: string }) => [s.set, s.id, s.title])).toEqual([
			['onet-29-3', '11-1011.00', 'Chief Executives'],
			['onet-29-3', '29-2061.00', 'Licensed Practical and Licensed Vocational Nurses']
		]);
		for (const s of data.shortlist) {
			expect(Date.parse(s.addedAt)).not.toBeNaN();
			expect(s).toMatchObject({ comment: null, commentBy: null, commentAt: null });
		}
	});

	it("keeps for a counsellor whose client revoked the share only what the counsellor wrote: no client email, name or text", async () => {
		const tag = crypto.randomUUID().slice(0, 8);
		const counsellorEmail = `counsellor-export-${tag}@example.org`;
		const counsellorId = await insertAdmin(dbTarget, counsellorEmail);
		const db = openDb(dbTarget);
		await db.updateTable('user').set({ role: 'counsellor' }).where('id', '=', counsellorId).execute();
		const counsellor = await new Jar(base).login(counsellorEmail);
		expect((await counsellor.request('/counsellor')).status).toBe(200);
		const { share_code: code } = await db.selectFrom('user').select('share_code').where('id', '=', counsellorId).executeTakeFirstOrThrow();
		const client = { email: `vibeke-${tag}@example.org`, name: `Vibeke Holm-${tag}`, reply: `I worry about the night shifts ${tag}` };
		const jar = await new Jar(base).register(client.email, client.name);
		expect((await jar.post(`/share/${code}?/confirm`)).status).toBe(200);
		const { id: clientId } = await db.selectFrom('user').select('id').where('email', '=', client.email).executeTakeFirstOrThrow();
		const own = `Suggested the care assistant course ${tag}`;
		expect((await counsellor.post(`/counsellor/clients/${clientId}?/note`, { body: own })).status).toBe(200);
		expect((await jar.post('/profile?/reply', { counsellor: counsellorId, body: client.reply })).status).toBe(200);
		expect((await counsellor.post(`/counsellor/clients/${clientId}?/assign`, { instrument: 'riasec-48', message: `Please take this ${tag}` })).status).toBeLessThan(400);

		// While the client shares: the counsellor's download has the client and the thread.
		const sharing = await (await counsellor.request('/account/data.json')).text();
		for (const secret of [client.email, client.reply, own]) expect(sharing).toContain(secret);

		expect((await jar.post('/account?/revoke', { counsellorId })).status).toBe(200);
		const res = await counsellor.request('/account/data.json');
		expect(res.status).toBe(200);
		const text = await res.text();
		for (const secret of [client.email, client.name, client.reply, clientId]) expect(text).not.toContain(secret);
		const data = JSON.parse(text);
		// What the counsellor wrote stays theirs: their note, their assignment, when the share began and ended.
		expect(data.notes).toEqual([{ client: null, counsellor: counsellorEmail, author: counsellorEmail, body: own, createdAt: expect.any(String) }]);
		expect(data.shares).toEqual([{ client: null, counsellor: counsellorEmail, grantedAt: expect.any(String), revokedAt: expect.any(String) }]);
		expect(data.assignments).toHaveLength(1);
		expect(data.assignments[0]).toMatchObject({ client: null, counsellor: counsellorEmail, instrument: 'riasec-48' });
		// The client's own download still has everything, the counsellor's note included.
		const mine = await (await jar.request('/account/data.json')).text();
		for (const secret of [client.email, client.reply, own, counsellorEmail]) expect(mine).toContain(secret);
	});

	it('sends anonymous visitors to sign in', async () => {
		const res = await new Jar(base).request('/account/data.json');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Faccount%2Fdata.json');
	});
});
