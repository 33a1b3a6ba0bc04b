// What ends an account's API tokens, against the real built server: taking the account back (the
// recovery code, an administrator's reset link) ends them and says so; a password change and "sign
// out everywhere" offer to end them and say how many ended; without the box ticked they keep working.
import { describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD, insertAdmin } from '../support/jar';

const base = inject('baseUrl');
const dbTarget = inject('dbTarget');
const CODE = /data-testid="recovery-code">([2-9A-HJKMNP-TV-Z]{4}(?:-[2-9A-HJKMNP-TV-Z]{4}){3})</;
const TOKEN = /spejl_[a-z2-7]{32}/;
const NEW_PASSWORD = 'lantern meadow copper fjord';
const tag = () => crypto.randomUUID().slice(0, 8);

/** A token made on /account/tokens (a form without JavaScript), read from the page that shows it once. */
async function makeToken(jar: Jar, name: string, password = PASSWORD): Promise<string> {
	const res = await jar.post('/account/tokens?/create', { name, password });
	expect(res.status).toBe(200);
	const token = TOKEN.exec(await res.text())?.[0];
	expect(token).toBeDefined();
	return token!;
}
const profileWith = (token: string) => fetch(`${base}/api/v1/profile`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

describe('API tokens end', () => {
	it('when the account is taken back with the recovery code, and the page says so', async () => {
		const email = `tokens-recover-${tag()}@example.org`;
		const owner = new Jar(base);
		expect((await owner.post('/register?next=%2F', { email, password: PASSWORD, privacy: 'agree' })).status).toBe(303);
		const code = CODE.exec(await (await owner.request('/account/recovery-code?next=%2F')).text())?.[1];
		expect(code).toBeDefined();
		// An intruder with the password makes a token for themself.
		const intruder = await new Jar(base).login(email);
		const token = await makeToken(intruder, 'Not mine');
		expect(await profileWith(token)).toBe(200);
		// The form says beforehand that tokens end.
		expect(await (await new Jar(base).request('/login/recover')).text()).toContain('every API token of the account stops working');
		const back = new Jar(base);
		const done = await back.post('/login/recover', { email, code: code!, password: NEW_PASSWORD });
		expect(done.status).toBe(303);
		const shown = await (await back.request(done.headers.get('location')!)).text();
		expect(shown).toContain('every API token of your account has stopped working');
		expect(await profileWith(token)).toBe(401);
		expect((await intruder.request('/account')).status).toBe(303);
		// In Danish too.
		expect(await (await new Jar(base).request('/login/recover', { headers: { 'accept-language': 'da' } })).text()).toContain('alle kontoens API-nøgler holder op med at virke');
	});

	it("when an administrator's reset link is used", async () => {
		const adminEmail = `tokens-admin-${tag()}@example.org`;
		await insertAdmin(dbTarget, adminEmail);
		const admin = await new Jar(base).login(adminEmail);
		const email = `tokens-reset-${tag()}@example.org`;
		const person = await new Jar(base).register(email);
		const token = await makeToken(person, 'Jobportal');
		expect(await profileWith(token)).toBe(200);
		const { openDb } = await import('../support/db');
		const { id: userId } = await openDb(dbTarget).selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
		const issued = await (await admin.post('/admin?/resetLink', { userId, password: PASSWORD })).text();
		const link = /\/reset\/([a-z2-7]{32})</.exec(issued)?.[1];
		expect(link).toBeDefined();
		const someone = new Jar(base);
		expect(await (await someone.request(`/reset/${link}`)).text()).toContain('every API token of the account stops working');
		expect((await someone.post(`/reset/${link}`, { password: NEW_PASSWORD })).status).toBe(303);
		expect(await profileWith(token)).toBe(401);
	});

	it('on "sign out everywhere" and a password change only when asked, saying how many ended', async () => {
		const email = `tokens-signout-${tag()}@example.org`;
		const jar = await new Jar(base).register(email);
		const kept = await makeToken(jar, 'Kept');
		// Not ticked: sessions end, the token keeps working.
		const account = await (await jar.request('/account')).text();
		expect(account).toContain('name="tokens" value="end"');
		let out = await jar.post('/account?/endAllSessions');
		expect(out.headers.get('location')).toBe('/login?signedOut=everywhere');
		expect(await (await jar.request('/login?signedOut=everywhere')).text()).toContain('You are signed out everywhere.');
		expect(await profileWith(kept)).toBe(200);
		// Ticked: the tokens end too, and the sign-in page says how many.
		await jar.login(email);
		const second = await makeToken(jar, 'Second');
		out = await jar.post('/account?/endAllSessions', { tokens: 'end' });
		expect(out.headers.get('location')).toBe('/login?signedOut=everywhere&tokens=2');
		expect(await (await jar.request('/login?signedOut=everywhere&tokens=2', { headers: { 'accept-language': 'da' } })).text()).toContain(
			'Du er logget ud overalt, og 2 API-nøgler blev afsluttet.'
		);
		expect(await profileWith(kept)).toBe(401);
		expect(await profileWith(second)).toBe(401);
		// Password change: the box is offered while a token works; ticked, the token ends and the page says so.
		await jar.login(email);
		const third = await makeToken(jar, 'Third');
		expect(await (await jar.request('/account/password')).text()).toContain('Also end every API token of my account');
		const unticked = await jar.post('/account/password', { current: PASSWORD, password: NEW_PASSWORD });
		expect(unticked.status).toBe(200);
		expect(await profileWith(third)).toBe(200);
		const ticked = await jar.post('/account/password', { current: NEW_PASSWORD, password: `${NEW_PASSWORD} again`, tokens: 'end' });
		expect(ticked.status).toBe(200);
		expect(await ticked.text()).toContain('One API token was ended.');
		expect(await profileWith(third)).toBe(401);
		// No working token left: nothing to offer.
		expect(await (await jar.request('/account/password')).text()).not.toContain('name="tokens"');
	});
});
