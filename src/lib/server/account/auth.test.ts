// Sessions and passwords against a real (in-memory, migrated) SQLite database and real argon2.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import {
	createSession,
	generateSessionToken,
	hashPassword,
	invalidateSession,
	sessionIdOf,
	validateSessionToken,
	verifyPassword
} from './auth';
import { authenticate, checkCredentials, createAccount, normalizeEmail, signInWithPassword, type SignInContext } from './accounts';
import { findUserByEmail, insertUser } from '../repositories/users';
import { findSession, listSessionsOf } from '../repositories/sessions';
import { listAuditEventsForSubject } from '../repositories/audit';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

let db: Db;
let userId: string;

beforeEach(async () => {
	db = await createTestDb();
	userId = crypto.randomUUID();
	await insertUser(db, {
		id: userId,
		email: 'Client@Example.org',
		password_hash: 'unused',
		role: 'client',
		display_name: 'Client',
		locale: 'da',
		created_at: new Date(NOW).toISOString()
	});
});

afterEach(async () => {
	await db.destroy();
});

const sessionRow = (id: string) => findSession(db, id);

const MINUTE = 60 * 1000;
const POLICY = { idleMs: 60 * MINUTE, maxMs: 12 * 60 * MINUTE };

describe('sessions', () => {
	it('stores only the SHA-256 (hex) of the token as the session id, with when and where it began', async () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 20 random bytes, base32 without padding
		expect(generateSessionToken()).not.toBe(token);
		const expected = createHash('sha256').update(token, 'utf8').digest('hex');
		expect(sessionIdOf(token)).toBe(expected);
		const session = await createSession(db, token, userId, POLICY, { userAgent: 'Firefox/1 ' + 'x'.repeat(400), address: '10.1.2.3' }, NOW);
		expect(session).toMatchObject({ id: expected, user_id: userId, expires_at: NOW + 12 * 60 * MINUTE, address: '10.1.2.3' });
		expect(session.created_at).toBe(new Date(NOW).toISOString());
		expect(session.user_agent).toHaveLength(300);
		expect(await sessionRow(expected)).toEqual(session);
		const all = await db.selectFrom('session').selectAll().execute();
		expect(JSON.stringify(all)).not.toContain(token);
		// Stored as ISO text, like every time in the database.
		expect(all).toEqual([{ ...session, expires_at: new Date(NOW + 12 * 60 * MINUTE).toISOString() }]);
		expect(all[0].expires_at).toBe('2026-01-16T00:00:00.000Z');
	});

	it('validates a session to its user and gives the cookie the idle timeout', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, POLICY, {}, NOW);
		const valid = await validateSessionToken(db, token, POLICY, NOW + 10 * MINUTE);
		expect(valid).toEqual({
			user: { id: userId, email: 'client@example.org', role: 'client', locale: 'da', display_name: 'Client', privacy_version: null, privacy_agreed_at: null, must_set_password: 0 },
			sessionId: session.id,
			expiresAt: NOW + 70 * MINUTE
		});
		expect(await validateSessionToken(db, generateSessionToken(), POLICY, NOW)).toBeNull();
	});

	it('ends after the idle timeout without use, and deletes the row', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, POLICY, {}, NOW);
		// Used at 50 minutes: the idle clock starts again from there.
		expect(await validateSessionToken(db, token, POLICY, NOW + 50 * MINUTE)).not.toBeNull();
		expect((await sessionRow(session.id))!.last_used_at).toBe(new Date(NOW + 50 * MINUTE).toISOString());
		expect(await validateSessionToken(db, token, POLICY, NOW + 109 * MINUTE)).not.toBeNull();
		// 60 minutes after the last use (at 109): gone.
		expect(await validateSessionToken(db, token, POLICY, NOW + 169 * MINUTE)).toBeNull();
		expect(await sessionRow(session.id)).toBeUndefined();
		// Once deleted it stays invalid, even at a time it would have been valid.
		expect(await validateSessionToken(db, token, POLICY, NOW + 170 * MINUTE)).toBeNull();
	});

	it('ends at the absolute lifetime however busy it is; the cookie never outlives it', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, POLICY, {}, NOW);
		let at = NOW;
		for (; at < NOW + 12 * 60 * MINUTE - 30 * MINUTE; at += 30 * MINUTE) expect(await validateSessionToken(db, token, POLICY, at)).not.toBeNull();
		// 11.5 h in, used every 30 minutes: the cookie ends at 12 h, not 12.5 h.
		expect((await validateSessionToken(db, token, POLICY, at))!.expiresAt).toBe(NOW + 12 * 60 * MINUTE);
		expect(await validateSessionToken(db, token, POLICY, NOW + 12 * 60 * MINUTE)).toBeNull();
		expect(await sessionRow(session.id)).toBeUndefined();
	});

	it('writes last use at most once a minute', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, POLICY, {}, NOW);
		await validateSessionToken(db, token, POLICY, NOW + 30 * 1000);
		expect((await sessionRow(session.id))!.last_used_at).toBe(new Date(NOW).toISOString());
		await validateSessionToken(db, token, POLICY, NOW + 61 * 1000);
		expect((await sessionRow(session.id))!.last_used_at).toBe(new Date(NOW + 61 * 1000).toISOString());
	});

	it('invalidateSession deletes the session', async () => {
		const token = generateSessionToken();
		const other = generateSessionToken();
		const session = await createSession(db, token, userId, POLICY, {}, NOW);
		await createSession(db, other, userId, POLICY, {}, NOW);
		await invalidateSession(db, token);
		expect(await sessionRow(session.id)).toBeUndefined();
		expect(await validateSessionToken(db, token, POLICY, NOW)).toBeNull();
		// The user's other session is untouched.
		expect(await validateSessionToken(db, other, POLICY, NOW)).not.toBeNull();
	});

	it('sessions go when their user is deleted', async () => {
		const token = generateSessionToken();
		const session = await createSession(db, token, userId, POLICY, {}, NOW);
		await db.deleteFrom('user').where('id', '=', userId).execute();
		expect(await sessionRow(session.id)).toBeUndefined();
	});
});

