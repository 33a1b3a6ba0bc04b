// Two-factor sign-in (TOTP) against the real built app, on SQLite or on PostgreSQL (TEST_DATABASE_URL).
// The codes are made here with @oslojs/otp from the key the page shows, as an authenticator app
// makes them: the real algorithm, not a stand-in.
import { createHash } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeHexLowerCase } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../support/db';
import { Jar, PASSWORD, insertAdmin } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';
import { RETRY, stopwatch, untilInTime } from '../support/timing';

const base = inject('baseUrl');
const dbTarget = inject('dbTarget');
const tag = () => crypto.randomUUID().slice(0, 8);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000 + 150));

const stepNow = () => Math.floor(Date.now() / 30_000);
const codeAt = (key: Uint8Array, step: number) => generateHOTP(key, BigInt(step), 6);
/** A 6-digit code that is none of the codes of the steps around now. */
function wrongCode(key: Uint8Array): string {
	const near = new Set([-2, -1, 0, 1, 2].map((d) => codeAt(key, stepNow() + d)));
	for (let n = 123456; ; n++) if (!near.has(String(n))) return String(n);
}
const RECOVERY = /<li>([2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4})<\/li>/g;
const codesIn = (html: string) => [...html.matchAll(RECOVERY)].map((m) => m[1]);
const idOf = async (target: string, email: string) =>
	(await openDb(target).selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

/** Sets up two-factor sign-in from /account/two-factor as a person would; returns the key and the recovery codes. */
async function enable(jar: Jar): Promise<{ key: Uint8Array; codes: string[]; step: number }> {
	const started = await jar.post('/account/two-factor?/start');
	expect(started.status).toBe(303);
	const page = await (await jar.request('/account/two-factor')).text();
	const grouped = /data-testid="two-factor-secret"[^>]*>([A-Z2-7 ]+)</.exec(page)?.[1];
	expect(grouped).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
	const key = decodeBase32IgnorePadding(grouped!.replace(/ /g, ''));
	const uri = /data-testid="two-factor-uri"[^>]*>([^<]+)</.exec(page)?.[1].replace(/&amp;/g, '&');
	expect(uri).toMatch(/^otpauth:\/\/totp\/Spejl:/);
	expect(new URL(uri!).searchParams.get('secret')).toBe(grouped!.replace(/ /g, ''));
	const step = stepNow();
	const done = await jar.post('/account/two-factor?/confirm', { code: codeAt(key, step) });
	expect(done.status).toBe(200);
	const html = await done.text();
	expect(html).toContain('Two-factor sign-in is on.');
	const codes = codesIn(html);
	expect(codes).toHaveLength(10);
	return { key, codes, step };
}

/** The password step of a sign-in; for an account with two-factor sign-in it must not open a session. */
async function passwordStep(url: string, email: string, password = PASSWORD, jar = new Jar(url)): Promise<Jar> {
	const res = await jar.post('/login?next=%2Faccount', { email, password });
	expect(res.status).toBe(303);
	expect(res.headers.get('location')).toBe('/login/two-factor?next=%2Faccount');
	expect(jar.cookies.has('spejl_session')).toBe(false);
	return jar;
}

describe('two-factor sign-in', () => {
	it('is set up with a current code, asked for after the password, and refuses wrong and reused codes', async () => {
		const email = `totp-${tag()}@example.org`;
		const jar = await new Jar(base).register(email);
		const other = await new Jar(base).login(email);
		const userId = await idOf(dbTarget, email);

		// A wrong code does not switch it on.
		expect(await (await jar.request('/account/two-factor')).text()).toContain('Start setting up');
		expect((await jar.post('/account/two-factor?/start')).status).toBe(303);
		const page = await (await jar.request('/account/two-factor')).text();
		const key = decodeBase32IgnorePadding(/data-testid="two-factor-secret"[^>]*>([A-Z2-7 ]+)</.exec(page)![1].replace(/ /g, ''));
		const wrong = await jar.post('/account/two-factor?/confirm', { code: wrongCode(key) });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('This is not the code for this key.');
		const notYet = await openDb(dbTarget).selectFrom('two_factor').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
		expect(notYet.enabled_at).toBeNull();
		expect(notYet.secret).toBe(encodeHexLowerCase(key));
		const letters = await jar.post('/account/two-factor?/confirm', { code: 'abcdef' });
		expect(await letters.text()).toContain('The code from the app has 6 digits and nothing else.');

		// Starting again makes a new key; the person confirms with a code of that one.
		const { key: realKey, codes } = await enable(jar);
		const row = await openDb(dbTarget).selectFrom('two_factor').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
		expect(row.enabled_at).not.toBeNull();
		expect(row.secret).toBe(encodeHexLowerCase(realKey));
		expect(row.secret).not.toBe(notYet.secret);
		// Recovery codes are stored only as hashes.
		const stored = await openDb(dbTarget).selectFrom('two_factor_recovery').select('id').where('user_id', '=', userId).execute();
		expect(stored.map((r) => r.id).sort()).toEqual(codes.map((c) => sha256(c.replace(/-/g, ''))).sort());
		// The other browser was signed out; this one stays signed in.
		expect((await other.request('/account')).status).toBe(303);
		const account = await (await jar.request('/account')).text();
		expect(account).toContain('Two-factor sign-in is on');
		expect(account).toContain('Turned on two-factor sign-in');

		// Signing in: the password alone opens nothing.
		const half = await passwordStep(base, email);
		expect((await half.request('/account')).status).toBe(303);
		expect(await (await half.request('/login/two-factor?next=%2Faccount')).text()).toContain('Open your authenticator app');
		const bad = await half.post('/login/two-factor?next=%2Faccount', { code: wrongCode(realKey) });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('This code is not right.');
		expect(half.cookies.has('spejl_session')).toBe(false);
		// The next step's code (the phone a little ahead) is accepted, with spaces as apps show it.
		const next = codeAt(realKey, stepNow() + 1);
		const good = await half.post('/login/two-factor?next=%2Faccount', { code: `${next.slice(0, 3)} ${next.slice(3)}` });
		expect(good.status).toBe(303);
		expect(good.headers.get('location')).toBe('/account');
		expect((await half.request('/account')).status).toBe(200);

		// The same code again, and an older one, are refused.
		const again = await passwordStep(base, email);
		const reused = await again.post('/login/two-factor', { code: next });
		expect(reused.status).toBe(400);
		expect(await reused.text()).toContain('This code has already been used.');
		const older = await again.post('/login/two-factor', { code: codeAt(realKey, stepNow()) });
		expect(older.status).toBe(400);
		expect(again.cookies.has('spejl_session')).toBe(false);

		// A recovery code works once. It lands where any sign-in lands (the `next` page), and that
		// page says how many codes are left, with a link to make new ones, once.
		const withCode = await again.post('/login/two-factor?next=%2Fprofile', { code: codes[3].toLowerCase() });
		expect(withCode.status).toBe(303);
		expect(withCode.headers.get('location')).toBe('/profile');
		const landed = await again.request('/profile');
		expect(landed.status).toBe(200);
		const notice = /<div class="alert info[^"]*" role="status" data-testid="sign-in-notice"[^>]*>(.*?)<\/div>/s.exec(await landed.text())?.[1];
		expect(notice).toContain('You signed in with a recovery code; that code no longer works. Recovery codes left: 9.');
		expect(notice).toMatch(/<a href="\/account\/two-factor#new-codes"[^>]*>Make new recovery codes<\/a>/);
		expect(await (await again.request('/profile')).text()).not.toContain('sign-in-notice');
		const third = await passwordStep(base, email);
		const usedUp = await third.post('/login/two-factor', { code: codes[3] });
		expect(usedUp.status).toBe(400);
		expect(await usedUp.text()).toContain('This code is not right.');
		const events = await openDb(dbTarget).selectFrom('audit_event').select('action').where('subject_id', '=', userId).execute();
		expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['account.two-factor.enabled', 'account.two-factor.recovery-code-used']));
	});

	it('needs the password to make new recovery codes and to be turned off', async () => {
		const email = `totp-off-${tag()}@example.org`;
		const jar = await new Jar(base).register(email);
		const { codes } = await enable(jar);
		const userId = await idOf(dbTarget, email);

		const refused = await jar.post('/account/two-factor?/codes', { 'codes-password': 'not my password at all' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('The password is not correct.');
		const made = await jar.post('/account/two-factor?/codes', { 'codes-password': PASSWORD });
		expect(made.status).toBe(200);
		const fresh = codesIn(await made.text());
		expect(fresh).toHaveLength(10);
		expect(fresh).not.toContain(codes[0]);
		// The old codes stopped working, the new ones work.
		const old = await passwordStep(base, email);
		expect((await old.post('/login/two-factor', { code: codes[0] })).status).toBe(400);
		expect((await old.post('/login/two-factor', { code: fresh[0] })).status).toBe(303);

		const other = await passwordStep(base, email);
		expect((await other.post('/login/two-factor', { code: fresh[1] })).status).toBe(303);
		// The last recovery code: the page it lands on (the home page by default) says none are left, in Danish for a Danish account.
		await openDb(dbTarget).deleteFrom('two_factor_recovery').where('user_id', '=', userId).where('id', '!=', sha256(fresh[2].replace(/-/g, ''))).execute();
		const { locale } = await openDb(dbTarget).selectFrom('user').select('locale').where('id', '=', userId).executeTakeFirstOrThrow();
		await openDb(dbTarget).updateTable('user').set({ locale: 'da' }).where('id', '=', userId).execute();
		const last = await passwordStep(base, email);
		const lastIn = await last.post('/login/two-factor', { code: fresh[2] });
		expect(lastIn.headers.get('location')).toBe('/');
		const home = await (await last.request('/')).text();
		expect(home).toContain('Du loggede ind med din sidste gendannelseskode. Du har ingen gendannelseskoder tilbage');
		expect(home).toMatch(/<a href="\/account\/two-factor#new-codes"[^>]*>Lav nye gendannelseskoder<\/a>/);
		await openDb(dbTarget).updateTable('user').set({ locale }).where('id', '=', userId).execute();
		const wrong = await jar.post('/account/two-factor?/disable', { 'disable-password': 'not my password at all' });
		expect(wrong.status).toBe(400);
		expect(await openDb(dbTarget).selectFrom('two_factor').select('user_id').where('user_id', '=', userId).executeTakeFirst()).toBeDefined();
		const off = await jar.post('/account/two-factor?/disable', { 'disable-password': PASSWORD });
		expect(off.status).toBe(200);
		expect(await off.text()).toContain('Two-factor sign-in is off.');
		expect(await openDb(dbTarget).selectFrom('two_factor').select('user_id').where('user_id', '=', userId).executeTakeFirst()).toBeUndefined();
		expect(await openDb(dbTarget).selectFrom('two_factor_recovery').select('id').where('user_id', '=', userId).execute()).toEqual([]);
		// The other browser is signed out, and the password alone signs in again.
		expect((await other.request('/account')).status).toBe(303);
		const plain = await new Jar(base).post('/login', { email, password: PASSWORD });
		expect(plain.headers.get('location')).toBe('/');
		const log = await (await jar.request('/account')).text();
		expect(log).toContain('Turned off two-factor sign-in');
		expect(log).toContain('Made new two-factor recovery codes');
	});

	it('is still asked for after a password set with the recovery code or an administrator’s reset link', async () => {
		const email = `totp-reset-${tag()}@example.org`;
		const jar = await new Jar(base).register(email);
		const recoveryCode = decodeURIComponent(jar.cookies.get('spejl_new_recovery_code')!);
		const { key, codes } = await enable(jar);

		const person = new Jar(base);
		const recovered = await person.post('/login/recover', { email, code: recoveryCode, password: 'lantern meadow copper fjord' });
		expect(recovered.status).toBe(303);
		expect(recovered.headers.get('location')).toBe(`/login/two-factor?next=${encodeURIComponent('/account/recovery-code?recovered=1&next=/')}`);
		expect(person.cookies.has('spejl_session')).toBe(false);
		expect((await person.request('/account')).status).toBe(303);
		const step = await person.post(recovered.headers.get('location')!, { code: codeAt(key, stepNow() + 1) });
		expect(step.headers.get('location')).toBe('/account/recovery-code?recovered=1&next=/');
		expect(await (await person.request('/account/recovery-code?recovered=1&next=/')).text()).toContain('Your new password is set');

		const adminEmail = `totp-admin-${tag()}@example.org`;
		await insertAdmin(dbTarget, adminEmail);
		const admin = await new Jar(base).login(adminEmail);
		const link = /\/reset\/([a-z2-7]{32})</.exec(await (await admin.post('/admin?/resetLink', { userId: await idOf(dbTarget, email), password: PASSWORD })).text())?.[1];
		expect(link).toBeDefined();
		const reset = new Jar(base);
		const set = await reset.post(`/reset/${link}`, { password: 'another long passphrase here' });
		expect(set.status).toBe(303);
		expect(set.headers.get('location')).toBe('/login/two-factor');
		expect(reset.cookies.has('spejl_session')).toBe(false);
		expect((await reset.request('/account')).status).toBe(303);
		const signedIn = await reset.post('/login/two-factor', { code: codes[0] });
		expect(signedIn.status).toBe(303);
		expect((await reset.request('/account')).status).toBe(200);
	});

	it('waits 5 minutes for the code, then the password must be typed again', async () => {
		const email = `totp-late-${tag()}@example.org`;
		const { key } = await enable(await new Jar(base).register(email));
		const userId = await idOf(dbTarget, email);
		const half = await passwordStep(base, email);
		const token = half.cookies.get('spejl_second_step')!;
		const row = await openDb(dbTarget).selectFrom('sign_in_pending').selectAll().where('id', '=', sha256(token)).executeTakeFirstOrThrow();
		expect(row.user_id).toBe(userId);
		expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(5 * 60_000);
		// Five minutes later (moved back in the database rather than waited for): refused, nothing opened.
		await openDb(dbTarget).updateTable('sign_in_pending').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', row.id).execute();
		const late = await half.post('/login/two-factor', { code: codeAt(key, stepNow() + 1) });
		expect(late.status).toBe(401);
		const html = await late.text();
		expect(html).toContain('This sign-in took too long or has ended.');
		expect(html).toContain('Sign in again');
		expect(half.cookies.has('spejl_session')).toBe(false);
		expect(half.cookies.has('spejl_second_step')).toBe(false);
		expect(await (await half.request('/login/two-factor')).text()).toContain('This sign-in took too long or has ended.');
	});

	it('is off by default for staff: an administrator signs in with the password alone', async () => {
		const adminEmail = `totp-optional-${tag()}@example.org`;
		await insertAdmin(dbTarget, adminEmail);
		const admin = await new Jar(base).login(adminEmail);
		expect((await admin.request('/admin')).status).toBe(200);
	});
});

