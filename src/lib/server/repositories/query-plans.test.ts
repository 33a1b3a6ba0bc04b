// Costs that stay flat: on a seeded database, the queries behind deleting an account (the audit
// log's look-ups by actor, subject and detail), the retention job's batches of old audit events, and
// the counsellor's client list and search (with each client's last activity and open assignments) find their rows by index instead of reading whole tables.
// The statements are the real ones, captured as the repositories run them, and explained by the
// database itself: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (FORMAT JSON) on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { closeTestDb, createTestDb, testDialect } from '../../../../tests/support/db';
import type { Db } from '../db';
import { deleteAuditEventsBefore, pseudonymiseAuditEventsOf } from './audit';
import { countSharingClients, listSharingClientRows } from './sharing-clients';

const USERS = 20_000;
const COUNSELLORS = 20;
const CLIENTS_EACH = 300;
const EVENTS = 30_000;

let db: Db;
const counsellor = 'counsellor-0';
const client = 'client-7';

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

beforeAll(async () => {
	db = await createTestDb();
	const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
	const users = Array.from({ length: USERS }, (_, i) => {
		const isCounsellor = i < COUNSELLORS;
		return {
			id: isCounsellor ? `counsellor-${i}` : `client-${i}`,
			email: `person${i}@example.org`,
			password_hash: null,
			role: (isCounsellor ? 'counsellor' : 'client') as 'counsellor' | 'client',
			display_name: i % 3 === 0 ? null : `Person ${i}`,
			locale: 'da',
			created_at: at(i),
			privacy_version: '1',
			privacy_agreed_at: at(i)
		};
	});
	await insertChunked(users, (chunk) => db.insertInto('user').values(chunk).execute());
	const shares = [];
	for (let c = 0; c < COUNSELLORS; c++)
		for (let k = 0; k < CLIENTS_EACH; k++) {
			const clientIndex = COUNSELLORS + c * CLIENTS_EACH + k;
			shares.push({ client_id: `client-${clientIndex}`, counsellor_id: `counsellor-${c}`, granted_at: at(k), revoked_at: k % 10 === 0 ? at(k + 1) : null });
		}
	await insertChunked(shares, (chunk) => db.insertInto('share').values(chunk).execute());
	const assignments = shares.flatMap((sh, i) =>
		[0, 1].map((k) => ({ counsellor_id: sh.counsellor_id, client_id: sh.client_id, instrument_id: `q${k}`, message: null, created_at: at(i), cancelled_at: k ? at(i + 1) : null }))
	);
	await insertChunked(assignments, (chunk) => db.insertInto('assignment').values(chunk).execute());
	const version = await db
		.insertInto('instrument_version')
		.values({ instrument_id: 'q0', version: '1', sha256: 'x', definition: '{}', first_loaded_at: at(0) })
		.returning('id')
		.executeTakeFirstOrThrow();
	const responses = users.flatMap((u, i) =>
		[0, 1].map((k) => ({
			id: `r-${i}-${k}`,
			user_id: u.id,
			instrument_id: 'q0',
			instrument_version_id: version.id,
			status: 'completed' as const,
			answers: '{}',
			current_page: 0,
			result: null,
			started_at: at(i),
			updated_at: at(i + k),
			completed_at: at(i + k)
		}))
	);
	await insertChunked(responses, (chunk) => db.insertInto('response').values(chunk).execute());
	const events = Array.from({ length: EVENTS }, (_, i) => {
		const who = `client-${COUNSELLORS + (i % (USERS - COUNSELLORS))}`;
		const share = i % 4 === 0;
		return {
			actor_id: who,
			action: share ? 'share.granted' : 'response.completed',
			subject_id: who,
			detail: share ? `counsellor-${i % COUNSELLORS}` : null,
			at: at(i)
		};
	});
	await insertChunked(events, (chunk) => db.insertInto('audit_event').values(chunk).execute());
	await db.executeQuery(CompiledQuery.raw('ANALYZE'));
}, 120_000);

afterAll(async () => {
	await closeTestDb(db);
});

/** Runs `work` against `db` and returns every statement it sent, compiled as sent. */
async function capture(work: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
	const nodes: RootOperationNode[] = [];
	const plugin: KyselyPlugin = {
		transformQuery: ({ node }) => (nodes.push(node), node),
		transformResult: async ({ result }) => result
	};
	// The work runs inside a transaction that is rolled back: the seeded data stays for the next check.
	const rollback = new Error('roll back');
	await db
		.transaction()
		.execute(async (trx) => {
			await work(trx.withPlugin(plugin));
			throw rollback;
		})
		.catch((e) => {
			if (e !== rollback) throw e;
		});
	return nodes.map((node) => db.getExecutor().compileQuery(node, { queryId: 'plan' } as never));
}

/** The tables a statement reads in full, by the database's own plan. */
async function fullScans(query: CompiledQuery): Promise<string[]> {
	if (testDialect() === 'sqlite') {
		const { rows } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]));
		// "SEARCH t USING INDEX i (c=?)" reads a bounded range; "SCAN t", also "SCAN t USING [COVERING]
		// INDEX i", reads all of the table or index. A CTE's or subquery's result ("SCAN page") is no table.
		return rows.map((r) => r.detail).filter((d) => /^SCAN /.test(d) && !/^SCAN (page\b|\(subquery)/.test(d));
	}
	const { rows } = await db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]));
	const scans: string[] = [];
	const walk = (n: Record<string, unknown>) => {
		if (n['Node Type'] === 'Seq Scan') scans.push(`Seq Scan on ${n['Relation Name']}`);
		for (const child of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
	};
	const plan = rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[];
	walk(plan[0].Plan);
	return scans;
}

async function expectIndexed(work: (db: Db) => Promise<unknown>, atLeast: number) {
	const queries = await capture(work);
	expect(queries.length).toBeGreaterThanOrEqual(atLeast);
	for (const q of queries) expect({ sql: q.sql, scans: await fullScans(q) }).toEqual({ sql: q.sql, scans: [] });
}

describe(`query plans on a seeded database (${testDialect()})`, () => {
	it('sees a full scan where there is one (the check itself)', async () => {
		const [q] = await capture((d) => d.selectFrom('audit_event').select('id').where('action', '=', 'share.granted').execute());
		expect(await fullScans(q)).toEqual([expect.stringMatching(/audit_event/)]);
	});

	it("deleting an account: the audit log's look-ups by subject, actor and detail use indexes", async () => {
		await expectIndexed((d) => pseudonymiseAuditEventsOf(d, client, 'deleted:x', ['api.token.created']), 4);
		await expectIndexed((d) => pseudonymiseAuditEventsOf(d, counsellor, 'deleted:y', ['api.token.created']), 4);
	});

	it('the retention job deletes old audit events in batches found by index', async () => {
		await expectIndexed((d) => deleteAuditEventsBefore(d, new Date(Date.UTC(2026, 0, 2)).toISOString(), 500), 1);
	});

	it("the counsellor's client list, its count and its search read the counsellor's shares, not whole tables", async () => {
		const count = await countSharingClients(db, counsellor, '');
		expect(count).toBe(CLIENTS_EACH - CLIENTS_EACH / 10);
		await expectIndexed((d) => countSharingClients(d, counsellor, ''), 1);
		await expectIndexed((d) => listSharingClientRows(d, counsellor, '', { limit: 25, offset: 100 }), 1);
		await expectIndexed((d) => countSharingClients(d, counsellor, 'person3'), 1);
		await expectIndexed((d) => listSharingClientRows(d, counsellor, 'person3', { limit: 25, offset: 0 }), 1);
	});
});
