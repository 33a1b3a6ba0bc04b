// The counsellor's client list against a real (in-memory, migrated) SQLite database with 10,000
// clients sharing with one counsellor: pagination, search and the per-client aggregates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import type { NewUser } from '../db/schema';
import { listSharingClients, parseClientQuery } from './counsellor-clients';

const N = 10_000;
const COUNSELLOR = 'counsellor-1';
const OTHER = 'counsellor-2';
const pad = (i: number) => String(i).padStart(5, '0');
const clientId = (i: number) => `client-${pad(i)}`;
// Every 10th client has no display name: then the list shows and sorts by the email.
const nameOf = (i: number) => (i % 10 === 0 ? null : `Client ${pad(i)}`);
const emailOf = (i: number) => `c${pad(i)}@example.org`;

let db: Db;

function user(id: string, email: string, role: NewUser['role'], name: string | null): NewUser {
	return { id, email, password_hash: 'x', role, display_name: name, locale: null, created_at: '2026-01-01T00:00:00.000Z', share_code: null, privacy_version: '2026-12-01', privacy_agreed_at: '2026-01-01T00:00:00.000Z' };
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

beforeAll(async () => {
	db = await createTestDb();
	const iv = await db
		.insertInto('instrument_version')
		.values({ instrument_id: 'riasec-48', version: '1.0.0', sha256: 'x', definition: '{}', first_loaded_at: '2026-01-01T00:00:00Z' })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('user').values([user(COUNSELLOR, 'couns@example.org', 'counsellor', 'C One'), user(OTHER, 'other@example.org', 'counsellor', null)]).execute();
		const clients = Array.from({ length: N }, (_, k) => user(clientId(k + 1), emailOf(k + 1), 'client', nameOf(k + 1)));
		await insertChunked(clients, (c) => trx.insertInto('user').values(c).execute());
		const shares = clients.map((c) => ({ client_id: c.id, counsellor_id: COUNSELLOR, granted_at: '2026-01-02T00:00:00Z', revoked_at: null }));
		await insertChunked(shares, (s) => trx.insertInto('share').values(s).execute());
		// Three more clients: one shared and revoked, one sharing only with the other counsellor, one never.
		await trx.insertInto('user').values([user('revoked', 'revoked@example.org', 'client', 'Client Revoked'), user('others', 'others@example.org', 'client', 'Client Others'), user('lonely', 'lonely@example.org', 'client', 'Client Lonely')]).execute();
		await trx.insertInto('share').values([
			{ client_id: 'revoked', counsellor_id: COUNSELLOR, granted_at: '2026-01-02T00:00:00Z', revoked_at: '2026-01-03T00:00:00Z' },
			{ client_id: 'others', counsellor_id: OTHER, granted_at: '2026-01-02T00:00:00Z', revoked_at: null }
		]).execute();
		// Client 1: two completed riasec, a completed big five, an open response updated last.
		const response = (id: string, user_id: string, instrument_id: string, status: 'completed' | 'in_progress', updated_at: string) => ({
			id, user_id, instrument_id, instrument_version_id: iv.id, status, answers: '{}', current_page: 0, result: null,
			started_at: '2026-02-01T00:00:00Z', updated_at, completed_at: status === 'completed' ? updated_at : null
		});
		await trx.insertInto('response').values([
			response('r1', clientId(1), 'riasec-48', 'completed', '2026-02-01T10:00:00.000Z'),
			response('r2', clientId(1), 'riasec-48', 'completed', '2026-03-01T10:00:00.000Z'),
			response('r3', clientId(1), 'big-five-ipip-50', 'completed', '2026-03-02T10:00:00.000Z'),
			response('r4', clientId(1), 'work-values', 'in_progress', '2026-03-05T10:00:00.000Z'),
			response('r5', clientId(2), 'riasec-48', 'completed', '2026-02-10T00:00:00.000Z')
		]).execute();
		// Assignments to client 1: work-values (open: only in progress), big five made after its
		// completion (open), riasec completed after it (not open), a cancelled one (not open), and one
		// from the other counsellor (not counted). Client 2: none.
		const assignment = (instrument_id: string, created_at: string, counsellor_id = COUNSELLOR, cancelled_at: string | null = null) => ({
			counsellor_id, client_id: clientId(1), instrument_id, message: null, created_at, cancelled_at
		});
		await trx.insertInto('assignment').values([
			assignment('work-values', '2026-03-04T00:00:00.000Z'),
			assignment('big-five-ipip-50', '2026-03-03T00:00:00.000Z'),
			assignment('riasec-48', '2026-02-15T00:00:00.000Z'),
			assignment('brainstorm-strengths', '2026-02-15T00:00:00.000Z', COUNSELLOR, '2026-02-16T00:00:00.000Z'),
			assignment('brainstorm-strengths', '2026-02-15T00:00:00.000Z', OTHER)
		]).execute();
	});
}, 60_000);

