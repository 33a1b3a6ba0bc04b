// Sessions a person can see and end: the list on /account, sign out one or everywhere, a new
// sign-in ending the session before it, a password change ending the others, and the idle timeout
// and absolute lifetime (on servers of their own with short settings).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';
import { RETRY, stopwatch, untilInTime } from '../support/timing';

const base = inject('baseUrl');
const email = (who: string) => `sessions-${who}-${crypto.randomUUID().slice(0, 8)}@example.org`;
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A jar that sends one browser's User-Agent. */
class Device extends Jar {
	constructor(url: string, private ua: string) {
		super(url);
	}
	request(path: string, init: RequestInit = {}) {
		const headers = new Headers(init.headers);
		headers.set('user-agent', this.ua);
		return super.request(path, { ...init, headers });
	}
}

/** Whether the jar is signed in: /account answers 200, or sends it to /login. */
async function signedIn(jar: Jar): Promise<boolean> {
	const res = await jar.request('/account', { headers: { accept: 'text/html' } });
	await res.arrayBuffer();
	if (res.status === 200) return true;
	expect(res.headers.get('location')).toMatch(/^\/login/);
	return false;
}

/** The session ids on the /account page, and which one is marked as this browser. */
async function sessionsOn(jar: Jar) {
	const html = await (await jar.request('/account', { headers: { accept: 'text/html' } })).text();
	const items = [...html.matchAll(/<li data-testid="session"( data-current="true")?[^>]*>([\s\S]*?)<\/li>/g)];
	return items.map((m) => ({
		current: Boolean(m[1]),
		text: m[2].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
		id: /name="id" value="([0-9a-f]{64})"/.exec(m[2])?.[1] ?? ''
	}));
}

describe('the session list on /account', () => {
	it('shows each browser, marks this one, and signs out one of them', async () => {
		const who = email('list');
		const laptop = await new Device(base, FIREFOX).register(who);
		const phone = await new Device(base, IPHONE).login(who);
		const seen = await sessionsOn(laptop);
		expect(seen).toHaveLength(2);
		expect(seen[0]).toMatchObject({ current: true });
		expect(seen[0].text).toContain('Firefox on Windows');
		expect(seen[0].text).toContain('This browser');
		expect(seen[1].text).toContain('Safari on iOS');
		expect(seen[1].text).toMatch(/From address (127\.0\.0\.1|::ffff:127\.0\.0\.1)/);
		const end = await laptop.post('/account?/endSession', { id: seen[1].id });
		expect(end.status).toBe(200);
		expect(await signedIn(phone)).toBe(false);
		expect(await signedIn(laptop)).toBe(true);
		expect(await sessionsOn(laptop)).toHaveLength(1);
	});

	it("cannot end someone else's session", async () => {
		const victim = await new Device(base, IPHONE).register(email('victim'));
		const victimSession = (await sessionsOn(victim))[0].id;
		const other = await new Jar(base).register(email('other'));
		expect((await other.post('/account?/endSession', { id: victimSession })).status).toBe(404);
		expect(await signedIn(victim)).toBe(true);
	});

	it('"sign out everywhere" ends every session, this one included', async () => {
		const who = email('everywhere');
		const jars = [await new Jar(base).register(who), await new Jar(base).login(who), await new Jar(base).login(who)];
		const res = await jars[1].post('/account?/endAllSessions');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?signedOut=everywhere');
		for (const jar of jars) expect(await signedIn(jar)).toBe(false);
		// Signing in again works.
		expect(await signedIn(await new Jar(base).login(who))).toBe(true);
	});
});

describe('signing in', () => {
	it('ends the session that was in use before on that browser', async () => {
		const a = email('first');
		const b = email('second');
		await new Jar(base).register(b);
		const jar = await new Jar(base).register(a);
		const before = jar.cookies.get('spejl_session')!;
		await jar.login(b);
		expect(jar.cookies.get('spejl_session')).not.toBe(before);
		const stale = new Jar(base);
		stale.cookies.set('spejl_session', before);
		expect(await signedIn(stale)).toBe(false);
	});
});

