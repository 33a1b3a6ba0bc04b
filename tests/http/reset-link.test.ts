// Administrator reset links and first-time passwords against the real built server: a link works
// once, expires, ends every session of the account and is stored only as its hash; a staff account
// an administrator created must choose its own password before anything else.
import { openDb } from '../support/db';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD, insertAdmin } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const LINK = /\/reset\/([a-z2-7]{32})</;
const NEW_PASSWORD = 'lantern meadow copper fjord';
const TEMPORARY = 'temporary staff passphrase';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tag = () => crypto.randomUUID().slice(0, 8);

const idOf = async (target: string, email: string) =>
	(await openDb(target).selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

/** The classes of the box asking for the administrator's password before a reset link is made. */
const classesOf = (html: string) => /<form[^>]*class="([^"]*)"[^>]*data-testid="reset-confirm"/.exec(html)?.[1].split(/\s+/) ?? [];

/** The admin issues a link on /admin (as a form without JavaScript) and reads it from the page. */
async function issue(admin: Jar, userId: string): Promise<string> {
	// First the administrator's own password is asked for; a wrong one makes no link.
	// The question is asked in the neutral style; red only once the password typed is wrong.
	const asked = await admin.post('/admin?/resetLink', { userId });
	expect(asked.status).toBe(200);
	const askedPage = await asked.text();
	expect(askedPage).toContain('Type your own password to make it.');
	expect(classesOf(askedPage)).toEqual(expect.arrayContaining(['alert', 'info', 'confirm-reset']));
	expect(askedPage).not.toContain('id="reset-password-error"');
	const wrong = await admin.post('/admin?/resetLink', { userId, password: 'not the admin password' });
	expect(wrong.status).toBe(400);
	const wrongPage = await wrong.text();
	expect(LINK.test(wrongPage)).toBe(false);
	expect(classesOf(wrongPage)).toEqual(expect.arrayContaining(['alert', 'confirm-reset']));
	expect(classesOf(wrongPage)).not.toContain('info');
	expect(wrongPage).toMatch(/<p id="reset-password-error" class="error[^"]*" role="alert">The password is not correct\.<\/p>/);
	const res = await admin.post('/admin?/resetLink', { userId, password: PASSWORD });
	expect(res.status).toBe(200);
	const html = await res.text();
	expect(html).toContain('It works once, until');
	const token = LINK.exec(html)?.[1];
	expect(token).toBeDefined();
	return token!;
}

describe('reset links', () => {
	let admin: Jar;
	beforeAll(async () => {
		const email = `reset-admin-${tag()}@example.org`;
		await insertAdmin(dbPath, email);
		admin = await new Jar(base).login(email);
	});

	it('set a new password once, end every session, and are stored only as a hash', async () => {
		const email = `reset-client-${tag()}@example.org`;
		const before = await new Jar(base).register(email);
		const userId = await idOf(dbPath, email);
		const token = await issue(admin, userId);
		const row = await openDb(dbPath).selectFrom('password_reset').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
		expect(row.id).toBe(sha256(token));
		expect(JSON.stringify(row)).not.toContain(token);
		const audit = await openDb(dbPath).selectFrom('audit_event').select(['action', 'actor_id']).where('subject_id', '=', userId).where('action', '=', 'admin.password-reset.issued').execute();
		expect(audit).toHaveLength(1);

		const person = new Jar(base);
		const page = await (await person.request(`/reset/${token}`)).text();
		expect(page).toContain(`You are choosing a new password for ${email}`);
		// Too weak: refused, and the link still works.
		const weak = await person.post(`/reset/${token}`, { password: 'password12' });
		expect(weak.status).toBe(400);
		expect(await weak.text()).toContain('This password is too easy to guess.');
		const done = await person.post(`/reset/${token}`, { password: NEW_PASSWORD });
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe('/');
		expect((await person.request('/account')).status).toBe(200);

		// The session from before has ended; the new password works and the old one does not.
		const old = await before.request('/account');
		expect(old.status).toBe(303);
		await new Jar(base).login(email, NEW_PASSWORD);
		expect((await new Jar(base).post('/login', { email, password: PASSWORD })).status).toBe(400);

		// Used: refused with a message, changing nothing.
		const again = await new Jar(base).request(`/reset/${token}`);
		expect(await again.text()).toContain('This link has already been used.');
		const reuse = await new Jar(base).post(`/reset/${token}`, { password: 'yet another long passphrase' });
		expect(reuse.status).toBe(400);
		expect(await reuse.text()).toContain('This link has already been used.');
		await new Jar(base).login(email, NEW_PASSWORD);
	});

	it('a new link replaces the earlier one; an unknown link is refused', async () => {
		const email = `reset-twice-${tag()}@example.org`;
		await new Jar(base).register(email);
		const userId = await idOf(dbPath, email);
		const first = await issue(admin, userId);
		const second = await issue(admin, userId);
		expect(await (await new Jar(base).request(`/reset/${first}`)).text()).toContain('This link is not valid.');
		expect(await (await new Jar(base).request(`/reset/${second}`)).text()).toContain('You are choosing a new password');
		expect(await (await new Jar(base).request('/reset/abcdefghijklmnopqrstuvwxyz234567')).text()).toContain('This link is not valid.');
	});

	it('an account without an email gets no link', async () => {
		const anon = new Jar(base);
		expect((await anon.post('/start?next=%2F', { privacy: 'agree' })).status).toBe(303);
		const sessionId = sha256(anon.cookies.get('spejl_session')!);
		const id = (await openDb(dbPath).selectFrom('session').select('user_id').where('id', '=', sessionId).executeTakeFirstOrThrow()).user_id;
		const res = await admin.post('/admin?/resetLink', { userId: id, password: PASSWORD });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('This account has no email');
	});
});

