// Guessing invitation codes is throttled per address, with a 429 and Retry-After like sign-in; and
// client errors from the request guards and SvelteKit are logged as one warning line each, without a
// stack trace. One built server with the address taken from X-Forwarded-For, so that an address that
// is stopped here stops no other test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jar } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => (server = await startServer({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' })), 120_000);
afterAll(async () => server?.stop());

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ'; // the codes' alphabet (src/lib/server/others/others-view.ts)
const randomCode = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => ALPHABET[b % ALPHABET.length]).join('');
const open = (code: string, from: string, language = 'en') =>
	fetch(`${server.url}/o/${code}`, { headers: { 'x-forwarded-for': from, 'accept-language': language }, redirect: 'manual' });

describe('invitation codes (/o/<code>)', () => {
	it('are looked up 30 times in 15 minutes per address; then 429 with Retry-After, and not even the right code is looked up', async () => {
		const client = await new Jar(server.url).register(`invites-${crypto.randomUUID().slice(0, 8)}@example.org`, 'Ann');
		const { id: userId } = await server.db().selectFrom('user').select('id').where('display_name', '=', 'Ann').executeTakeFirstOrThrow();
		const real = randomCode();
		await server
			.db()
			.insertInto('others_invite')
			.values({
				id: crypto.randomUUID(),
				user_id: userId,
				instrument_id: 'others-view',
				code: real,
				shown_name: 'Ann',
				nickname: 'Family',
				created_at: new Date().toISOString(),
				expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
				revoked_at: null
			})
			.execute();
		expect(client.cookies.size).toBeGreaterThan(0);
		const guesser = '198.51.100.77';
		for (let i = 0; i < 30; i++) {
			const res = await open(randomCode(), guesser);
			expect(res.status, `guess ${i + 1}`).toBe(200);
			expect(await res.text()).toContain('We could not find this link');
		}
		const stopped = await open(real, guesser);
		expect(stopped.status).toBe(429);
		const wait = Number(stopped.headers.get('retry-after'));
		expect(wait).toBeGreaterThan(14 * 60);
		expect(wait).toBeLessThanOrEqual(15 * 60);
		const text = await stopped.text();
		expect(text).toContain('Too many attempts from your connection. Please wait 15 minutes and try again.');
		expect(text).not.toContain('Ann');
		const danish = await open(randomCode(), guesser, 'da');
		expect(danish.status).toBe(429);
		expect(await danish.text()).toContain('For mange forsøg fra din forbindelse. Vent 15 minutter, og prøv igen.');
		// Answering is refused as well, and stores nothing.
		const posted = await fetch(`${server.url}/o/${real}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'x-forwarded-for': guesser, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ quality: 'patient' })
		});
		expect(posted.status).toBe(429);
		expect(Number(posted.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
		expect(await server.db().selectFrom('others_answer').select('id').execute()).toEqual([]);
		// Another address opens the real invitation.
		const friend = await open(real, '203.0.113.5');
		expect(friend.status).toBe(200);
		expect(await friend.text()).toContain('Ann');
	});
});

describe('client errors in the log', () => {
	it('are one warning line each, without a stack trace', async () => {
		const before = server.output().length;
		const post = (path: string, init: RequestInit) =>
			fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual', ...init, headers: { origin: server.url, ...(init.headers as Record<string, string>) } });
		const answers = [
			// A form sent as text/plain (the guard, 415).
			await post('/login', { headers: { 'content-type': 'text/plain' }, body: 'email=a' }),
			// A control character in a field (the guard, 400).
			await post('/login', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%00b' }),
			// A body declared too large (the guard, 413).
			await post('/login', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x'.repeat(600 * 1024) }),
			// A form post to a page without form actions (SvelteKit, 405).
			await post('/privacy/notice-that-is-not-here', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' }),
			await post('/', { headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: 'a=b' })
		];
		const statuses = answers.map((r) => r.status);
		for (const r of answers) await r.arrayBuffer();
		expect(statuses.filter((s) => s >= 500)).toEqual([]);
		const counted = statuses.filter((s) => s !== 404);
		// Give the server's output a moment to arrive (it is read from the process's pipes).
		for (let i = 0; i < 50 && server.output().slice(before).split('\n').filter((l) => l.startsWith('[warn]')).length < counted.length; i++)
			await new Promise((r) => setTimeout(r, 50));
		const log = server.output().slice(before);
		const lines = log.split('\n').filter((l) => l.trim() !== '');
		expect(lines.filter((l) => l.startsWith('[warn]'))).toHaveLength(counted.length);
		expect(log).not.toMatch(/^\s+at /m);
		expect(log).not.toContain('[error]');
		expect(log).toMatch(/^\[warn\] POST \/login \(415\): .+$/m);
		expect(log).toMatch(/^\[warn\] POST \/login \(413\): Request too large.+$/m);
		expect(log).toMatch(/^\[warn\] POST \/ \(405\): .+$/m);
	});
});
