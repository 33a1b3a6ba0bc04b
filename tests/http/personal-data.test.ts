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
		expect(data.accessLog.map((e: { action: string }) => e.action)).toEqual(['account.created', 'account.data.downloaded']);
		expect(text).not.toContain(`bob-${stamp}`);
		expect(text).not.toMatch(/password|\$argon2/i);

		// The download itself is in the access log.
		const again = await (await ann.request('/account/data.json')).json();
		expect(again.accessLog.filter((e: { action: string }) => e.action === 'account.data.downloaded')).toHaveLength(2);
	});

	it('sends anonymous visitors to sign in', async () => {
		const res = await new Jar(base).request('/account/data.json');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Faccount%2Fdata.json');
	});
});
