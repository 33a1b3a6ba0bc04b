// Administration against a real (in-memory, migrated) SQLite database and real argon2.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import type { SessionUser } from '../account/auth';
import { authenticate } from '../account/accounts';
import { countAccounts, createStaffAccount, listAccounts } from './admin';
import { insertUser } from '../repositories/users';
import { countAuditEntries, insertAuditEvent, listAuditActions, listAuditEntries } from '../repositories/audit';
import { paging } from '../http/paging';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';

let db: Db;
let admin: SessionUser;

beforeEach(async () => {
	db = await createTestDb();
	admin = { id: crypto.randomUUID(), email: 'admin@example.org', role: 'admin', locale: null, display_name: null };
	await insertUser(db, { ...admin, password_hash: 'x', created_at: '2026-01-01T00:00:00.000Z', share_code: null });
});

const good = { email: 'Vera@Example.org', name: 'Vera Vejleder', password: 'correct horse battery', role: 'counsellor' };

describe('createStaffAccount', () => {
	it('creates a counsellor who can sign in with the initial password, audited with the admin as actor', async () => {
		const r = await createStaffAccount(db, admin, good);
		expect(r.ok).toBe(true);
		const user = await authenticate(db, 'vera@example.org', 'correct horse battery');
		expect(user).toMatchObject({ role: 'counsellor', display_name: 'Vera Vejleder', email: 'vera@example.org' });
		const [event] = await listAuditEntries(db, { action: 'admin.account.created', limit: 5, offset: 0 });
		expect(event).toMatchObject({ actor_email: 'admin@example.org', subject_email: 'vera@example.org', detail: 'counsellor' });
	});

	it('creates authors', async () => {
		expect((await createStaffAccount(db, admin, { ...good, role: 'author' })).ok).toBe(true);
		expect(await authenticate(db, good.email, good.password)).toMatchObject({ role: 'author' });
	});

	it.each([
		['an admin role', { role: 'admin' }, [{ field: 'role', code: 'counsellor.admin.error.role' }]],
		['a client role', { role: 'client' }, [{ field: 'role', code: 'counsellor.admin.error.role' }]],
		['no name', { name: '  ' }, [{ field: 'name', code: 'counsellor.admin.error.name' }]],
		['a bad email', { email: 'vera' }, [{ field: 'email', code: 'auth.error.email' }]],
		['a short password', { password: 'short' }, [{ field: 'password', code: 'auth.error.passwordShort', params: { n: 10 } }]]
	])('refuses %s and creates nothing', async (_, change, problems) => {
		expect(await createStaffAccount(db, admin, { ...good, ...change })).toEqual({ ok: false, error: problems[0], problems });
		expect(await countAccounts(db, '')).toBe(1);
		expect(await countAuditEntries(db)).toBe(0);
	});

	it('refuses an email in use', async () => {
		await createStaffAccount(db, admin, good);
		expect(await createStaffAccount(db, admin, { ...good, email: 'vera@example.org' })).toEqual({
			ok: false,
			error: { code: 'auth.error.taken', field: 'email' }
		});
		expect(await countAccounts(db, '')).toBe(2);
		expect(await countAuditEntries(db, 'admin.account.created')).toBe(1);
	});

	it('writes the account and its audit events in one transaction: when the audit event is refused, no account is left', async () => {
		await refuseAuditAction(db, 'admin.account.created');
		await expect(createStaffAccount(db, admin, good)).rejects.toThrow(/audit refused/);
		expect(await countAccounts(db, '')).toBe(1);
		expect(await authenticate(db, good.email, good.password)).toBeNull();
		// Not even the account.created event written before it in the same transaction.
		expect(await countAuditEntries(db)).toBe(0);
	});

	it('only admins create staff', async () => {
		await expect(createStaffAccount(db, { ...admin, role: 'counsellor' }, good)).rejects.toThrow(/administrators/);
	});
});

describe('listAccounts', () => {
	beforeEach(async () => {
		for (const [i, email] of ['a_b@x.org', 'axb@x.org', 'c%d@y.org', 'zed@y.org'].entries())
			await insertUser(db, { id: `u${i}`, email, password_hash: 'x', role: 'client', display_name: null, locale: null, created_at: `2026-02-0${i + 1}T00:00:00.000Z`, share_code: null });
	});

	it('lists newest first and pages', async () => {
		expect((await listAccounts(db, { search: '', limit: 2, offset: 0 })).map((a) => a.email)).toEqual(['zed@y.org', 'c%d@y.org']);
		expect((await listAccounts(db, { search: '', limit: 2, offset: 4 })).map((a) => a.email)).toEqual(['admin@example.org']);
		expect(await countAccounts(db, '')).toBe(5);
	});

	it('searches the email, case-insensitively, taking % and _ literally', async () => {
		const emails = async (search: string) => (await listAccounts(db, { search, limit: 10, offset: 0 })).map((a) => a.email);
		expect(await emails('Y.ORG')).toEqual(['zed@y.org', 'c%d@y.org']);
		expect(await emails('a_b')).toEqual(['a_b@x.org']);
		expect(await emails('%')).toEqual(['c%d@y.org']);
		expect(await countAccounts(db, '_')).toBe(1);
		expect(await emails('nobody')).toEqual([]);
	});
});

describe('audit log', () => {
	it('lists newest first with emails, filters by action, and survives deleted accounts', async () => {
		await insertAuditEvent(db, { actorId: admin.id, action: 'admin.account.created', subjectId: 'gone', detail: 'author' });
		await insertAuditEvent(db, { actorId: null, action: 'account.deleted' });
		await insertAuditEvent(db, { actorId: admin.id, action: 'account.signed-in', subjectId: admin.id });
		const all = await listAuditEntries(db, { limit: 10, offset: 0 });
		expect(all.map((e) => [e.action, e.actor_email, e.subject_email])).toEqual([
			['account.signed-in', 'admin@example.org', 'admin@example.org'],
			['account.deleted', null, null],
			['admin.account.created', 'admin@example.org', null]
		]);
		expect((await listAuditEntries(db, { action: 'account.deleted', limit: 10, offset: 0 })).map((e) => e.action)).toEqual(['account.deleted']);
		expect(await countAuditEntries(db, 'account.signed-in')).toBe(1);
		expect(await listAuditActions(db)).toEqual(['account.deleted', 'account.signed-in', 'admin.account.created']);
		expect((await listAuditEntries(db, { limit: 1, offset: 1 })).map((e) => e.action)).toEqual(['account.deleted']);
	});
});

describe('paging', () => {
	it.each([
		[null, 0, { page: 1, pages: 1, offset: 0 }],
		['2', 45, { page: 2, pages: 3, offset: 20 }],
		['9', 45, { page: 3, pages: 3, offset: 40 }],
		['-1', 45, { page: 1, pages: 3, offset: 0 }],
		['1.5', 45, { page: 1, pages: 3, offset: 0 }],
		['abc', 45, { page: 1, pages: 3, offset: 0 }]
	])('page %s of %i items', (param, total, expected) => {
		expect(paging(param, total, 20)).toMatchObject({ ...expected, total, size: 20 });
	});
});
