// Account recovery codes against the real built server: a new account gets a code shown once (only
// its SHA-256 is stored); email + code + a new password reset a forgotten password, end every
// session and issue a new code; wrong pairs are answered alike and throttled per address; the code
// can be replaced from /account with the password.
import { openDb } from '../support/db';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const CODE = /data-testid="recovery-code">([2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4})</;
const NEW_PASSWORD = 'lantern meadow copper fjord';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const email = (tag: string) => `recover-${tag}-${crypto.randomUUID().slice(0, 8)}@example.org`;

/** Registers through the form and reads the recovery code from the page it is sent to. */
async function registerWithCode(server: string, address: string, next = '/profile') {
	const jar = new Jar(server);
	const res = await jar.post(`/register?next=${encodeURIComponent(next)}`, { email: address, password: PASSWORD, privacy: 'agree' });
	expect(res.status).toBe(303);
	expect(res.headers.get('location')).toBe(`/account/recovery-code?next=${encodeURIComponent(next)}`);
	expect(jar.cookies.has('spejl_session')).toBe(true);
	const page = await jar.request(res.headers.get('location')!);
	expect(page.status).toBe(200);
	const code = CODE.exec(await page.text())?.[1];
	expect(code).toBeDefined();
	return { jar, code: code! };
}

const userRow = (address: string) =>
	openDb(dbPath).selectFrom('user').select(['id', 'password_hash', 'recovery_code_hash']).where('email', '=', address).executeTakeFirstOrThrow();

describe('recovery code at registration', () => {
	it('is shown once, stored only as its hash, and the page then goes on to next', async () => {
		const address = email('new');
		const { jar, code } = await registerWithCode(base, address);
		const row = await userRow(address);
		expect(row.recovery_code_hash).toBe(sha256(code.replace(/-/g, '')));
		const cont = await jar.post('/account/recovery-code?next=%2Fprofile');
		expect(cont.status).toBe(303);
		expect(cont.headers.get('location')).toBe('/profile');
		// Shown once: the same browser is now sent straight on.
		const again = await jar.request('/account/recovery-code?next=%2Fprofile');
		expect(again.status).toBe(303);
		expect(again.headers.get('location')).toBe('/profile');
	});

	it('a client without an account who adds email and password on /account gets one too', async () => {
		const jar = new Jar(base);
		expect((await jar.post('/start?next=%2F', { privacy: 'agree' })).status).toBe(303);
		const address = email('anon');
		const added = await jar.post('/account?/addCredentials', { email: address, password: PASSWORD });
		expect(added.status).toBe(303);
		expect(added.headers.get('location')).toBe('/account/recovery-code?next=/account');
		const code = CODE.exec(await (await jar.request('/account/recovery-code?next=/account')).text())?.[1];
		expect(code).toBeDefined();
		expect((await userRow(address)).recovery_code_hash).toBe(sha256(code!.replace(/-/g, '')));
	});
});

