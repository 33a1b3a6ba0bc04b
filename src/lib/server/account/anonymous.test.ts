// Anonymous clients against a real migrated database (SQLite, or PostgreSQL with TEST_DATABASE_URL): the migration that lets a client have
// no email keeps every existing row and foreign key, and inactive anonymous clients are deleted
// with their answers while everyone else stays.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, migrateTo, migrateToLatest, type Db } from '../db';
import type { Cookies } from '@sveltejs/kit';
import { addCredentials, deleteInactiveAnonymous, replaceResumeCode, resumeWithCode, startAnonymous } from './anonymous';
import { refuseAuditAction } from '../../../../tests/support/refuse-audit';
import { listAuditEventsForSubject } from '../repositories/audit';
import { listSessionsOf } from '../repositories/sessions';
import { authenticate } from './accounts';
import { resumeCodeHash } from './resume-code';
import { findUserById, findUserByResumeCodeHash, insertUser } from '../repositories/users';
import { createTestDb } from '../../../../tests/support/db';

let db: Db;
afterEach(() => db.destroy());

const responseRow = (id: string, userId: string, versionId: number) => ({
	id,
	user_id: userId,
	instrument_id: 'x',
	instrument_version_id: versionId,
	status: 'in_progress' as const,
	answers: '{}',
	current_page: 0,
	started_at: '2026-11-01T00:00:00.000Z',
	updated_at: '2026-11-01T00:00:00.000Z'
});

// The SQLite table rebuild itself (PostgreSQL drops NOT NULL in place; the PostgreSQL runs of the
// other tests migrate through it).
describe('migration 2026-12-01T1100_anonymous_clients (SQLite)', () => {
	it('keeps existing users, their rows, indexes and cascades, and allows users without email', async () => {
		db = createDb(':memory:');
		await migrateTo(db, '2026-11-26T1500_counsellor_indexes');
		const raw = db as unknown as Db;
		await sql`insert into "user" (id, email, password_hash, role, created_at, share_code) values ('u1', 'a@example.org', 'h', 'client', '2026-11-01T00:00:00.000Z', null), ('c1', 'c@example.org', 'h', 'counsellor', '2026-11-01T00:00:00.000Z', 'SHARE1')`.execute(raw);
		await sql`insert into instrument_version (instrument_id, version, sha256, definition, first_loaded_at) values ('x', '1', 's', '{}', '2026-11-01')`.execute(raw);
		await sql`insert into response (id, user_id, instrument_id, instrument_version_id, status, answers, current_page, started_at, updated_at) values ('r1', 'u1', 'x', 1, 'in_progress', '{}', 0, 'a', 'a')`.execute(raw);
		await sql`insert into share (client_id, counsellor_id, granted_at) values ('u1', 'c1', 'a')`.execute(raw);

		await migrateToLatest(db);

		expect(await findUserById(db, 'u1')).toMatchObject({ email: 'a@example.org', password_hash: 'h', created_at: '2026-11-01T00:00:00.000Z', resume_code_hash: null });
		expect((await findUserById(db, 'c1'))?.share_code).toBe('SHARE1');
		const fk = await sql<{ table: string }>`pragma foreign_key_list("response")`.execute(db);
		expect(fk.rows.map((r) => r.table)).toContain('user');
		// Unique email and share code still hold.
		await expect(sql`insert into "user" (id, email, password_hash, role, created_at) values ('u2', 'a@example.org', 'h', 'client', 'x')`.execute(db)).rejects.toThrow(/UNIQUE/);
		await expect(sql`insert into "user" (id, email, password_hash, role, created_at, share_code) values ('u3', 'b@example.org', 'h', 'counsellor', 'x', 'SHARE1')`.execute(db)).rejects.toThrow(/UNIQUE/);
		// Two anonymous clients (no email) may coexist; deleting a user still cascades.
		await insertUser(db, { id: 'a1', email: null, password_hash: null, role: 'client', created_at: 'x', resume_code_hash: 'h1' });
		await insertUser(db, { id: 'a2', email: null, password_hash: null, role: 'client', created_at: 'x', resume_code_hash: 'h2' });
		await db.deleteFrom('user').where('id', '=', 'u1').execute();
		expect(await db.selectFrom('response').selectAll().execute()).toEqual([]);
		expect(await db.selectFrom('share').selectAll().execute()).toEqual([]);
		expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
	});
});

