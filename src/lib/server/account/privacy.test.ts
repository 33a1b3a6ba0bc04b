// Agreeing to the privacy notice against a fresh, migrated database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): the agreement and its audit event are written together or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { findUserById, insertUser } from '../repositories/users';
import { listAuditEventsForSubject } from '../repositories/audit';
import { AGREE_FIELD, AGREE_VALUE, PRIVACY_NOTICE_VERSION, agreeToNotice, checkAgreement } from './privacy';

let db: Db;
const NOW = new Date('2026-12-02T09:00:00.000Z');

beforeEach(async () => {
	db = await createTestDb();
	await insertUser(db, { id: 'ann-id', email: 'ann@example.org', display_name: null, password_hash: 'x', role: 'client', locale: null, created_at: '2026-01-01T00:00:00.000Z' });
});
afterEach(() => db.destroy());

describe('checkAgreement', () => {
	it('is a problem about the checkbox until it is ticked', () => {
		const form = new FormData();
		expect(checkAgreement(form)).toEqual({ code: 'privacy.error.agree', field: 'privacy' });
		form.set(AGREE_FIELD, AGREE_VALUE);
		expect(checkAgreement(form)).toBeNull();
	});
});

describe('agreeToNotice', () => {
	it('records the version and time, and privacy.agreed with the version', async () => {
		await agreeToNotice(db, 'ann-id', NOW);
		expect(await findUserById(db, 'ann-id')).toMatchObject({ privacy_version: PRIVACY_NOTICE_VERSION, privacy_agreed_at: NOW.toISOString() });
		expect((await listAuditEventsForSubject(db, 'ann-id')).map((e) => [e.action, e.detail])).toEqual([['privacy.agreed', PRIVACY_NOTICE_VERSION]]);
	});

	it('writes the agreement and its event in one transaction: a refused event leaves the person not agreed', async () => {
		await refuseAuditAction(db, 'privacy.agreed');
		await expect(agreeToNotice(db, 'ann-id', NOW)).rejects.toThrow(/audit refused/);
		expect(await findUserById(db, 'ann-id')).toMatchObject({ privacy_version: null, privacy_agreed_at: null });
	});
});