afterAll(async () => db?.destroy());

const sortKey = (i: number) => (nameOf(i) ?? emailOf(i)).toLowerCase();
// The expected order: by name (email when no name), case-insensitive, then id.
const expectedOrder = Array.from({ length: N }, (_, k) => k + 1)
	.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : clientId(a) < clientId(b) ? -1 : 1))
	.map(clientId);

describe('listSharingClients with 10,000 sharing clients', () => {
	it('counts only active shares with this counsellor and pages 25 at a time', async () => {
		const first = await listSharingClients(db, COUNSELLOR);
		expect(first.total).toBe(N);
		expect(first.pages).toBe(400);
		expect(first.page).toBe(1);
		expect(first.clients.map((c) => c.id)).toEqual(expectedOrder.slice(0, 25));
		const last = await listSharingClients(db, COUNSELLOR, { page: 400 });
		expect(last.clients.map((c) => c.id)).toEqual(expectedOrder.slice(-25));
		// Past the end → the last page; nonsense → the first.
		expect((await listSharingClients(db, COUNSELLOR, { page: 9999 })).page).toBe(400);
		expect((await listSharingClients(db, COUNSELLOR, { page: -3 })).page).toBe(1);
		expect((await listSharingClients(db, OTHER)).clients.map((c) => c.id)).toEqual(['others']);
	});

	it('visits every client exactly once across all pages, in order', async () => {
		const seen: string[] = [];
		for (let page = 1; page <= 400; page++) seen.push(...(await listSharingClients(db, COUNSELLOR, { page })).clients.map((c) => c.id));
		expect(seen).toEqual(expectedOrder);
		expect(new Set(seen).size).toBe(N);
		expect(seen).not.toContain('revoked');
		expect(seen).not.toContain('others');
	}, 180_000); // 400 pages: generous for a loaded machine and a PostgreSQL round trip per query

	it.each([
		['c0042', 10, clientId(420)], // emails c00420…c00429
		['C0042', 10, clientId(420)], // case-insensitive
		['client 09999', 1, clientId(9999)], // by name
		['  Client 0999  ', 9, clientId(9991)], // trimmed; 09991…09999 (09990 has no name, and its email does not match)
		['example.org', N, expectedOrder[0]],
		['revoked', 0, undefined],
		['%', 0, undefined], // LIKE wildcards match themselves
		['c_00', 0, undefined]
	])('search %j → %i clients, first %s', async (search, total, firstId) => {
		const r = await listSharingClients(db, COUNSELLOR, { search });
		expect(r.total).toBe(total);
		expect(r.clients[0]?.id).toBe(firstId);
		expect(r.clients.length).toBe(Math.min(25, total));
	});

	it('pages through search results', async () => {
		const r = await listSharingClients(db, COUNSELLOR, { search: 'c001', page: 2 }); // c00100…c00199
		expect(r.total).toBe(100);
		expect(r.pages).toBe(4);
		expect(r.clients).toHaveLength(25);
		for (const c of r.clients) expect(c.email?.startsWith('c001')).toBe(true);
	});

	it('shows last activity, completed instruments and open assignments per client', async () => {
		const { clients } = await listSharingClients(db, COUNSELLOR, { search: 'c0000' }); // c00001…c00009
		const one = clients.find((c) => c.id === clientId(1));
		expect(one).toEqual({
			id: clientId(1),
			email: emailOf(1),
			name: 'Client 00001',
			sharedSince: '2026-01-02T00:00:00Z',
			lastActivity: '2026-03-05T10:00:00.000Z',
			completed: ['big-five-ipip-50', 'riasec-48'],
			openAssignments: 2
		});
		const two = clients.find((c) => c.id === clientId(2));
		expect(two).toMatchObject({ lastActivity: '2026-02-10T00:00:00.000Z', completed: ['riasec-48'], openAssignments: 0 });
		const three = clients.find((c) => c.id === clientId(3));
		expect(three).toMatchObject({ lastActivity: null, completed: [], openAssignments: 0 });
	});
});

describe('parseClientQuery', () => {
	it.each([
		['', { search: '', page: 1 }],
		['?q=%20anna%20&page=3', { search: 'anna', page: 3 }],
		['?page=0', { search: '', page: 1 }],
		['?page=abc', { search: '', page: 1 }],
		[`?q=${'x'.repeat(150)}`, { search: 'x'.repeat(100), page: 1 }]
	])('%s', (qs, expected) => {
		expect(parseClientQuery(new URL(`http://x/counsellor${qs}`))).toEqual(expected);
	});
});
