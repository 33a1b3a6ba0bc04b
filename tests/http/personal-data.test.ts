// "Download all my data": everything stored about the signed-in person, nobody else's, no secrets.
import { describe, expect, inject, it } from 'vitest';
import { Jar } from '../support/jar';

const base = inject('baseUrl');

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

	it('sends anonymous visitors to sign in', async () => {
		const res = await new Jar(base).request('/account/data.json');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Faccount%2Fdata.json');
	});
});