describe('resetting a forgotten password with the code', () => {
	it('sets the new password, ends every session, replaces the code and signs this browser in', async () => {
		const address = email('reset');
		const { jar: first, code } = await registerWithCode(base, address);
		const second = await new Jar(base).login(address);
		expect((await second.request('/account')).status).toBe(200);

		const other = new Jar(base);
		// Small letters and spaces are fine, as for resume codes.
		const res = await other.post('/login/recover', { email: address.toUpperCase(), code: code.toLowerCase().replace(/-/g, ' '), password: NEW_PASSWORD });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/account/recovery-code?recovered=1&next=/');
		const page = await (await other.request(res.headers.get('location')!)).text();
		expect(page).toContain('Your new password is set');
		const fresh = CODE.exec(page)?.[1];
		expect(fresh).toBeDefined();
		expect(fresh).not.toBe(code);
		expect((await userRow(address)).recovery_code_hash).toBe(sha256(fresh!.replace(/-/g, '')));

		// Both earlier sessions have ended; the recovering browser is signed in.
		for (const jar of [first, second]) {
			const r = await jar.request('/account');
			expect(r.status).toBe(303);
			expect(r.headers.get('location')).toBe('/login?next=%2Faccount');
		}
		expect((await other.request('/account')).status).toBe(200);

		// The new password works, the old one and the used code do not.
		await new Jar(base).login(address, NEW_PASSWORD);
		expect((await new Jar(base).post('/login', { email: address, password: PASSWORD })).status).toBe(400);
		const reused = await new Jar(base).post('/login/recover', { email: address, code, password: 'another fine long passphrase' });
		expect(reused.status).toBe(400);
		expect(await reused.text()).toContain('This email and recovery code do not belong together');
	});

	it('names what is wrong, answers a wrong email and a wrong code alike, and changes nothing', async () => {
		const address = email('wrong');
		const { code } = await registerWithCode(base, address);
		const before = await userRow(address);
		const cases: [Record<string, string>, string][] = [
			[{ email: address, code: '', password: NEW_PASSWORD }, 'Enter your recovery code.'],
			[{ email: address, code: 'ABCD-EFGH-JKMN-PQR', password: NEW_PASSWORD }, 'A recovery code has 16 letters and digits'],
			[{ email: address, code: 'ABCD-EFGH-JKMN-PQRO', password: NEW_PASSWORD }, 'never part of a recovery code'],
			[{ email: address, code, password: 'password12' }, 'This password is too easy to guess.'],
			[{ email: address, code: 'ABCD-EFGH-JKMN-PQRS', password: NEW_PASSWORD }, 'This email and recovery code do not belong together'],
			[{ email: email('nobody'), code, password: NEW_PASSWORD }, 'This email and recovery code do not belong together']
		];
		for (const [fields, message] of cases) {
			const jar = new Jar(base);
			const res = await jar.post('/login/recover', fields);
			expect(res.status, message).toBe(400);
			expect(await res.text()).toContain(message);
			expect(jar.cookies.has('spejl_session')).toBe(false);
		}
		expect(await userRow(address)).toEqual(before);
		await new Jar(base).login(address);
	});

	it('the sign-in page links to it', async () => {
		const html = await (await new Jar(base).request('/login')).text();
		expect(html).toContain('href="/login/recover"');
	});
});

describe('replacing the code from /account', () => {
	it('needs the password; the old code then stops working and the new one works', async () => {
		const address = email('replace');
		const { jar, code } = await registerWithCode(base, address);
		await jar.post('/account/recovery-code');
		const refused = await jar.post('/account?/replaceRecoveryCode', { password: 'not my password' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('The password is not correct.');
		expect((await userRow(address)).recovery_code_hash).toBe(sha256(code.replace(/-/g, '')));

		const replaced = await jar.post('/account?/replaceRecoveryCode', { password: PASSWORD });
		expect(replaced.status).toBe(303);
		expect(replaced.headers.get('location')).toBe('/account/recovery-code?next=/account');
		const fresh = CODE.exec(await (await jar.request('/account/recovery-code?next=/account')).text())?.[1];
		expect(fresh).toBeDefined();
		expect(fresh).not.toBe(code);
		expect((await new Jar(base).post('/login/recover', { email: address, code, password: NEW_PASSWORD })).status).toBe(400);
		expect((await new Jar(base).post('/login/recover', { email: address, code: fresh!, password: NEW_PASSWORD })).status).toBe(303);
	});
});

describe('guessing recovery codes', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(() => server.stop());

	it('is stopped after 10 wrong codes from one address, even for the right code', async () => {
		const address = email('guess');
		const { code } = await registerWithCode(server.url, address);
		for (let i = 0; i < 10; i++) {
			const wrong = `ABCD-EFGH-JKMN-${'2345678923'[i]}QRS`;
			expect((await new Jar(server.url).post('/login/recover', { email: address, code: wrong, password: NEW_PASSWORD })).status).toBe(400);
		}
		const blocked = await new Jar(server.url).post('/login/recover', { email: address, code, password: NEW_PASSWORD });
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toMatch(/Wait 1[45] minutes and try again/);
		// Nothing changed: the old password still signs in.
		await new Jar(server.url).login(address);
	});
});
