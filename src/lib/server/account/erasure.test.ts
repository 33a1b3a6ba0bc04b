// Erasure and retention against a fresh migrated database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): a deleted person's id is nowhere in the audit log, the counsellor's events
// stay under one pseudonym, sign-in counters with their email go; the retention job deletes what
// is past its period and nothing else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { closeTestDb, createTestDb } from '../../../../tests/support/db';
import { PSEUDONYM_PREFIX, deleteAccount } from './erasure';
import { deleteEndedSessions, deleteInactiveClients, deleteOldAuditEvents, runRetention } from './retention';
import { insertUser } from '../repositories/users';
import { insertAuditEvent } from '../repositories/audit';
import { insertSession } from '../repositories/sessions';
import { admitSignIn, signInAddressLimiter, signInFailed } from './throttle';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';

let db: Db;
const NOW = new Date('2026-11-26T10:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY).toISOString();

async function user(id: string, role: Role, lastActive: string | null = NOW.toISOString(), email: string | null = `${id}@example.org`) {
	await insertUser(db, {
		id,
		email,
		password_hash: 'x',
		role,
		display_name: null,
		locale: 'en',
		created_at: daysAgo(5000),
		last_active_at: lastActive
	});
	return { id, role };
}

const auditRows = () => db.selectFrom('audit_event').select(['actor_id', 'action', 'subject_id', 'detail']).orderBy('id').execute();
const userIds = async () => (await db.selectFrom('user').select('id').orderBy('id').execute()).map((r) => r.id);

beforeEach(async () => {
	db = await createTestDb();
});
afterEach(() => closeTestDb(db));

describe('deleteAccount', () => {
	it('deletes and records account.deleted in one transaction: a refused event leaves the account and its audit log as they were', async () => {
		const client = await user('client-1', 'client');
		await insertAuditEvent(db, { actorId: client.id, action: 'account.signed-in', subjectId: client.id, at: NOW });
		const before = await auditRows();
		await refuseAuditAction(db, 'account.deleted');
		await expect(deleteAccount(db, client, NOW)).rejects.toThrow(/audit refused/);
		expect(await userIds()).toEqual(['client-1']);
		expect(await auditRows()).toEqual(before);
	});

	it("replaces the person's id in the audit log by one pseudonym and keeps the counsellor's events", async () => {
		const client = await user('client-1', 'client');
		const counsellor = await user('counsellor-1', 'counsellor');
		await insertAuditEvent(db, { actorId: client.id, action: 'share.granted', subjectId: client.id, detail: counsellor.id, at: NOW });
		await insertAuditEvent(db, { actorId: counsellor.id, action: 'client.report.viewed', subjectId: client.id, at: NOW });
		await insertAuditEvent(db, { actorId: counsellor.id, action: 'client.report.viewed', subjectId: client.id, at: NOW });
		await insertAuditEvent(db, { actorId: client.id, action: 'api.token.created', subjectId: client.id, detail: 'Jobcenter Ørsted', at: NOW });

		expect(await deleteAccount(db, client, NOW)).toEqual({ ok: true, value: undefined });

		const rows = await auditRows();
		expect(JSON.stringify(rows)).not.toContain(client.id);
		expect(JSON.stringify(rows)).not.toContain('Ørsted');
		const pseudonym = rows[0].subject_id!;
		expect(pseudonym.startsWith(PSEUDONYM_PREFIX)).toBe(true);
		expect(rows).toEqual([
			{ actor_id: pseudonym, action: 'share.granted', subject_id: pseudonym, detail: counsellor.id },
			{ actor_id: counsellor.id, action: 'client.report.viewed', subject_id: pseudonym, detail: null },
			{ actor_id: counsellor.id, action: 'client.report.viewed', subject_id: pseudonym, detail: null },
			{ actor_id: pseudonym, action: 'api.token.created', subject_id: pseudonym, detail: null },
			{ actor_id: null, action: 'account.deleted', subject_id: null, detail: null }
		]);

		// The counsellor leaves too: a different pseudonym, also in the share event's detail.
		expect(await deleteAccount(db, counsellor, NOW)).toEqual({ ok: true, value: undefined });
		const after = await auditRows();
		expect(JSON.stringify(after)).not.toContain(counsellor.id);
		const other = after[1].actor_id!;
		expect(other.startsWith(PSEUDONYM_PREFIX)).toBe(true);
		expect(other).not.toBe(pseudonym);
		expect(after[0].detail).toBe(other);
		expect(after[2].actor_id).toBe(other);
	});

	it('forgets the failed sign-ins counted against their email, from every address, and no other', async () => {
		const client = await user('ann', 'client');
		await admitSignIn(db, '10.0.0.1', 'ann@example.org', NOW.getTime());
		await admitSignIn(db, '10.0.0.2', 'ANN@example.org', NOW.getTime());
		await admitSignIn(db, '10.0.0.1', 'a_n@example.org', NOW.getTime());
		await admitSignIn(db, '10.0.0.1', 'xann@example.org', NOW.getTime());
		const keys = async () => (await db.selectFrom('rate_limit').select('key').orderBy('key').execute()).map((r) => r.key);
		await signInFailed(db, { address: '10.0.0.2', email: 'ann@example.org' }, NOW.getTime());
		await signInFailed(db, { address: '10.0.0.1', email: 'a_n@example.org' }, NOW.getTime());
		expect(await keys()).toEqual([
			'10.0.0.1',
			'10.0.0.2',
			'a_n@example.org',
			'a_n@example.org 10.0.0.1',
			'ann@example.org',
			'ann@example.org 10.0.0.1',
			'ann@example.org 10.0.0.2',
			'xann@example.org 10.0.0.1'
		]);
		await deleteAccount(db, client, NOW);
		expect(await keys()).toEqual(['10.0.0.1', '10.0.0.2', 'a_n@example.org', 'a_n@example.org 10.0.0.1', 'xann@example.org 10.0.0.1']);
	});

	it('records one deletion, however often it is asked for', async () => {
		const client = await user('twice', 'client');
		await deleteAccount(db, client, NOW);
		await deleteAccount(db, client, NOW);
		expect((await auditRows()).filter((r) => r.action === 'account.deleted')).toHaveLength(1);
	});
});

describe('the retention job', () => {
	it('deletes client accounts unused for the period, and never staff or active clients', async () => {
		await user('old-client', 'client', daysAgo(400));
		await user('recent-client', 'client', daysAgo(300));
		await user('old-counsellor', 'counsellor', daysAgo(4000));
		await user('old-admin', 'admin', daysAgo(4000));
		expect(await deleteInactiveClients(db, 365, NOW)).toBe(1);
		expect(await userIds()).toEqual(['old-admin', 'old-counsellor', 'recent-client']);
	});

	it('deletes audit events older than the period', async () => {
		await insertAuditEvent(db, { actorId: null, action: 'old', at: new Date(daysAgo(31)) });
		await insertAuditEvent(db, { actorId: null, action: 'new', at: new Date(daysAgo(29)) });
		expect(await deleteOldAuditEvents(db, 30, NOW)).toBe(1);
		expect((await auditRows()).map((r) => r.action)).toEqual(['new']);
	});

	it('deletes sessions past their end or idle for longer than the timeout', async () => {
		await user('u', 'client');
		const session = (id: string, expires: number, lastUsed: string) =>
			insertSession(db, { id, user_id: 'u', expires_at: expires, created_at: daysAgo(1), last_used_at: lastUsed, user_agent: 'Firefox', address: '10.0.0.9' });
		await session('ended', NOW.getTime() - 1, NOW.toISOString());
		await session('idle', NOW.getTime() + DAY, new Date(NOW.getTime() - 61 * 60_000).toISOString());
		await session('live', NOW.getTime() + DAY, new Date(NOW.getTime() - 59 * 60_000).toISOString());
		expect(await deleteEndedSessions(db, 60 * 60_000, NOW)).toBe(2);
		expect((await db.selectFrom('session').select('id').execute()).map((r) => r.id)).toEqual(['live']);
	});

	it('does all of it in one run, with ended failed-attempt windows', async () => {
		await user('anon-old', 'client', daysAgo(200), null);
		await user('client-old', 'client', daysAgo(1200));
		await user('client-new', 'client', daysAgo(2));
		await insertAuditEvent(db, { actorId: 'client-new', action: 'account.signed-in', subjectId: 'client-new', at: new Date(daysAgo(800)) });
		await signInAddressLimiter.fail(db, '10.0.0.1', NOW.getTime() - DAY);
		await signInAddressLimiter.fail(db, '10.0.0.2', NOW.getTime());
		await admitSignIn(db, '10.0.0.3', 'x@example.org', NOW.getTime() - 2 * DAY); // remembered for a day
		await admitSignIn(db, '10.0.0.3', 'y@example.org', NOW.getTime() - DAY / 2);
		const run = await runRetention(db, { anonymousDays: 180, clientDays: 1095, auditDays: 730, sessionIdleMs: 60 * 60_000 }, NOW);
		expect(run).toEqual({ anonymousClients: 1, clients: 1, auditEvents: 1, sessions: 0 });
		expect(await userIds()).toEqual(['client-new']);
		// The two deletions' own events remain; the old sign-in is gone.
		expect((await auditRows()).map((r) => r.action)).toEqual(['account.deleted', 'account.deleted']);
		expect((await db.selectFrom('rate_limit').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['10.0.0.2', 'y@example.org 10.0.0.3']);
	});
});
