// Switching two-factor sign-in on and off and making new recovery codes, against a fresh, migrated
// database (SQLite, or PostgreSQL with TEST_DATABASE_URL): each change, its audit event and the
// ended sessions are written in one transaction, so a refused audit event leaves the account as it was;
// the second step of a sign-in writes the used code, the session and its events together too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { insertUser } from '../repositories/users';
import { listSessionsOf } from '../repositories/sessions';
import { listAuditEventsForSubject } from '../repositories/audit';
import { claimRecoveryCode, countRecoveryCodes, findTwoFactor, putPendingSecret, replaceRecoveryCodes } from '../repositories/two-factor';
import { createSession, generateSessionToken, hashPassword, sessionPolicy } from './auth';
import type { SignInContext } from './accounts';
import { resumeCodeHash } from './resume-code';
import { confirmSetup, replaceCodes, turnOff } from './two-factor';
import { completeSecondStep, hasPendingSignIn, startSecondStep } from './second-step';

let db: Db;
const ann = { id: 'ann-id', email: 'ann@example.org' };
const PASSWORD = 'old correct horse battery';
// RFC 6238 appendix B: the key is the ASCII of "12345678901234567890"; at t = 59 s its code is 287082.
const RFC_KEY = encodeHexLowerCase(new TextEncoder().encode('12345678901234567890'));
const AT_59 = new Date(59_000);
const OLD_CODES = ['ABCD-EFGH-JKMN-PQRS', 'BCDE-FGHJ-KMNP-QRST'];
// Cookies that remember what was set: each change signs this browser in again.
const browser = (): SignInContext & { set: string[] } => {
	const set: string[] = [];
	return { set, secure: false, cookies: { get: () => undefined, set: (name: string) => set.push(name), delete: () => {} } } as unknown as SignInContext & { set: string[] };
};

beforeEach(async () => {
	db = await createTestDb();
	await insertUser(db, { ...ann, display_name: null, password_hash: await hashPassword(PASSWORD), role: 'client', locale: null, created_at: '2026-01-01T00:00:00.000Z' });
	for (let i = 0; i < 2; i++) await createSession(db, generateSessionToken(), ann.id, sessionPolicy());
});
afterEach(() => db.destroy());

const actions = async () => (await listAuditEventsForSubject(db, ann.id)).map((e) => e.action);

/** Two-factor sign-in on with the RFC key and two recovery codes, as if set up earlier. */
async function switchedOn() {
	await putPendingSecret(db, ann.id, RFC_KEY, '2026-01-01T00:00:00.000Z');
	await db.updateTable('two_factor').set({ enabled_at: '2026-01-01T00:00:00.000Z' }).where('user_id', '=', ann.id).execute();
	await replaceRecoveryCodes(db, ann.id, OLD_CODES.map(resumeCodeHash), '2026-01-01T00:00:00.000Z');
}

describe('confirmSetup', () => {
	beforeEach(() => putPendingSecret(db, ann.id, RFC_KEY, '2026-01-01T00:00:00.000Z'));

	it('switches it on with a current code: ten recovery codes, the event, the other sessions ended, this browser signed in', async () => {
		const b = browser();
		const r = await confirmSetup(db, b, ann, '287 082', AT_59);
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.codes).toHaveLength(10);
		expect((await findTwoFactor(db, ann.id))?.enabled_at).toBe(AT_59.toISOString());
		expect(await countRecoveryCodes(db, ann.id)).toBe(10);
		expect(await actions()).toEqual(['account.two-factor.enabled']);
		expect(await listSessionsOf(db, ann.id)).toHaveLength(1);
		expect(b.set).toHaveLength(1);
	});

	it('refuses a wrong code about the field code and changes nothing', async () => {
		expect(await confirmSetup(db, browser(), ann, '123456', AT_59)).toEqual({ ok: false, error: { code: 'twoFactor.error.wrongSetup', field: 'code' } });
		expect((await findTwoFactor(db, ann.id))?.enabled_at).toBeNull();
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
	});

	it('a refused event leaves it off, without recovery codes, and the sessions as they were', async () => {
		await refuseAuditAction(db, 'account.two-factor.enabled');
		const b = browser();
		await expect(confirmSetup(db, b, ann, '287082', AT_59)).rejects.toThrow(/audit refused/);
		expect(await findTwoFactor(db, ann.id)).toMatchObject({ enabled_at: null, last_step: null });
		expect(await countRecoveryCodes(db, ann.id)).toBe(0);
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
		expect(b.set).toEqual([]);
	});
});

