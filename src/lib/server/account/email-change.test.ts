// Changing the email against a fresh, migrated database (SQLite, or PostgreSQL with TEST_DATABASE_URL)
// and real argon2: the new email and its audit event are written together or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { findUserById, insertUser } from '../repositories/users';
import { listAuditEventsForSubject } from '../repositories/audit';
import { hashPassword } from './auth';
import { changeEmail } from './email-change';

let db: Db;
const PASSWORD = 'old correct horse battery';

beforeEach(async () => {
	db = await createTestDb();
	await insertUser(db, { id: 'ann-id', email: 'ann@example.org', display_name: null, password_hash: await hashPassword(PASSWORD), role: 'client', locale: null, created_at: '2026-01-01T00:00:00.000Z' });
});
afterEach(() => db.destroy());

describe('changeEmail', () => {
	it('sets the normalised email and records account.email.changed without either address', async () => {
		expect(await changeEmail(db, 'ann-id', { email: ' Ann.New@Example.org ', password: PASSWORD })).toEqual({ ok: true, value: { email: 'ann.new@example.org' } });
		expect(await findUserById(db, 'ann-id')).toMatchObject({ email: 'ann.new@example.org' });
		expect((await listAuditEventsForSubject(db, 'ann-id')).map((e) => [e.action, e.detail])).toEqual([['account.email.changed', null]]);
	});

	it('refuses a wrong password about the field password and keeps the email', async () => {
		expect(await changeEmail(db, 'ann-id', { email: 'ann.new@example.org', password: 'wrong one' })).toEqual({
			ok: false,
			error: { code: 'trust.error.currentPassword', field: 'password' },
			problems: [{ code: 'trust.error.currentPassword', field: 'password' }]
		});
		expect(await findUserById(db, 'ann-id')).toMatchObject({ email: 'ann@example.org' });
	});

	it('writes the email and its event in one transaction: a refused event keeps the old email', async () => {
		await refuseAuditAction(db, 'account.email.changed');
		await expect(changeEmail(db, 'ann-id', { email: 'ann.new@example.org', password: PASSWORD })).rejects.toThrow(/audit refused/);
		expect(await findUserById(db, 'ann-id')).toMatchObject({ email: 'ann@example.org' });
	});
});