describe('changing the password', () => {
	it('needs the current password, then ends every other session and keeps this one', async () => {
		const who = email('change');
		const here = await new Jar(base).register(who);
		const elsewhere = await new Jar(base).login(who);
		const wrong = await here.post('/account/password', { current: 'not my password', password: 'a whole new passphrase' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('The password is not correct.');
		expect(await signedIn(elsewhere)).toBe(true);

		const changed = await here.post('/account/password', { current: PASSWORD, password: 'a whole new passphrase' });
		expect(changed.status).toBe(200);
		expect(await changed.text()).toContain('1 other sessions were signed out');
		expect(await signedIn(elsewhere)).toBe(false);
		expect(await signedIn(here)).toBe(true);
		expect((await new Jar(base).post('/login', { email: who, password: PASSWORD })).status).toBe(400);
		expect(await signedIn(await new Jar(base).login(who, 'a whole new passphrase'))).toBe(true);
	});
});

describe('re-entering the password', () => {
	it('is needed to delete the account and to create an API token', async () => {
		const jar = await new Jar(base).register(email('reauth'));
		const noToken = await jar.post('/account/tokens?/create', { name: 'Portal', password: 'wrong password' });
		expect(noToken.status).toBe(400);
		expect(await noToken.text()).toContain('The password is not correct.');
		expect((await jar.post('/account/tokens?/create', { name: 'Portal', password: PASSWORD })).status).toBe(200);
		const kept = await jar.post('/account?/delete', { confirm: 'DELETE', password: '' });
		expect(kept.status).toBe(400);
		expect(await signedIn(jar)).toBe(true);
		expect((await jar.post('/account?/delete', { confirm: 'DELETE', password: PASSWORD })).status).toBe(303);
		expect(await signedIn(jar)).toBe(false);
	});
});

describe('expiry', () => {
	let idle: RunningServer;
	let short: RunningServer;
	beforeAll(async () => {
		// 3 s without use ends a session on one; 5.4 s after signing in ends it on the other (4.8 s idle).
		[idle, short] = await Promise.all([
			startServer({ SESSION_IDLE_MINUTES: '0.05', SESSION_MAX_HOURS: '1' }),
			startServer({ SESSION_IDLE_MINUTES: '0.08', SESSION_MAX_HOURS: '0.0015' })
		]);
	}, 180_000);
	afterAll(async () => {
		await idle?.stop();
		await short?.stop();
	});

	// Whether a check finds the session alive is certain only when it is answered within the idle
	// timeout of the last use the server recorded; a run on a machine too slow for that is run again
	// (tests/support/timing.ts).
	it('a session used every second outlives the idle timeout, and ends 3 s after its last use', async () => {
		await untilInTime(async () => {
			// The session's last use is recorded when it is made, and by a request when the one recorded is
			// a quarter of the idle timeout old (src/lib/server/account/auth.ts): a second apart, each use
			// is recorded, so each check counts from the sending of the one before; the first two from the
			// registration.
			let since = stopwatch(3_000);
			const jar = await new Jar(idle.url).register(email('idle'));
			const res = await jar.request('/account');
			if (since.late()) return RETRY;
			const cookie = res.headers.getSetCookie().find((c) => c.startsWith('spejl_session='))!;
			const expires = Date.parse(/Expires=([^;]+)/i.exec(cookie)![1]);
			expect(expires - Date.now()).toBeLessThanOrEqual(3_000);
			for (let i = 0; i < 5; i++) {
				await sleep(1_000);
				const next = stopwatch(3_000);
				const stillIn = await signedIn(jar);
				if (since.late()) return RETRY;
				expect(stillIn).toBe(true);
				since = next;
			}
			await sleep(4_000);
			expect(await signedIn(jar)).toBe(false);
		});
	}, 120_000);

	it('a busy session still ends at the absolute lifetime', async () => {
		await untilInTime(async () => {
			// The session begins while registering: it ends 5.4 s after at the earliest, at the latest 5.4 s
			// after the registration was answered.
			const lifetime = stopwatch(5_400);
			// Used every 0.8 s, not every use is recorded: each is at most a quarter of the idle timeout
			// (1.2 s) older than the sending of the check before.
			let since = stopwatch(4_800 - 1_200);
			const jar = await new Jar(short.url).register(email('absolute'));
			const started = Date.now();
			while (lifetime.elapsed() < 4_000) {
				const next = stopwatch(4_800 - 1_200);
				const stillIn = await signedIn(jar);
				if (lifetime.late() || since.late()) return RETRY;
				expect(stillIn).toBe(true);
				since = next;
				await sleep(800);
			}
			await sleep(Math.max(0, 5_400 - (Date.now() - started)) + 500);
			expect(await signedIn(jar)).toBe(false);
		});
	}, 120_000);
});