describe('an expired link', () => {
	let server: RunningServer;
	// Links that last 1.8 seconds.
	beforeAll(async () => {
		server = await startServer({ RESET_LINK_HOURS: '0.0005' });
	});
	afterAll(() => server.stop());

	it('is refused with a message and changes nothing', async () => {
		const adminEmail = `reset-admin-${tag()}@example.org`;
		await insertAdmin(server.dbTarget, adminEmail);
		const admin = await new Jar(server.url).login(adminEmail);
		const email = `reset-late-${tag()}@example.org`;
		await new Jar(server.url).register(email);
		const token = await issue(admin, await idOf(server.dbTarget, email));
		await new Promise((r) => setTimeout(r, 2000));
		expect(await (await new Jar(server.url).request(`/reset/${token}`)).text()).toContain('This link has expired.');
		const late = await new Jar(server.url).post(`/reset/${token}`, { password: NEW_PASSWORD });
		expect(late.status).toBe(400);
		expect(await late.text()).toContain('This link has expired.');
		await new Jar(server.url).login(email);
	});
});

describe('staff accounts an administrator creates', () => {
	it('must choose their own password before anything else', async () => {
		const adminEmail = `first-admin-${tag()}@example.org`;
		await insertAdmin(dbPath, adminEmail);
		const admin = await new Jar(base).login(adminEmail);
		const email = `first-counsellor-${tag()}@example.org`;
		expect((await admin.post('/admin?/create', { email, name: 'New Counsellor', password: TEMPORARY, role: 'counsellor' })).status).toBe(200);

		const staff = await new Jar(base).login(email, TEMPORARY);
		for (const path of ['/', '/counsellor', '/account', '/account/password']) {
			const res = await staff.request(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location'), path).toBe(`/account/set-password?next=${encodeURIComponent(path)}`);
		}
		const refused = await staff.post('/account?/language', { locale: 'da' });
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('Please choose your own password at /account/set-password first.');
		const form = await (await staff.request('/account/set-password?next=%2Fcounsellor')).text();
		expect(form).toContain('An administrator chose the password you signed in with.');

		const same = await staff.post('/account/set-password?next=%2Fcounsellor', { password: TEMPORARY });
		expect(same.status).toBe(400);
		expect(await same.text()).toContain('The new password must be different from the current one.');
		const weak = await staff.post('/account/set-password?next=%2Fcounsellor', { password: '1234567890' });
		expect(weak.status).toBe(400);
		const set = await staff.post('/account/set-password?next=%2Fcounsellor', { password: NEW_PASSWORD });
		expect(set.status).toBe(303);
		expect(set.headers.get('location')).toBe('/counsellor');
		expect((await staff.request('/counsellor')).status).toBe(200);
		const row = await openDb(dbPath).selectFrom('user').select('must_set_password').where('email', '=', email).executeTakeFirstOrThrow();
		expect(Number(row.must_set_password)).toBe(0);
		await new Jar(base).login(email, NEW_PASSWORD);
		expect((await new Jar(base).post('/login', { email, password: TEMPORARY })).status).toBe(400);
	});
});
