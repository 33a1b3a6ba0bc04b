// The first administrator is created once, even when first-run requests race on several app
// servers: a second handle on the same database stands in for a second server here.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb, openAgain, testDialect } from '../../../../tests/support/db';
import { createFirstAdmin, setupNeeded } from './setup';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';

let one: Db;
let two: Db;
beforeEach(async () => {
	one = await createTestDb({ file: true });
	two = openAgain(one);
});

const admins = (d: Db) => d.selectFrom('user').select('email').where('role', '=', 'admin').execute();
const input = (email: string) => ({ email, password: 'a long admin password', locale: null });

describe('createFirstAdmin', () => {
	it('creates one administrator, audited, then refuses', async () => {
		expect(await setupNeeded(one)).toBe(true);
		const created = await createFirstAdmin(one, input('Admin@Example.org'));
		expect(created.ok).toBe(true);
		expect(await admins(two)).toEqual([{ email: 'admin@example.org' }]);
		expect(await setupNeeded(two)).toBe(false);
		expect(await createFirstAdmin(two, input('second@example.org'))).toEqual({ ok: false, error: { code: 'setup.done' } });
		const events = await one.selectFrom('audit_event').select(['action', 'detail']).execute();
		expect(events).toEqual([{ action: 'account.created', detail: 'admin' }]);
	});

	it('writes the lock, the administrator and account.created in one transaction: a refused event leaves setup open', async () => {
		await refuseAuditAction(one, 'account.created');
		await expect(createFirstAdmin(one, input('admin@example.org'))).rejects.toThrow(/audit refused/);
		expect(await admins(one)).toEqual([]);
		expect(await one.selectFrom('app_lock').selectAll().execute()).toEqual([]);
		expect(await setupNeeded(one)).toBe(true);
	});

	it('names what is wrong with the input and creates nothing', async () => {
		const r = await createFirstAdmin(one, { email: 'not-an-email', password: 'short', locale: null });
		expect(r).toMatchObject({ ok: false, error: { code: 'auth.error.email', field: 'email' } });
		expect(r.ok === false && r.problems?.map((e) => e.field)).toEqual(['email', 'password']);
		expect(await admins(one)).toEqual([]);
		expect(await one.selectFrom('app_lock').selectAll().execute()).toEqual([]);
	});

	// On SQLite two handles in one process would wait on each other's lock inside one thread, so the
	// race goes through one handle there; across processes it is in tests/http/two-servers.test.ts.
	it('creates exactly one administrator when six requests race', async () => {
		const via = (i: number) => (i % 2 && testDialect() === 'postgres' ? two : one);
		const results = await Promise.all(Array.from({ length: 6 }, (_, i) => createFirstAdmin(via(i), input(`admin${i}@example.org`))));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && r.error.code === 'setup.done')).toHaveLength(5);
		expect(await admins(one)).toHaveLength(1);
	});
});
