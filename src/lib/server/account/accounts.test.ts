// Deleting an account against a migrated in-memory SQLite database: everything personal goes, the
// last administrator cannot leave the installation without one (which would reopen /setup).
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import type { Role } from '../db/schema';
import { deleteAccount } from './erasure';
import { insertUser } from '../repositories/users';
import { insertAuditEvent } from '../repositories/audit';
import { createApiToken } from './tokens';
import { insertShare } from '../repositories/shares';
import { insertNote } from '../repositories/notes';
import { insertAssignments } from '../repositories/assignments';
import { insertSession } from '../repositories/sessions';

let db: Db;
const NOW = new Date('2026-11-26T10:00:00.000Z');

async function user(id: string, role: Role) {
	await insertUser(db, { id, email: `${id}@example.org`, password_hash: 'x', role, display_name: null, locale: 'en', created_at: NOW.toISOString() });
	return { id, role };
}

beforeEach(async () => {
	db = await createTestDb();
});
afterEach(() => db.destroy());

const count = async (table: 'user' | 'session' | 'api_token' | 'share' | 'note' | 'assignment', column: string, id: string) =>
	Number(
		(
			await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${id}`.execute(db)
		).rows[0].n
	);

describe('deleteAccount', () => {
	it('refuses to delete the only administrator, and allows it when another exists', async () => {
		const admin = await user('admin-1', 'admin');
		expect(await deleteAccount(db, admin, NOW)).toEqual({ ok: false, error: { code: 'account.deleteLastAdmin' } });
		expect(await count('user', 'id', admin.id)).toBe(1);
		await user('admin-2', 'admin');
		expect(await deleteAccount(db, admin, NOW)).toEqual({ ok: true, value: undefined });
		expect(await count('user', 'id', admin.id)).toBe(0);
	});

	it("deletes a client's sessions, tokens, shares, notes and assignments, and the token names in the audit log", async () => {
		const client = await user('client-1', 'client');
		const counsellor = await user('counsellor-1', 'counsellor');
		await insertSession(db, { id: 's1', user_id: client.id, expires_at: NOW.getTime() + 1000, created_at: NOW.toISOString(), last_used_at: NOW.toISOString(), user_agent: 'Firefox', address: '10.0.0.9' });
		const token = await createApiToken(db, client.id, 'Anna Jensen at Jobcenter Aarhus', NOW);
		expect(token.ok).toBe(true);
		await insertAuditEvent(db, { actorId: null, action: 'profile.api.read', subjectId: client.id, detail: 'Anna Jensen at Jobcenter Aarhus', at: NOW });
		await insertShare(db, client.id, counsellor.id, NOW);
		await insertNote(db, { clientId: client.id, counsellorId: counsellor.id, authorId: client.id, body: 'private', now: NOW });
		await insertAssignments(db, { counsellorId: counsellor.id, clientId: client.id, instrumentIds: ['riasec-48'], message: 'hi', now: NOW });
		const { id: versionId } = await db
			.insertInto('instrument_version')
			.values({ instrument_id: 'x', version: '1.0.0', sha256: 'abc', definition: '{}', first_loaded_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('response')
			.values({ id: 'r1', user_id: client.id, instrument_id: 'x', instrument_version_id: versionId, status: 'completed', answers: '{"why":"secret"}', current_page: 0, result: '{}', started_at: NOW.toISOString(), updated_at: NOW.toISOString(), completed_at: NOW.toISOString() })
			.execute();

		expect(await deleteAccount(db, client, NOW)).toEqual({ ok: true, value: undefined });

		expect(await count('user', 'id', client.id)).toBe(0);
		expect(await count('session', 'user_id', client.id)).toBe(0);
		expect(await count('api_token', 'user_id', client.id)).toBe(0);
		expect(await count('share', 'client_id', client.id)).toBe(0);
		expect(await count('note', 'client_id', client.id)).toBe(0);
		expect(await count('assignment', 'client_id', client.id)).toBe(0);
		expect(await db.selectFrom('response').selectAll().execute()).toEqual([]);
		const audit = await db.selectFrom('audit_event').selectAll().execute();
		expect(JSON.stringify(audit)).not.toContain('Anna Jensen');
		expect(audit.at(-1)).toMatchObject({ actor_id: null, action: 'account.deleted', subject_id: null });
		// The counsellor is untouched.
		expect(await count('user', 'id', counsellor.id)).toBe(1);
	});
});