describe('passwords', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const hashed = await hashPassword('correct horse battery');
		expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(hashed).not.toContain('correct horse battery');
		expect(await hashPassword('correct horse battery')).not.toBe(hashed); // salted
		expect(await verifyPassword(hashed, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hashed, 'correct horse batterY')).toBe(false);
		expect(await verifyPassword(hashed, '')).toBe(false);
		expect(await verifyPassword('not a hash', 'correct horse battery')).toBe(false);
	});

	it('authenticate finds the account by email (any case) and checks the password', async () => {
		const created = await createAccount(db, { email: 'new@example.org', password: 'long enough pw', role: 'client', locale: null });
		expect(created.ok).toBe(true);
		expect(await createAccount(db, { email: 'NEW@example.org', password: 'another one!', role: 'client', locale: null })).toEqual({
			ok: false,
			error: { code: 'auth.error.taken', field: 'email' }
		});
		const user = await authenticate(db, 'NEW@Example.org', 'long enough pw');
		expect(user?.id).toBe(created.ok ? created.value.id : undefined);
		expect(await authenticate(db, 'new@example.org', 'wrong password')).toBeNull();
		expect(await authenticate(db, 'nobody@example.org', 'long enough pw')).toBeNull();
	});
});

describe('registration and signing in, each with its audit event in one transaction', () => {
	const input = { email: 'new@example.org', password: 'long enough pw', role: 'client' as const, locale: null };
	// Cookies that remember what was set: signing in sets the session cookie.
	const browser = (): SignInContext & { set: string[] } => {
		const set: string[] = [];
		return { set, secure: false, cookies: { get: () => undefined, set: (name: string) => set.push(name), delete: () => {} } } as unknown as SignInContext & { set: string[] };
	};

	it('createAccount writes the account and account.created together', async () => {
		const created = await createAccount(db, input);
		if (!created.ok) throw new Error(created.error.code);
		expect((await listAuditEventsForSubject(db, created.value.id)).map((e) => [e.action, e.detail])).toEqual([['account.created', 'client']]);
	});

	it('a refused account.created event leaves no account', async () => {
		await refuseAuditAction(db, 'account.created');
		await expect(createAccount(db, input)).rejects.toThrow(/audit refused/);
		expect(await findUserByEmail(db, 'new@example.org')).toBeUndefined();
	});

	it('signInWithPassword writes the session and account.signed-in together; a refused event leaves no session and no cookie', async () => {
		await refuseAuditAction(db, 'account.signed-in');
		const b = browser();
		await expect(signInWithPassword(db, b, userId)).rejects.toThrow(/audit refused/);
		expect(await listSessionsOf(db, userId)).toEqual([]);
		expect(b.set).toEqual([]);
	});

	it('signInWithPassword signs in and records it', async () => {
		const b = browser();
		const session = await signInWithPassword(db, b, userId);
		expect(await listSessionsOf(db, userId)).toMatchObject([{ id: session.id }]);
		expect((await listAuditEventsForSubject(db, userId)).map((e) => e.action)).toEqual(['account.signed-in']);
		expect(b.set).toHaveLength(1);
	});
});