describe('turnOff', () => {
	beforeEach(switchedOn);

	it('refuses a wrong password about the field password and keeps it on', async () => {
		expect(await turnOff(db, browser(), ann, 'not the password')).toEqual({ ok: false, error: { code: 'trust.error.currentPassword', field: 'password' } });
		expect((await findTwoFactor(db, ann.id))?.enabled_at).not.toBeNull();
	});

	it('switches it off with the password: key and codes gone, the event, the other sessions ended', async () => {
		const b = browser();
		expect(await turnOff(db, b, ann, PASSWORD)).toEqual({ ok: true, value: undefined });
		expect(await findTwoFactor(db, ann.id)).toBeUndefined();
		expect(await countRecoveryCodes(db, ann.id)).toBe(0);
		expect(await actions()).toEqual(['account.two-factor.disabled']);
		expect(await listSessionsOf(db, ann.id)).toHaveLength(1);
		expect(b.set).toHaveLength(1);
	});

	it('a refused event leaves it on with its key, its codes and the sessions', async () => {
		await refuseAuditAction(db, 'account.two-factor.disabled');
		await expect(turnOff(db, browser(), ann, PASSWORD)).rejects.toThrow(/audit refused/);
		expect(await findTwoFactor(db, ann.id)).toMatchObject({ secret: RFC_KEY });
		expect(await countRecoveryCodes(db, ann.id)).toBe(2);
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
	});
});

describe('replaceCodes', () => {
	beforeEach(switchedOn);

	it('replaces the recovery codes with the password: the old ones stop working, the event, the other sessions ended', async () => {
		const r = await replaceCodes(db, browser(), ann, PASSWORD);
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.codes).toHaveLength(10);
		expect(await claimRecoveryCode(db, ann.id, resumeCodeHash(OLD_CODES[0]))).toBe(false);
		expect(await claimRecoveryCode(db, ann.id, resumeCodeHash(r.value.codes[0]))).toBe(true);
		expect(await actions()).toEqual(['account.two-factor.codes-replaced']);
		expect(await listSessionsOf(db, ann.id)).toHaveLength(1);
	});

	it('a refused event keeps the old codes and the sessions', async () => {
		await refuseAuditAction(db, 'account.two-factor.codes-replaced');
		await expect(replaceCodes(db, browser(), ann, PASSWORD)).rejects.toThrow(/audit refused/);
		expect(await countRecoveryCodes(db, ann.id)).toBe(2);
		expect(await claimRecoveryCode(db, ann.id, resumeCodeHash(OLD_CODES[1]))).toBe(true);
		expect(await listSessionsOf(db, ann.id)).toHaveLength(2);
	});
});

describe('completeSecondStep', () => {
	// Cookies that keep their values: the pending sign-in lives in one.
	const jar = (): SignInContext => {
		const values = new Map<string, string>();
		const cookies = { get: (n: string) => values.get(n), set: (n: string, v: string) => void values.set(n, v), delete: (n: string) => void values.delete(n) };
		return { cookies, secure: false, address: '10.0.0.1' } as unknown as SignInContext;
	};
	let ctx: SignInContext;
	beforeEach(async () => {
		await switchedOn();
		await db.deleteFrom('session').execute();
		ctx = jar();
		await startSecondStep(db, ctx, ann.id, AT_59);
	});

	it('with a current code signs in and records it', async () => {
		expect(await completeSecondStep(db, ctx, '287082', AT_59)).toEqual({ ok: true, value: { recoveryCode: false, codesLeft: 0 } });
		expect(await listSessionsOf(db, ann.id)).toHaveLength(1);
		expect(await actions()).toEqual(['account.signed-in']);
		expect(await hasPendingSignIn(db, ctx.cookies, false, AT_59)).toBe(false);
	});

	it('with a recovery code signs in, uses the code up and records both', async () => {
		expect(await completeSecondStep(db, ctx, OLD_CODES[0], AT_59)).toEqual({ ok: true, value: { recoveryCode: true, codesLeft: 1 } });
		expect((await actions()).sort()).toEqual(['account.signed-in', 'account.two-factor.recovery-code-used']);
	});

	it('a refused account.two-factor.recovery-code-used event leaves the recovery code unused, no session and the sign-in pending', async () => {
		await refuseAuditAction(db, 'account.two-factor.recovery-code-used');
		await expect(completeSecondStep(db, ctx, OLD_CODES[0], AT_59)).rejects.toThrow(/audit refused/);
		expect(await countRecoveryCodes(db, ann.id)).toBe(2);
		expect(await listSessionsOf(db, ann.id)).toEqual([]);
		expect(await hasPendingSignIn(db, ctx.cookies, false, AT_59)).toBe(true);
	});

	it('a refused account.signed-in event leaves the code unused and no session', async () => {
		await refuseAuditAction(db, 'account.signed-in');
		await expect(completeSecondStep(db, ctx, '287082', AT_59)).rejects.toThrow(/audit refused/);
		expect((await findTwoFactor(db, ann.id))?.last_step).toBeNull();
		expect(await listSessionsOf(db, ann.id)).toEqual([]);
		expect(await hasPendingSignIn(db, ctx.cookies, false, AT_59)).toBe(true);
	});
});