describe('the second step, throttled, and REQUIRE_TOTP_FOR_STAFF', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1',
			SIGN_IN_FREE_FAILURES: '2',
			SIGN_IN_ADDRESS_LIMIT: '3',
			REQUIRE_TOTP_FOR_STAFF: '1'
		});
	}, 60_000);
	afterAll(() => server?.stop());

	/** A form post from the address `from` (the server reads X-Forwarded-For), in `language`. */
	const postFrom = (jar: Jar, path: string, from: string, fields: Record<string, string>, language = 'en') =>
		jar.request(path, {
			method: 'POST',
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from, 'accept-language': language },
			body: new URLSearchParams(fields)
		});

	// What the server answers during the 1 s wait is certain only while the tries fall inside it: a
	// run on a machine too slow for that is run again on a fresh account (tests/support/timing.ts).
	it('slows wrong codes per account with a growing delay, and the owner gets in after the wait', async () => {
		await untilInTime(async (run) => {
			const email = `totp-slow-${tag()}@example.org`;
			const jar = await new Jar(server.url).register(email);
			const { key } = await enable(jar);
			const a = await passwordStep(server.url, email);
			const b = await passwordStep(server.url, email);
			// Wrong codes from ever new addresses: no address limit, but the account's count grows.
			expect((await postFrom(a, '/login/two-factor', `198.51.${100 + run}.1`, { code: wrongCode(key) })).status).toBe(400);
			// The second failure starts a 1 s wait; every try at this account within it waits, whichever
			// browser and address, with the right code too.
			const firstWait = stopwatch(1000);
			expect((await postFrom(a, '/login/two-factor', `198.51.${100 + run}.2`, { code: wrongCode(key) })).status).toBe(400);
			const slowed = await postFrom(b, '/login/two-factor', `203.0.113.${run}`, { code: codeAt(key, stepNow() + 1) }, 'da');
			if (firstWait.late()) return RETRY;
			expect(slowed.status).toBe(429);
			expect(slowed.headers.get('retry-after')).toBe('1');
			expect(await slowed.text()).toContain('For mange forsøg; prøv igen om 1 sekund.');
			expect(b.cookies.has('spejl_session')).toBe(false);
			await sleep(1);
			const owner = await postFrom(b, '/login/two-factor', `203.0.113.${run}`, { code: codeAt(key, stepNow() + 1) });
			expect(owner.status).toBe(303);
			expect(b.cookies.has('spejl_session')).toBe(true);
		});
	}, 120_000);

	it('counts wrong codes against the address with the wrong passwords', async () => {
		const email = `totp-address-${tag()}@example.org`;
		const jar = await new Jar(server.url).register(email);
		const { key } = await enable(jar);
		const half = await passwordStep(server.url, email);
		const from = '192.0.2.77';
		expect((await postFrom(half, '/login/two-factor', from, { code: wrongCode(key) })).status).toBe(400);
		for (const n of [1, 2]) expect((await postFrom(new Jar(server.url), '/login', from, { email: `nobody-${n}-${tag()}@example.org`, password: 'wrong guess' })).status).toBe(400);
		const blocked = await postFrom(half, '/login/two-factor', from, { code: codeAt(key, stepNow() + 1) });
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toContain('Too many attempts from this address; try again in 15 minutes.');
		// From another address the owner gets in.
		expect((await postFrom(half, '/login/two-factor', '192.0.2.78', { code: codeAt(key, stepNow() + 1) })).status).toBe(303);
	});

	it('sends staff without two-factor sign-in to set it up before anything else; clients are not asked', async () => {
		const adminEmail = `totp-staff-${tag()}@example.org`;
		await insertAdmin(server.dbTarget, adminEmail);
		const admin = await new Jar(server.url).login(adminEmail);
		for (const path of ['/admin', '/', '/account']) {
			const res = await admin.request(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location'), path).toBe(`/account/two-factor?next=${encodeURIComponent(path)}`);
		}
		const refused = await admin.post('/account?/language', { locale: 'da' });
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('Please set up two-factor sign-in at /account/two-factor first.');
		expect(await (await admin.request('/account/two-factor?next=%2Fadmin')).text()).toContain('asks every staff account to use two-factor sign-in');
		await enable(admin);
		expect((await admin.request('/admin')).status).toBe(200);

		const client = await new Jar(server.url).register(`totp-client-${tag()}@example.org`);
		expect((await client.request('/account')).status).toBe(200);
	});
});