describe('anonymous clients', () => {
	beforeEach(async () => {
		db = await createTestDb();
		await db.insertInto('instrument_version').values({ instrument_id: 'x', version: '1', sha256: 's', definition: '{}', first_loaded_at: 'a' }).execute();
	});

	const anon = (id: string, lastActive: string | null, created = '2026-01-01T00:00:00.000Z') =>
		insertUser(db, { id, email: null, password_hash: null, role: 'client', created_at: created, resume_code_hash: resumeCodeHash(id.toUpperCase().padEnd(16, 'X')), last_active_at: lastActive });

	it('are deleted with their answers after the inactivity period; active ones and accounts stay', async () => {
		const now = new Date('2026-12-01T00:00:00.000Z');
		await anon('old', '2026-05-01T00:00:00.000Z'); // 214 days ago
		await anon('recent', '2026-11-20T00:00:00.000Z');
		await anon('never', null, '2026-03-01T00:00:00.000Z'); // never marked active: counts from creation
		await insertUser(db, { id: 'acct', email: 'k@example.org', password_hash: 'h', role: 'client', created_at: '2020-01-01T00:00:00.000Z' });
		await db.insertInto('response').values([responseRow('r-old', 'old', 1), responseRow('r-recent', 'recent', 1), responseRow('r-acct', 'acct', 1)]).execute();

		expect(await deleteInactiveAnonymous(db, 180, now)).toBe(2);

		const users = (await db.selectFrom('user').select('id').orderBy('id').execute()).map((u) => u.id);
		expect(users).toEqual(['acct', 'recent']);
		const responses = (await db.selectFrom('response').select('id').orderBy('id').execute()).map((r) => r.id);
		expect(responses).toEqual(['r-acct', 'r-recent']);
		// A shorter period reaches the recent one too.
		expect(await deleteInactiveAnonymous(db, 5, now)).toBe(1);
	});

	it('replacing the code makes the old one stop working', async () => {
		await anon('a', '2026-11-30T00:00:00.000Z');
		const old = resumeCodeHash('A'.padEnd(16, 'X'));
		expect((await findUserByResumeCodeHash(db, old))?.id).toBe('a');
		const code = await replaceResumeCode(db, 'a');
		expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
		expect(await findUserByResumeCodeHash(db, old)).toBeUndefined();
		expect((await findUserByResumeCodeHash(db, resumeCodeHash(code!)))?.id).toBe('a');
	});

	it('adding email and password keeps the account and its answers, and ends the resume code', async () => {
		await anon('a', '2026-11-30T00:00:00.000Z');
		await insertUser(db, { id: 'b', email: 'taken@example.org', password_hash: 'h', role: 'client', created_at: 'x' });
		await db.insertInto('response').values(responseRow('r', 'a', 1)).execute();
		expect(await addCredentials(db, 'a', { email: 'taken@example.org', password: 'long enough pw' })).toEqual({ ok: false, error: { code: 'auth.error.taken', field: 'email' } });
		expect(await addCredentials(db, 'a', { email: 'nope', password: 'short' })).toEqual({
			ok: false,
			error: { code: 'auth.error.email', field: 'email' },
			problems: [
				{ code: 'auth.error.email', field: 'email' },
				{ code: 'auth.error.passwordShort', field: 'password', params: { n: 10 } }
			]
		});
		expect(await findUserById(db, 'a')).toMatchObject({ email: null, password_hash: null });

		expect(await addCredentials(db, 'a', { email: 'New@Example.org', password: 'long enough pw' })).toEqual({ ok: true, value: undefined });
		expect((await authenticate(db, 'new@example.org', 'long enough pw'))?.id).toBe('a');
		expect(await findUserById(db, 'a')).toMatchObject({ email: 'new@example.org', resume_code_hash: null });
		expect((await db.selectFrom('response').select('user_id').executeTakeFirst())?.user_id).toBe('a');
		// No longer anonymous: neither deleted for inactivity nor given a resume code.
		expect(await deleteInactiveAnonymous(db, 1, new Date('2030-01-01'))).toBe(0);
		expect(await replaceResumeCode(db, 'a')).toBeNull();
	});
});

