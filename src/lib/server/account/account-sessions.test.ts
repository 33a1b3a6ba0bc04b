// Changing the password and ending sessions against a fresh, migrated database (SQLite, or
// PostgreSQL with TEST_DATABASE_URL) and real argon2: refusals name their field, and the change, the
// ended sessions and the audit event are written together or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { findUserById, insertUser, updateUser } from '../repositories/users';
import { listSessionsOf } from '../repositories/sessions';
import { listAuditEventsForSubject } from '../repositories/audit';
import { createSession, generateSessionToken, hashPassword, sessionPolicy } from './auth';
import { authenticate, type SignInContext } from './accounts';
import { changePassword, confirmPassword, endAllSessions, reauthLimiter } from './account-sessions';
import { setOwnPassword } from './first-password';

let db: Db;
const ann = { id: 'ann-id', email: 'ann@example.org', display_name: 'Ann' };
const OLD = 'old correct horse battery';
const NEW = 'new purple elephant lighthouse';
// A refused change never reaches signing in on this browser: cookies that cannot be used show it.
const noSignIn = {
	cookies: new Proxy({}, { get: () => () => { throw new Error('signed in'); } }),
	secure: false
} as unknown as SignInContext;

beforeEach(async () => {
	db = await createTestDb();
	await insertUser(db, { ...ann, password_hash: await hashPassword(OLD), role: 'client', locale: null, created_at: '2026-01-01T00:00:00.000Z' });
	for (let i = 0; i < 2; i++) await createSession(db, generateSessionToken(), ann.id, sessionPolicy());
});
afterEach(() => db.destroy());

describe('confirmPassword', () => {
	it('accepts the right password and refuses a wrong one about the field it was typed in', async () => {
		expect(await confirmPassword(db, ann.id, OLD)).toEqual({ ok: true, value: undefined });
		expect(await confirmPassword(db, ann.id, 'not the password')).toEqual({ ok: false, error: { code: 'trust.error.currentPassword', field: 'password' } });
		expect(await confirmPassword(db, ann.id, '', 'current')).toEqual({ ok: false, error: { code: 'trust.error.currentPassword', field: 'current' } });
	});

	it('after too many wrong passwords refuses even the right one, saying for how many minutes', async () => {
		for (let i = 0; i < reauthLimiter.limit; i++) expect((await confirmPassword(db, ann.id, `wrong ${i}`)).ok).toBe(false);
		const r = await confirmPassword(db, ann.id, OLD);
		expect(r).toMatchObject({ ok: false, error: { code: 'auth.error.tooMany', field: 'password' } });
		// The window is 15 minutes from the first wrong password: the wait shown is at most that.
		const n = r.ok ? 0 : Number(r.error.params?.n);
		expect(n).toBeGreaterThanOrEqual(1);
		expect(n).toBeLessThanOrEqual(15);
	});
});

describe('changePassword', () => {
	it.each([
		['a wrong current password', { current: 'wrong password here', next: NEW }, { code: 'trust.error.currentPassword', field: 'current' }],
		['a short new password', { current: OLD, next: 'short' }, { code: 'auth.error.passwordShort', field: 'password', params: { n: 10 } }],
		['the same password again', { current: OLD, next: OLD }, { code: 'trust.error.samePassword', field: 'password' }]
	])('refuses %s, naming the field, and changes nothing', async (_, input, error) => {
		const r = await changePassword(db, noSignIn, ann, input);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toEqual(error);
		expect(await authenticate(db, ann.email, OLD)).toMatchObject({ id: ann.id });
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
		expect(await listAuditEventsForSubject(db, ann.id)).toEqual([]);
	});

	it('writes the password, the ended sessions and the audit event in one transaction: a refused event leaves the old password and the sessions', async () => {
		await refuseAuditAction(db, 'account.password.changed');
		await expect(changePassword(db, noSignIn, ann, { current: OLD, next: NEW })).rejects.toThrow(/audit refused/);
		expect(await authenticate(db, ann.email, OLD)).toMatchObject({ id: ann.id });
		expect(await authenticate(db, ann.email, NEW)).toBeNull();
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
	});
});

describe('endAllSessions', () => {
	it('ends every session and records it', async () => {
		expect(await endAllSessions(db, ann.id)).toEqual({ sessions: 2, tokens: 0 });
		expect(await listSessionsOf(db, ann.id)).toEqual([]);
		expect((await listAuditEventsForSubject(db, ann.id)).map((e) => e.action)).toEqual(['account.sessions.ended']);
	});

	it('ends no session when its audit event is refused', async () => {
		await refuseAuditAction(db, 'account.sessions.ended');
		await expect(endAllSessions(db, ann.id)).rejects.toThrow(/audit refused/);
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
	});
});

describe('setOwnPassword', () => {
	beforeEach(() => updateUser(db, ann.id, { must_set_password: 1 }));

	it.each([
		["the administrator's password again", OLD, { code: 'trust.error.samePassword', field: 'password' }],
		['a short password', 'short', { code: 'auth.error.passwordShort', field: 'password', params: { n: 10 } }]
	])('refuses %s, naming the field, and changes nothing', async (_, password, error) => {
		const r = await setOwnPassword(db, noSignIn, ann.id, password);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toEqual(error);
		expect(await findUserById(db, ann.id)).toMatchObject({ must_set_password: 1 });
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
	});

	it('writes the password, the ended sessions and the audit event in one transaction: a refused event leaves the account as it was', async () => {
		await refuseAuditAction(db, 'account.password.set');
		await expect(setOwnPassword(db, noSignIn, ann.id, NEW)).rejects.toThrow(/audit refused/);
		expect(await authenticate(db, ann.email, OLD)).toMatchObject({ id: ann.id, must_set_password: 1 });
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
	});
});
