// Recovering an account with email + recovery code against a fresh, migrated database (SQLite, or
// PostgreSQL with TEST_DATABASE_URL) and real argon2: refusals are message keys about their field,
// and the new password, the new code, the ended sessions and the audit event are written together
// or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { findUserById, insertUser } from '../repositories/users';
import { listSessionsOf } from '../repositories/sessions';
import { listAuditEventsForSubject } from '../repositories/audit';
import { createSession, generateSessionToken, hashPassword, sessionPolicy } from './auth';
import { authenticate, type SignInContext } from './accounts';
import { issueRecoveryCode, recoverAccount, recoveryLimiter } from './recovery';
import { resumeCodeHash } from './resume-code';

let db: Db;
const ann = { id: 'ann-id', email: 'ann@example.org', display_name: 'Ann' };
const OLD = 'old correct horse battery';
const NEW = 'new purple elephant lighthouse';
const CODE = 'ABCD-EFGH-JKMN-PQRS';
const NOW = new Date('2026-12-01T10:00:00.000Z');
// Cookies that remember what was set: a successful recovery signs this browser in.
const browser = (): SignInContext & { address: string; set: string[] } => {
	const set: string[] = [];
	return { set, secure: false, address: '10.0.0.1', cookies: { get: () => undefined, set: (name: string) => set.push(name), delete: () => {} } } as unknown as SignInContext & { address: string; set: string[] };
};

beforeEach(async () => {
	db = await createTestDb();
	await insertUser(db, { ...ann, password_hash: await hashPassword(OLD), role: 'client', locale: null, created_at: '2026-01-01T00:00:00.000Z', recovery_code_hash: resumeCodeHash(CODE) });
	for (let i = 0; i < 2; i++) await createSession(db, generateSessionToken(), ann.id, sessionPolicy());
});
afterEach(() => db.destroy());

/** Nothing changed: the old password and code work, both sessions are there, no event. */
async function unchanged() {
	expect(await authenticate(db, ann.email, OLD)).toMatchObject({ id: ann.id });
	expect(await findUserById(db, ann.id)).toMatchObject({ recovery_code_hash: resumeCodeHash(CODE) });
	expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
}

describe('recoverAccount', () => {
	it.each([
		['an empty code', { code: ' ', password: NEW }, { code: 'recovery.error.empty', field: 'code' }],
		['a code too short', { code: 'ABCD-EFGH', password: NEW }, { code: 'recovery.error.length', params: { n: 16 }, field: 'code' }],
		['a character never in a code', { code: 'ABCD-EFGH-JKMN-PQR0', password: NEW }, { code: 'recovery.error.character', params: { c: '0' }, field: 'code' }],
		['a short new password', { code: CODE, password: 'short' }, { code: 'auth.error.passwordShort', params: { n: 10 }, field: 'password' }],
		['a code that is not this account’s', { code: 'ABCD-EFGH-JKMN-PQRT', password: NEW }, { code: 'recovery.error.wrong', field: 'code' }]
	])('refuses %s, naming the field, and changes nothing', async (_, input, error) => {
		const b = browser();
		const r = await recoverAccount(db, b, { email: ann.email, ...input }, NOW);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toEqual(error);
		await unchanged();
		expect(await listAuditEventsForSubject(db, ann.id)).toEqual([]);
		expect(b.set).toEqual([]);
	});

	it('answers an unknown email exactly as a wrong code', async () => {
		expect(await recoverAccount(db, browser(), { email: 'nobody@example.org', code: CODE, password: NEW }, NOW)).toEqual({
			ok: false,
			error: { code: 'recovery.error.wrong', field: 'code' }
		});
	});

	it('after too many wrong pairs from an address refuses even the right one, saying for how many minutes', async () => {
		for (let i = 0; i < recoveryLimiter.limit; i++) await recoverAccount(db, browser(), { email: ann.email, code: 'ABCD-EFGH-JKMN-PQRT', password: NEW }, NOW);
		const r = await recoverAccount(db, browser(), { email: ann.email, code: CODE, password: NEW }, NOW);
		expect(r).toEqual({ ok: false, error: { code: 'auth.error.tooMany', params: { n: 15 }, field: 'code' } });
		await unchanged();
	});

	it('sets the new password and a new code, ends every session, records it and signs this browser in', async () => {
		const b = browser();
		const r = await recoverAccount(db, b, { email: ann.email, code: CODE, password: NEW }, NOW);
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value).toMatchObject({ userId: ann.id, secondStep: false });
		expect(r.value.code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
		expect(await authenticate(db, ann.email, NEW)).toMatchObject({ id: ann.id });
		expect(await findUserById(db, ann.id)).toMatchObject({ recovery_code_hash: resumeCodeHash(r.value.code) });
		// The two old sessions ended; the one of this browser is new.
		expect(await listSessionsOf(db, ann.id)).toHaveLength(1);
		expect(b.set).toHaveLength(1);
		expect((await listAuditEventsForSubject(db, ann.id)).map((e) => e.action)).toContain('account.recovered');
	});

	it('writes the password, the code, the ended sessions and the audit event in one transaction: a refused event leaves everything as it was', async () => {
		await refuseAuditAction(db, 'account.recovered');
		const b = browser();
		await expect(recoverAccount(db, b, { email: ann.email, code: CODE, password: NEW }, NOW)).rejects.toThrow(/audit refused/);
		await unchanged();
		expect(b.set).toEqual([]);
	});
});

describe('issueRecoveryCode', () => {
	it('replaces the code with its audit event in one transaction: a refused event keeps the old code', async () => {
		await refuseAuditAction(db, 'account.recovery-code.issued');
		await expect(issueRecoveryCode(db, ann.id, NOW)).rejects.toThrow(/audit refused/);
		expect(await findUserById(db, ann.id)).toMatchObject({ recovery_code_hash: resumeCodeHash(CODE) });
	});

	it('makes the old code stop working and records it', async () => {
		const code = await issueRecoveryCode(db, ann.id, NOW);
		expect(await findUserById(db, ann.id)).toMatchObject({ recovery_code_hash: resumeCodeHash(code) });
		expect(code).not.toBe(CODE);
		expect((await listAuditEventsForSubject(db, ann.id)).map((e) => e.action)).toEqual(['account.recovery-code.issued']);
	});
});