describe('anonymous clients: each action and its audit event in one transaction', () => {
	const CODE = 'ANNA-XXXX-XXXX-XXXX';
	const NOW = new Date('2026-12-01T10:00:00.000Z');
	// Cookies that remember what was set: starting and resuming sign this browser in.
	const browser = () => {
		const set: string[] = [];
		return { set, cookies: { get: () => undefined, set: (name: string) => set.push(name), delete: () => {} } as unknown as Cookies };
	};
	const where = { address: '10.0.0.1', secure: false };

	beforeEach(async () => {
		db = await createTestDb();
		await insertUser(db, { id: 'anna', email: null, password_hash: null, role: 'client', created_at: '2026-11-01T00:00:00.000Z', resume_code_hash: resumeCodeHash(CODE), last_active_at: '2026-11-01T00:00:00.000Z' });
	});
	const anonymousIds = async () => (await db.selectFrom('user').select('id').where('email', 'is', null).execute()).map((u) => u.id);

	it('starting creates the client, its account.created event and a session; a refused event leaves no client and no session', async () => {
		const b = browser();
		const r = await startAnonymous(db, b.cookies, { locale: 'da', ...where }, NOW);
		if (!r.ok) throw new Error('refused');
		const [id] = (await anonymousIds()).filter((i) => i !== 'anna');
		expect((await findUserByResumeCodeHash(db, resumeCodeHash(r.value.code)))?.id).toBe(id);
		expect((await listAuditEventsForSubject(db, id)).map((e) => e.action)).toEqual(['account.created']);
		expect(await listSessionsOf(db, id)).toHaveLength(1);
		expect(b.set).toHaveLength(1);

		await refuseAuditAction(db, 'account.created');
		const refused = browser();
		await expect(startAnonymous(db, refused.cookies, { locale: 'da', ...where }, NOW)).rejects.toThrow(/audit refused/);
		expect((await anonymousIds()).sort()).toEqual(['anna', id].sort());
		expect(await db.selectFrom('session').select('id').execute()).toHaveLength(1);
		expect(refused.set).toEqual([]);
	});

	it('resuming refuses an unknown or badly typed code about the field code, and a refused account.resumed event leaves no session and the old time of use', async () => {
		expect(await resumeWithCode(db, browser().cookies, { code: 'ANNA-XXXX-XXXX-XXX2', ...where }, NOW)).toEqual({ ok: false, error: { code: 'resume.error.unknown', field: 'code' } });
		expect(await resumeWithCode(db, browser().cookies, { code: 'ANNA-XXXX', ...where }, NOW)).toEqual({ ok: false, error: { code: 'resume.error.length', params: { n: 16 }, field: 'code' } });

		await refuseAuditAction(db, 'account.resumed');
		const b = browser();
		await expect(resumeWithCode(db, b.cookies, { code: CODE, ...where }, NOW)).rejects.toThrow(/audit refused/);
		expect(await listSessionsOf(db, 'anna')).toEqual([]);
		expect(await findUserById(db, 'anna')).toMatchObject({ last_active_at: '2026-11-01T00:00:00.000Z' });
		expect(b.set).toEqual([]);
	});

	it('resuming with the right code signs in, records the time and the event', async () => {
		const b = browser();
		expect(await resumeWithCode(db, b.cookies, { code: CODE.toLowerCase(), ...where }, NOW)).toEqual({ ok: true, value: { userId: 'anna' } });
		expect(await listSessionsOf(db, 'anna')).toHaveLength(1);
		expect(await findUserById(db, 'anna')).toMatchObject({ last_active_at: NOW.toISOString() });
		expect((await listAuditEventsForSubject(db, 'anna')).map((e) => e.action)).toEqual(['account.resumed']);
		expect(b.set).toHaveLength(1);
	});

	it('a refused account.resume-code.replaced event keeps the old code working', async () => {
		await refuseAuditAction(db, 'account.resume-code.replaced');
		await expect(replaceResumeCode(db, 'anna', NOW)).rejects.toThrow(/audit refused/);
		expect((await findUserByResumeCodeHash(db, resumeCodeHash(CODE)))?.id).toBe('anna');
	});

	it('a refused account.credentials-added event leaves the client anonymous with their code', async () => {
		await refuseAuditAction(db, 'account.credentials-added');
		await expect(addCredentials(db, 'anna', { email: 'anna@example.org', password: 'purple elephant lighthouse' }, NOW)).rejects.toThrow(/audit refused/);
		expect(await findUserById(db, 'anna')).toMatchObject({ email: null, password_hash: null, resume_code_hash: resumeCodeHash(CODE) });
		expect(await authenticate(db, 'anna@example.org', 'purple elephant lighthouse')).toBeNull();
	});
});
