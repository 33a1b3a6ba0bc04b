// Sharing against a real (in-memory, migrated) SQLite database: the client decides, every grant and
// revoke is audited, and a revoked counsellor is refused on the very next check.
import { dropAuditRefusal, refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import type { Role } from '../db/schema';
import type { SessionUser } from '../account/auth';
import { insertUser } from '../repositories/users';
import { listActiveSharesOfClient } from '../repositories/shares';
import { insertAuditEvent, listAuditEntriesAbout } from '../repositories/audit';
import {
	ensureShareCode,
	findCounsellorByCode,
	grantShare,
	findSharedClient,
	shareLink,
	withdrawShare
} from './sharing';
import { listSharedWith } from '../account/account-access';

let db: Db;
const T0 = new Date('2026-11-26T10:00:00Z');

async function user(role: Role, email: string, name: string | null = null): Promise<SessionUser> {
	const id = crypto.randomUUID();
	await insertUser(db, { id, email, password_hash: 'x', role, display_name: name, locale: null, created_at: T0.toISOString(), share_code: null, privacy_version: '2026-12-01', privacy_agreed_at: '2026-01-01T00:00:00.000Z' });
	return { id, email, role, locale: null, display_name: name };
}

/** The refusal's message key, or 'ok'. */
async function refusal(p: Promise<{ ok: true } | { ok: false; error: { code: string } }>): Promise<string> {
	const r = await p;
	return r.ok ? 'ok' : r.error.code;
}

let client: SessionUser, other: SessionUser, counsellor: SessionUser, author: SessionUser;
beforeEach(async () => {
	db = await createTestDb();
	client = await user('client', 'client@example.org', 'Cleo');
	other = await user('client', 'other@example.org');
	counsellor = await user('counsellor', 'vejleder@example.org', 'Vera Vejleder');
	author = await user('author', 'author@example.org');
});

describe('findCounsellorByCode', () => {
	it('finds the counsellor whatever the case, spaces and dash of what was typed', async () => {
		const code = await ensureShareCode(db, counsellor.id);
		const typed = ` ${code.replace('-', ' ').toLowerCase()} `;
		expect(await findCounsellorByCode(db, typed)).toEqual({
			ok: true,
			value: { code, counsellor: { id: counsellor.id, email: 'vejleder@example.org', name: 'Vera Vejleder' } }
		});
	});

	it.each([
		['', 'empty', ''],
		['  - ', 'empty', ''],
		['K7M', 'format', 'K7M'],
		['K7M-Q2XF9', 'format', 'K7MQ2XF9'],
		['O0I-1LLL', 'format', 'O0I-1LLL'], // letters the alphabet leaves out
		['K7M-Q2XF', 'unknown', 'K7M-Q2XF']
	])('%j → %s', async (typed, reason, code) => {
		expect(await findCounsellorByCode(db, typed)).toEqual({
			ok: false,
			error: { code: `counsellor.share.error.${reason}`, params: { code }, field: 'code' }
		});
	});

	it("does not find a code that is not a counsellor's", async () => {
		await db.updateTable('user').set({ share_code: 'ABC-DEFG' }).where('id', '=', author.id).execute();
		expect(await findCounsellorByCode(db, 'ABC-DEFG')).toMatchObject({ ok: false, error: { code: 'counsellor.share.error.unknown' } });
	});

	it('keeps one code per counsellor and makes an invitation link of it', async () => {
		const code = await ensureShareCode(db, counsellor.id);
		expect(code).toMatch(/^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{4}$/);
		expect(await ensureShareCode(db, counsellor.id)).toBe(code);
		expect(shareLink('https://spejl.example', code)).toBe(`https://spejl.example/share/${code}`);
	});
});

describe('grantShare, withdrawShare and findSharedClient', () => {
	it('grants, audits, lets the counsellor in, and refuses them right after a revoke', async () => {
		expect(await refusal(findSharedClient(db, counsellor, client.id))).toBe('counsellor.error.notShared');
		expect(await grantShare(db, client, counsellor.id, T0)).toEqual({ ok: true, value: { already: false } });
		expect(await findSharedClient(db, counsellor, client.id)).toMatchObject({ ok: true, value: { id: client.id } });
		// Sharing again changes nothing and is not audited twice.
		expect(await grantShare(db, client, counsellor.id, new Date('2026-11-27T00:00:00Z'))).toEqual({ ok: true, value: { already: true } });
		expect(await listActiveSharesOfClient(db, client.id)).toMatchObject([{ counsellor_id: counsellor.id, granted_at: T0.toISOString() }]);

		expect(await withdrawShare(db, client, counsellor.id, new Date('2026-11-28T00:00:00Z'))).toBe(true);
		expect(await refusal(findSharedClient(db, counsellor, client.id))).toBe('counsellor.error.notShared');
		expect(await withdrawShare(db, client, counsellor.id)).toBe(false);

		const log = await listAuditEntriesAbout(db, client.id, { limit: 10, offset: 0 });
		expect(log.map((e) => [e.action, e.actor_email, e.detail_email])).toEqual([
			['share.revoked', 'client@example.org', 'vejleder@example.org'],
			['share.granted', 'client@example.org', 'vejleder@example.org']
		]);
		// Sharing again after a revoke starts a new share.
		expect(await grantShare(db, client, counsellor.id)).toEqual({ ok: true, value: { already: false } });
		expect(await refusal(findSharedClient(db, counsellor, client.id))).toBe('ok');
	});

	it('writes a share and its event in one transaction: a refused share.granted leaves no share, a refused share.revoked keeps it', async () => {
		await refuseAuditAction(db, 'share.granted');
		await expect(grantShare(db, client, counsellor.id, T0)).rejects.toThrow(/audit refused/);
		expect(await listActiveSharesOfClient(db, client.id)).toEqual([]);
		await dropAuditRefusal(db);
		expect(await grantShare(db, client, counsellor.id, T0)).toEqual({ ok: true, value: { already: false } });
		await refuseAuditAction(db, 'share.revoked');
		await expect(withdrawShare(db, client, counsellor.id, T0)).rejects.toThrow(/audit refused/);
		expect(await refusal(findSharedClient(db, counsellor, client.id))).toBe('ok');
	});

	it('two grants at once make one share and one audit event', async () => {
		const both = await Promise.all([grantShare(db, client, counsellor.id, T0), grantShare(db, client, counsellor.id, T0)]);
		expect(both.map((r) => (r.ok ? r.value.already : null)).sort()).toEqual([false, true]);
		expect(await db.selectFrom('share').select('counsellor_id').execute()).toEqual([{ counsellor_id: counsellor.id }]);
		expect(await db.selectFrom('audit_event').select('action').execute()).toEqual([{ action: 'share.granted' }]);
	});

	it("a share with one client opens no other client's data", async () => {
		await grantShare(db, client, counsellor.id);
		expect(await refusal(findSharedClient(db, counsellor, other.id))).toBe('counsellor.error.notShared');
		expect(await refusal(findSharedClient(db, counsellor, 'no-such-id'))).toBe('counsellor.error.notShared');
	});

	it('refuses non-clients, sharing with yourself and with non-counsellors', async () => {
		const counsellor2 = await user('counsellor', 'c2@example.org');
		const refused = (code: string) => ({ ok: false, error: { code } });
		expect(await grantShare(db, counsellor2, counsellor.id)).toEqual(refused('counsellor.share.error.notClient'));
		expect(await grantShare(db, author, counsellor.id)).toEqual(refused('counsellor.share.error.notClient'));
		expect(await grantShare(db, client, client.id)).toEqual(refused('counsellor.share.error.self'));
		expect(await grantShare(db, client, other.id)).toEqual(refused('counsellor.share.error.notCounsellor'));
		expect(await grantShare(db, client, author.id)).toEqual(refused('counsellor.share.error.notCounsellor'));
		expect(await grantShare(db, client, 'nobody')).toEqual(refused('counsellor.share.error.notCounsellor'));
		expect(await db.selectFrom('share').selectAll().execute()).toEqual([]);
		expect(await db.selectFrom('audit_event').selectAll().execute()).toEqual([]);
	});

	it('only counsellors pass findSharedClient, even with a share row', async () => {
		await db.insertInto('share').values({ client_id: client.id, counsellor_id: author.id, granted_at: T0.toISOString(), revoked_at: null }).execute();
		expect(await refusal(findSharedClient(db, author, client.id))).toBe('counsellor.error.onlyCounsellors');
		expect(await refusal(findSharedClient(db, other, client.id))).toBe('counsellor.error.onlyCounsellors');
	});
});

describe('listSharedWith', () => {
	it("lists active shares with what each counsellor did with this client's data", async () => {
		const counsellor2 = await user('counsellor', 'c2@example.org');
		await grantShare(db, client, counsellor.id, T0);
		await grantShare(db, client, counsellor2.id, new Date('2026-11-27T10:00:00Z'));
		const view = (actorId: string, subjectId: string, at: string, action = 'client.report.viewed') =>
			insertAuditEvent(db, { actorId, action, subjectId, at: new Date(at) });
		await view(counsellor.id, client.id, '2026-11-26T11:00:00Z');
		await view(counsellor.id, client.id, '2026-11-26T12:00:00Z');
		await view(counsellor.id, client.id, '2026-11-26T13:00:00Z', 'client.export.downloaded');
		await view(counsellor.id, other.id, '2026-11-26T14:00:00Z'); // another client: not counted
		await view(author.id, client.id, '2026-11-26T15:00:00Z'); // someone who is not sharing: not listed
		await withdrawShare(db, client, counsellor2.id);

		expect(await listSharedWith(db, client.id)).toEqual([
			{
				counsellorId: counsellor.id,
				email: 'vejleder@example.org',
				name: 'Vera Vejleder',
				since: T0.toISOString(),
				activity: [
					{ action: 'client.export.downloaded', times: 1, lastAt: '2026-11-26T13:00:00.000Z' },
					{ action: 'client.report.viewed', times: 2, lastAt: '2026-11-26T12:00:00.000Z' }
				]
			}
		]);
	});
});
