// API tokens against a fresh, migrated SQLite database: stored hashed, shown once, revocable, and
// every create/revoke in the owner's access log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { insertUser } from '../repositories/users';
import { listActiveApiTokens } from '../repositories/api-tokens';
import { listAuditEntriesAbout, listAuditEventsForSubject } from '../repositories/audit';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { apiTokenIdOf, authenticateBearer, createApiToken, MAX_ACTIVE_TOKENS, revokeOwnApiToken } from './tokens';

let db: Db;
const alice = 'alice-id';
const bob = 'bob-id';
const NOW = new Date('2026-11-26T10:00:00.000Z');

beforeEach(async () => {
	db = await createTestDb();
	for (const id of [alice, bob]) {
		await insertUser(db, { id, email: `${id}@example.org`, password_hash: 'x', role: 'client', display_name: null, locale: 'da', created_at: NOW.toISOString() });
	}
});
afterEach(() => db.destroy());

const created = async (name = 'Job portal', user = alice) => {
	const r = await createApiToken(db, user, name, NOW);
	if (!r.ok) throw new Error(r.error.code);
	return r.value;
};

describe('API tokens', () => {
	it('stores only the SHA-256 of a new token, under a tidied name, and logs its creation', async () => {
		const { token, row } = await created('  Job   portal ');
		expect(token).toMatch(/^spejl_[a-z2-7]{32}$/);
		expect(row).toEqual({ id: apiTokenIdOf(token), user_id: alice, name: 'Job portal', created_at: NOW.toISOString(), last_used_at: null, revoked_at: null });
		expect(row.id).toMatch(/^[0-9a-f]{64}$/);
		const stored = await db.selectFrom('api_token').selectAll().execute();
		expect(JSON.stringify(stored)).not.toContain(token);
		expect(await listAuditEventsForSubject(db, alice)).toMatchObject([{ actor_id: alice, action: 'api.token.created', detail: 'Job portal' }]);
	});

	it.each([
		['', { code: 'matching.tokens.error.name-empty', field: 'name' }],
		['   ', { code: 'matching.tokens.error.name-empty', field: 'name' }],
		['x'.repeat(61), { code: 'matching.tokens.error.name-long', params: { n: 60 }, field: 'name' }]
	])('refuses the name %j', async (name, error) => {
		expect(await createApiToken(db, alice, name, NOW)).toEqual({ ok: false, error });
		expect(await listActiveApiTokens(db, alice)).toEqual([]);
	});

	it(`allows at most ${MAX_ACTIVE_TOKENS} active tokens`, async () => {
		for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) await created(`t${i}`);
		expect(await createApiToken(db, alice, 'one more', NOW)).toEqual({ ok: false, error: { code: 'matching.tokens.error.too-many', params: { n: MAX_ACTIVE_TOKENS }, field: 'name' } });
		expect((await createApiToken(db, bob, 'bob', NOW)).ok).toBe(true);
	});

	it('authenticates a bearer token and records when it was used', async () => {
		const { token, row } = await created();
		const later = new Date('2026-11-27T08:00:00.000Z');
		const auth = await authenticateBearer(db, `Bearer ${token}`, later);
		expect(auth).toMatchObject({ ok: true, value: { user: { id: alice }, token: { id: row.id, name: 'Job portal', last_used_at: later.toISOString() } } });
		expect((await listActiveApiTokens(db, alice))[0].last_used_at).toBe(later.toISOString());
		expect((await authenticateBearer(db, `bearer   ${token}`, later)).ok).toBe(true);
	});

	it.each([
		[null, 'api.error.noToken'],
		['', 'api.error.noToken'],
		['Basic YWxpY2U6eA==', 'api.error.noToken'],
		['Bearer', 'api.error.noToken'],
		['Bearer spejl_unknown', 'api.error.invalidToken']
	] as const)('refuses the header %j as %s', async (header, code) => {
		await created();
		expect(await authenticateBearer(db, header, NOW)).toEqual({ ok: false, error: { code } });
	});

	it('revokes only the owner\'s token, once, and a revoked token no longer works', async () => {
		const { token, row } = await created();
		const refused = { ok: false, error: { code: 'matching.tokens.notFound' } };
		expect(await revokeOwnApiToken(db, bob, row.id, NOW)).toEqual(refused);
		expect((await authenticateBearer(db, `Bearer ${token}`, NOW)).ok).toBe(true);
		expect(await revokeOwnApiToken(db, alice, row.id, NOW)).toEqual({ ok: true, value: { name: 'Job portal' } });
		expect(await revokeOwnApiToken(db, alice, row.id, NOW)).toEqual(refused);
		expect(await authenticateBearer(db, `Bearer ${token}`, NOW)).toEqual({ ok: false, error: { code: 'api.error.invalidToken' } });
		expect(await listActiveApiTokens(db, alice)).toEqual([]);
		expect((await listAuditEventsForSubject(db, alice)).map((e) => e.action)).toEqual(['api.token.revoked', 'api.token.created']);
	});

	it('stops working when the owner deletes their account', async () => {
		const { token } = await created();
		await db.deleteFrom('user').where('id', '=', alice).execute();
		expect(await authenticateBearer(db, `Bearer ${token}`, NOW)).toEqual({ ok: false, error: { code: 'api.error.invalidToken' } });
	});

	it('writes a token and its access-log entry in one transaction: a refused entry leaves no token', async () => {
		await refuseAuditAction(db, 'api.token.created');
		await expect(createApiToken(db, alice, 'Job portal', NOW)).rejects.toThrow(/audit refused/);
		expect(await db.selectFrom('api_token').selectAll().execute()).toEqual([]);
		expect(await listAuditEventsForSubject(db, alice)).toEqual([]);
	});

	it('revokes a token and writes its access-log entry in one transaction: a refused entry leaves the token working', async () => {
		const { token, row } = await created();
		await refuseAuditAction(db, 'api.token.revoked');
		await expect(revokeOwnApiToken(db, alice, row.id, NOW)).rejects.toThrow(/audit refused/);
		expect((await authenticateBearer(db, `Bearer ${token}`, NOW)).ok).toBe(true);
		expect((await listAuditEventsForSubject(db, alice)).map((e) => e.action)).toEqual(['api.token.created']);
	});

	// The access log looks up an email for a detail that is a user id (share events). A token name is
	// free text: naming a token after someone's id must not reveal their email.
	it("does not turn a token named after another user's id into that user's email", async () => {
		await created(bob);
		const log = await listAuditEntriesAbout(db, alice, { limit: 10, offset: 0 });
		expect(log).toMatchObject([{ action: 'api.token.created', detail: bob, detail_email: null }]);
		expect(JSON.stringify(log)).not.toContain(`${bob}@example.org`);
	});
});
