// Reset links: the one result type, and each action written in one transaction with its audit event
// (a database that refuses the event takes the action with it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { insertUser } from '../repositories/users';
import { listSessionsOf } from '../repositories/sessions';
import { listAuditEventsForSubject } from '../repositories/audit';
import { createSession, generateSessionToken, hashPassword, sessionPolicy } from './auth';
import { authenticate, type SignInContext } from './accounts';
import { checkResetLink, issueResetLink, useResetLink } from './password-reset';

let db: Db;
const admin = { id: 'admin-id', role: 'admin' };
const ann = { id: 'ann-id', email: 'ann@example.org', display_name: 'Ann' };
const OLD = 'old correct horse battery';
const NEW = 'new purple elephant lighthouse';
const options = { origin: 'http://spejl.test', hours: 24 };
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
// Cookies that remember what was set: a successful reset signs this browser in.
const browser = (): SignInContext & { set: string[] } => {
	const set: string[] = [];
	return { set, secure: false, cookies: { get: () => undefined, set: (name: string) => set.push(name), delete: () => {} } } as unknown as SignInContext & { set: string[] };
};

beforeEach(async () => {
	db = await createTestDb();
	await insertUser(db, { ...ann, password_hash: await hashPassword(OLD), role: 'client', locale: null, created_at: '2026-01-01T00:00:00.000Z' });
	await insertUser(db, { id: 'anon-id', email: null, display_name: null, password_hash: null, role: 'client', locale: null, created_at: '2026-01-01T00:00:00.000Z' });
	for (let i = 0; i < 2; i++) await createSession(db, generateSessionToken(), ann.id, sessionPolicy());
});
afterEach(() => db.destroy());

const links = () => db.selectFrom('password_reset').select('user_id').execute();

describe('issueResetLink', () => {
	it('returns the link, stores only it and records the event', async () => {
		const r = await issueResetLink(db, admin, ann.id, options);
		expect(r).toMatchObject({ ok: true, value: { email: ann.email } });
		expect(r.ok && r.value.url).toMatch(/^http:\/\/spejl\.test\/reset\/[a-z2-7]{32}$/);
		expect(await links()).toEqual([{ user_id: ann.id }]);
		expect((await listAuditEventsForSubject(db, ann.id)).map((e) => e.action)).toEqual(['admin.password-reset.issued']);
	});

	it('refuses an account without an email with its message key', async () => {
		expect(await issueResetLink(db, admin, 'anon-id', options)).toEqual({ ok: false, error: { code: 'reset.admin.notIssued' } });
		expect(await links()).toEqual([]);
	});

	it('stores no link when the audit event cannot be written, and the earlier link keeps working', async () => {
		const earlier = await issueResetLink(db, admin, ann.id, options);
		await refuseAuditAction(db, 'admin.password-reset.issued');
		await expect(issueResetLink(db, admin, ann.id, options)).rejects.toThrow(/audit refused/);
		expect(await links()).toHaveLength(1);
		expect(await checkResetLink(db, tokenOf(earlier.ok ? earlier.value.url : ''))).toEqual({ state: 'ok', email: ann.email });
	});
});

describe('useResetLink', () => {
	const issued = async () => {
		const r = await issueResetLink(db, admin, ann.id, options);
		if (!r.ok) throw new Error('not issued');
		return tokenOf(r.value.url);
	};

	it('sets the password, ends the sessions, records the event and works once', async () => {
		const token = await issued();
		const ctx = browser();
		expect(await useResetLink(db, ctx, token, NEW)).toEqual({ ok: true, value: { userId: ann.id, secondStep: false } });
		expect(await authenticate(db, ann.email, NEW)).toMatchObject({ id: ann.id });
		expect(await listSessionsOf(db, ann.id)).toHaveLength(1); // only the one this browser just got
		expect(ctx.set).toHaveLength(1);
		expect((await listAuditEventsForSubject(db, ann.id)).map((e) => e.action).sort()).toEqual(['account.password.reset', 'admin.password-reset.issued']);
		expect(await useResetLink(db, browser(), token, 'another long purple passphrase')).toEqual({ ok: false, error: { code: 'reset.used' } });
	});

	it('names an unknown link and a weak password by their message keys, and changes nothing', async () => {
		expect(await useResetLink(db, browser(), 'a'.repeat(32), NEW)).toEqual({ ok: false, error: { code: 'reset.unknown' } });
		const token = await issued();
		const weak = await useResetLink(db, browser(), token, 'short');
		expect(weak).toMatchObject({ ok: false, error: { code: 'auth.error.passwordShort', field: 'password', params: { n: 10 } } });
		expect(await checkResetLink(db, token)).toEqual({ state: 'ok', email: ann.email });
		expect(await authenticate(db, ann.email, OLD)).toMatchObject({ id: ann.id });
	});

	it('changes nothing and leaves the link usable when the audit event cannot be written', async () => {
		const token = await issued();
		await refuseAuditAction(db, 'account.password.reset');
		await expect(useResetLink(db, browser(), token, NEW)).rejects.toThrow(/audit refused/);
		expect(await authenticate(db, ann.email, OLD)).toMatchObject({ id: ann.id });
		expect(await authenticate(db, ann.email, NEW)).toBeNull();
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
		expect(await checkResetLink(db, token)).toEqual({ state: 'ok', email: ann.email });
	});
});
