// Where people land, against the built app: a counsellor who signs in without a page to return to
// lands on their own page (their clients), a client at home, and a page asked for still wins; after
// deleting their account a person is told on the home page that it is done; a client's home page
// carries no text meant for developers.
import { describe, expect, inject, it } from 'vitest';
import { openDb } from '../support/db';
import { Jar, PASSWORD } from '../support/jar';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

describe('landing pages', () => {
	it('sends a counsellor to /counsellor and a client home after signing in', async () => {
		const tag = crypto.randomUUID().slice(0, 8);
		await new Jar(base).register(`land-c-${tag}@example.org`);
		await new Jar(base).register(`land-k-${tag}@example.org`);
		await openDb(dbPath).updateTable('user').set({ role: 'counsellor' }).where('email', '=', `land-k-${tag}@example.org`).execute();
		const signIn = (email: string, next?: string) => new Jar(base).post(next ? `/login?next=${encodeURIComponent(next)}` : '/login', { email, password: PASSWORD });
		expect((await signIn(`land-k-${tag}@example.org`)).headers.get('location')).toBe('/counsellor');
		expect((await signIn(`land-c-${tag}@example.org`)).headers.get('location')).toBe('/');
		expect((await signIn(`land-k-${tag}@example.org`, '/account')).headers.get('location')).toBe('/account');
	});

	it('confirms on the home page that the account was deleted', async () => {
		const jar = await new Jar(base).register(`land-d-${crypto.randomUUID().slice(0, 8)}@example.org`);
		const deleted = await jar.post('/account?/delete', { confirm: 'DELETE', password: PASSWORD });
		expect([deleted.status, deleted.headers.get('location')]).toEqual([303, '/?deleted=1']);
		const home = await (await jar.request('/?deleted=1')).text();
		expect(home).toContain('Your account and everything stored about you have been deleted. You are signed out.');
		expect(home).not.toContain('Sign out');
		// Without the marker, the home page says nothing of the kind.
		expect(await (await jar.request('/')).text()).not.toContain('have been deleted');
	});

	it('shows a client no developer text about the questionnaires', async () => {
		const jar = await new Jar(base).register(`land-h-${crypto.randomUUID().slice(0, 8)}@example.org`);
		const home = await (await jar.request('/')).text();
		expect(home).toContain('A short look at how you plan your studies and where you find help.');
		expect(home).not.toMatch(/Likert|answers with weights/);
	});
});
