// Changing the email one signs in with, over the real built app: the password is asked again, the
// new email is normalised, taken and unchanged emails are refused with the field named, nothing
// changes on a refusal, and the change is in the person's access log without either address.
import { describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD } from '../support/jar';
import { openDb } from '../support/db';

const base = inject('baseUrl');
const dbTarget = inject('dbTarget');
const email = (who: string) => `email-${who}-${crypto.randomUUID().slice(0, 8)}@example.org`;
const change = (jar: Jar, fields: Record<string, string>) => jar.post('/account/email', fields);
const emailOf = async (id: string) =>
	(await openDb(dbTarget).selectFrom('user').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
const idOf = async (address: string) =>
	(await openDb(dbTarget).selectFrom('user').select('id').where('email', '=', address).executeTakeFirstOrThrow()).id;

describe('changing the email', () => {
	it('asks for the password, normalises the new email, and signing in then takes the new email only', async () => {
		const before = email('before');
		const jar = await new Jar(base).register(before);
		const id = await idOf(before);
		const page = await (await jar.request('/account/email', { headers: { accept: 'text/html' } })).text();
		expect(page).toContain(`Your email now: ${before}`);

		const wrong = await change(jar, { email: email('new'), password: 'not the password' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('The password is not correct.');
		expect(await emailOf(id)).toBe(before);

		const after = email('after');
		const typed = `  ${after.replace('@example.org', '@EXAMPLE.Org')} `;
		const res = await change(jar, { email: typed, password: PASSWORD });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain(`Your email is changed to ${after}. Sign in with it from now on.`);
		expect(await emailOf(id)).toBe(after);
		// The session in use goes on; the old email no longer signs in, the new one does.
		expect((await jar.request('/account', { headers: { accept: 'text/html' } })).status).toBe(200);
		expect((await new Jar(base).post('/login', { email: before, password: PASSWORD })).status).toBe(400);
		await new Jar(base).login(after);

		// The access log has the change, and the audit row holds neither address.
		const rows = await openDb(dbTarget).selectFrom('audit_event').select(['action', 'detail']).where('subject_id', '=', id).execute();
		const changed = rows.filter((r) => r.action === 'account.email.changed');
		expect(changed).toHaveLength(1);
		expect(JSON.stringify(changed)).not.toContain('example.org');
		const account = await (await jar.request('/account', { headers: { accept: 'text/html' } })).text();
		expect(account).toContain('Changed the email');
	});

	it('refuses a bad, unchanged or taken email with the field named, in English and Danish, and changes nothing', async () => {
		const mine = email('mine');
		const theirs = email('theirs');
		await new Jar(base).register(theirs);
		const jar = await new Jar(base).register(mine);
		const id = await idOf(mine);
		const cases: [Record<string, string>, string][] = [
			[{ email: 'not an email', password: PASSWORD }, 'Enter a valid email address.'],
			[{ email: mine.toUpperCase(), password: PASSWORD }, 'This is already your email.'],
			[{ email: theirs, password: PASSWORD }, 'Another account already uses this email.']
		];
		for (const [fields, text] of cases) {
			const res = await change(jar, fields);
			expect(res.status, JSON.stringify(fields)).toBe(400);
			const html = await res.text();
			expect(html).toContain(text);
			// The email field is the one marked, and it keeps what was typed.
			expect(html).toMatch(/<input[^>]*id="email"[^>]*aria-invalid="true"/);
			expect(html).not.toMatch(/<input[^>]*id="password"[^>]*aria-invalid="true"/);
		}
		// Whether another account has an email is told only to someone who typed the password.
		const probe = await (await change(jar, { email: theirs, password: 'not the password' })).text();
		expect(probe).toContain('The password is not correct.');
		expect(probe).not.toContain('Another account already uses this email.');
		// A control character is refused for every form before any action runs, naming the field.
		const control = await change(jar, { email: 'a\u0007b@example.org', password: PASSWORD });
		expect(control.status).toBe(400);
		expect(await control.text()).toContain('The field "email" contains a control character');
		expect((await jar.post('/account?/language', { locale: 'da' })).status).toBeLessThan(400);
		const danish = await change(jar, { email: theirs, password: PASSWORD });
		expect(await danish.text()).toContain('En anden konto bruger allerede denne e-mail.');
		expect(await emailOf(id)).toBe(mine);
		expect(await emailOf(await idOf(theirs))).toBe(theirs);
	});

	it('is not for someone signed out, nor for a client without an account (sent to /account)', async () => {
		const out = await new Jar(base).request('/account/email', { headers: { accept: 'text/html' } });
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toMatch(/^\/login/);
		const anonymous = new Jar(base);
		expect((await anonymous.post('/start', { privacy: 'agree' })).status).toBe(303);
		const res = await anonymous.request('/account/email', { headers: { accept: 'text/html' } });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/account');
	});
});
