// Two-factor rows against a fresh migrated database (SQLite, or PostgreSQL with TEST_DATABASE_URL),
// through two handles as two app servers would use it: a time step, a recovery code and a pending
// sign-in are each used up by exactly one of two requests sent at once, and a step is never taken
// again or after a later one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { closeTestDb, createTestDb, openAgain } from '../../../../tests/support/db';
import { insertUser } from './users';
import {
	claimPendingSignIn,
	claimRecoveryCode,
	claimStep,
	countRecoveryCodes,
	deleteEndedPendingSignIns,
	findTwoFactor,
	insertPendingSignIn,
	putPendingSecret,
	replaceRecoveryCodes
} from './two-factor';

let db: Db;
let other: Db;
const AT = '2026-12-03T12:00:00.000Z';

beforeEach(async () => {
	db = await createTestDb({ file: true });
	other = openAgain(db);
	await insertUser(db, { id: 'u1', email: 'u1@example.org', password_hash: 'x', role: 'client', display_name: null, locale: 'en', created_at: AT });
	expect(await putPendingSecret(db, 'u1', 'aa'.repeat(20), AT)).toBe(true);
});
afterEach(() => closeTestDb(db));

describe('two-factor rows', () => {
	it('switch on once, with the confirming step; a key that is on is not replaced', async () => {
		expect(await claimStep(db, 'u1', 100)).toBe(false); // not on yet: no sign-in step counts
		const both = await Promise.all([claimStep(db, 'u1', 100, { enable: AT }), claimStep(other, 'u1', 100, { enable: AT })]);
		expect(both.filter(Boolean)).toHaveLength(1);
		expect(await findTwoFactor(db, 'u1')).toMatchObject({ enabled_at: AT, last_step: 100 });
		expect(await putPendingSecret(db, 'u1', 'bb'.repeat(20), AT)).toBe(false);
		expect((await findTwoFactor(db, 'u1'))?.secret).toBe('aa'.repeat(20));
	});

	it('take each step once and only after the last one', async () => {
		await claimStep(db, 'u1', 100, { enable: AT });
		const twice = await Promise.all([claimStep(db, 'u1', 101), claimStep(other, 'u1', 101)]);
		expect(twice.filter(Boolean)).toHaveLength(1);
		expect(await claimStep(db, 'u1', 101)).toBe(false);
		expect(await claimStep(db, 'u1', 100)).toBe(false);
		expect(await claimStep(db, 'u1', 102)).toBe(true);
		expect((await findTwoFactor(db, 'u1'))?.last_step).toBe(102);
	});

	it('use a recovery code and a pending sign-in up once', async () => {
		await replaceRecoveryCodes(db, 'u1', ['h1', 'h2', 'h3'], AT);
		const both = await Promise.all([claimRecoveryCode(db, 'u1', 'h2'), claimRecoveryCode(other, 'u1', 'h2')]);
		expect(both.filter(Boolean)).toHaveLength(1);
		expect(await claimRecoveryCode(db, 'u1', 'h2')).toBe(false);
		expect(await claimRecoveryCode(db, 'someone-else', 'h1')).toBe(false);
		expect(await countRecoveryCodes(db, 'u1')).toBe(2);
		await replaceRecoveryCodes(db, 'u1', ['h4'], AT);
		expect(await claimRecoveryCode(db, 'u1', 'h1')).toBe(false);
		expect(await countRecoveryCodes(db, 'u1')).toBe(1);

		await insertPendingSignIn(db, { id: 'p1', user_id: 'u1', created_at: AT, expires_at: '2026-12-03T12:05:00.000Z' });
		const pending = await Promise.all([claimPendingSignIn(db, 'p1'), claimPendingSignIn(other, 'p1')]);
		expect(pending.filter(Boolean)).toHaveLength(1);
	});

	it('drop ended pending sign-ins, and only those', async () => {
		await insertPendingSignIn(db, { id: 'old', user_id: 'u1', created_at: AT, expires_at: '2026-12-03T12:05:00.000Z' });
		await insertPendingSignIn(db, { id: 'new', user_id: 'u1', created_at: AT, expires_at: '2026-12-03T12:10:00.000Z' });
		await deleteEndedPendingSignIns(db, '2026-12-03T12:07:00.000Z');
		expect(await claimPendingSignIn(db, 'old')).toBe(false);
		expect(await claimPendingSignIn(db, 'new')).toBe(true);
	});
});