describe('checkCredentials', () => {
	it('accepts a valid email and password', () => {
		expect(checkCredentials('a@b.dk', 'violin river lamp sock')).toEqual([]);
	});

	it.each(['', 'no-at-sign', 'a@b', 'a b@c.dk', '@c.dk', `${'x'.repeat(250)}@b.dk`])('refuses the email %j', (email) => {
		const errors = checkCredentials(email, 'long enough pw');
		expect(errors).toEqual([{ code: 'auth.error.email', field: 'email' }]);
		expect(translate('en', errors[0].code)).toBe('Enter a valid email address.');
	});

	it('refuses a short password with the minimum in the message, and a too long one', () => {
		const short = checkCredentials('a@b.dk', '123456789');
		expect(short).toEqual([{ code: 'auth.error.passwordShort', params: { n: 10 }, field: 'password' }]);
		expect(translate('en', short[0].code, short[0].params)).toBe('The password must be at least 10 characters.');
		expect(translate('da', short[0].code, short[0].params)).toBe('Adgangskoden skal være mindst 10 tegn.');
		expect(checkCredentials('a@b.dk', 'x'.repeat(201))).toEqual([
			{ code: 'auth.error.passwordLong', params: { n: 200 }, field: 'password' }
		]);
		// 200 characters of an unusual passphrase are fine.
		const long = 'violin river lamp sock cobalt meadow ' .repeat(6).slice(0, 200);
		expect(long).toHaveLength(200);
		expect(checkCredentials('a@b.dk', long)).toEqual([]);
	});

	it.each([
		['password12', 'trust.zxcvbn.warning.common'],
		['1234567890', 'trust.zxcvbn.warning.topHundred'],
		['          ', 'trust.zxcvbn.warning.simpleRepeat'],
		['qwertyuiop', 'trust.zxcvbn.warning.topHundred']
	])('refuses %j as too easy to guess, says why and suggests a passphrase', (password, warning) => {
		const errors = checkCredentials('a@b.dk', password);
		const keys = errors.map((e) => e.code);
		expect(errors.every((e) => e.field === 'password')).toBe(true);
		expect(keys[0]).toBe('trust.error.weakPassword');
		expect(keys).toContain(warning);
		expect(keys.at(-1)).toBe('trust.error.passphrase');
		expect(translate('en', keys[0])).toBe('This password is too easy to guess.');
		expect(translate('da', keys[0])).toBe('Denne adgangskode er for nem at gætte.');
	});

	it('refuses a password that is just the email or name', () => {
		expect(checkCredentials('maria.hansen@example.org', 'maria.hansen@example.org').map((e) => e.code)).toContain('trust.error.weakPassword');
		const byName = checkCredentials('m@example.org', 'skovbjerg2024', 'Mette Skovbjerg').map((e) => e.code);
		expect(byName).toContain('trust.zxcvbn.warning.userInputs');
		expect(translate('en', 'trust.zxcvbn.warning.userInputs')).toBe('It should not contain your email, your name or the name of this site.');
	});

	it('refuses control characters in the email, password and name, tabs and line breaks included', () => {
		expect(checkCredentials('a\u0000@b.dk', 'correct horse battery')).toEqual([{ code: 'trust.error.control', field: 'email' }]);
		expect(checkCredentials('a@b.dk', 'correct horse\tbattery')).toEqual([{ code: 'trust.error.control', field: 'password' }]);
		expect(checkCredentials('a@b.dk', 'correct horse battery', 'Ann\nLee')).toEqual([{ code: 'trust.error.control', field: 'name' }]);
	});

	it('normalises emails: NFC, trimmed, lower case', () => {
		// "é" as e + combining acute (NFD) becomes the single code point.
		expect(normalizeEmail('  Ren\u0065\u0301@Example.ORG ')).toBe('ren\u00e9@example.org');
		expect(normalizeEmail('ren\u00e9@example.org')).toBe('ren\u00e9@example.org');
	});

	it('reports every problem at once', () => {
		expect(checkCredentials('bad', 'short', 'n'.repeat(101)).map((e) => e.field)).toEqual(['email', 'password', 'name']);
	});

	// The email pattern backtracks quadratically on `a@....@`; a 500 KB form field blocked the
	// server for minutes before the length was checked first. Run over these 200,000 characters the
	// pattern takes minutes; checked by length it takes microseconds, so the bound is far from both
	// even on a slow, busy machine.
	it('refuses a huge email at once, without running the pattern over it', () => {
		const email = `a@${'.'.repeat(200_000)}@`;
		const started = performance.now();
		expect(checkCredentials(email, 'long enough pw')).toEqual([{ code: 'auth.error.email', field: 'email' }]);
		expect(performance.now() - started).toBeLessThan(5000);
	});
});
