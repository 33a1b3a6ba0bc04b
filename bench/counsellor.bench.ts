/**
 * The counsellor's client list with 10,000 sharing clients (each with a completed response, every
 * tenth with an open assignment): the first page, the last page and a search, next to a baseline
 * measured in the same run (counting the counsellor's shares). SQLite in memory, the real schema.
 *
 * Standalone: `npx tsx bench/counsellor.bench.ts` prints JSON.
 */
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../src/lib/server/db/schema.ts';
import { createDb, migrateToLatest } from '../src/lib/server/db/index.ts';
import { listSharingClients } from '../src/lib/server/counsellor/counsellor-clients.ts';
import { median } from './lib/stats.ts';
import { agreement } from '../src/lib/server/account/privacy.ts';

export interface CounsellorBench {
	name: string;
	medianMs: number;
	runs: number;
	ratioToBaseline?: number;
}

/** An in-memory SQLite database with the app's own migrations. */
async function migratedDb(): Promise<Kysely<DB>> {
	const db = createDb(':memory:');
	await migrateToLatest(db);
	return db;
}

/** n sharing clients (who agreed to the privacy notice: counsellors see no others), each with a completed response. */
async function seed(db: Kysely<DB>, n: number) {
	const at = '2026-01-01T00:00:00.000Z';
	const iv = await db
		.insertInto('instrument_version')
		.values({ instrument_id: 'riasec-48', version: '1.0.0', sha256: 'x', definition: '{}', first_loaded_at: at })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('user').values({ id: 'c0', email: 'couns@example.org', password_hash: 'x', role: 'counsellor', created_at: at }).execute();
		for (let start = 0; start < n; start += 500) {
			const ids = Array.from({ length: Math.min(500, n - start) }, (_, k) => start + k);
			const id = (i: number) => `client-${String(i).padStart(5, '0')}`;
			await trx.insertInto('user').values(ids.map((i) => ({ id: id(i), email: `c${i}@example.org`, password_hash: 'x', role: 'client' as const, display_name: `Client ${i}`, created_at: at, ...agreement(new Date(at)) }))).execute();
			await trx.insertInto('share').values(ids.map((i) => ({ client_id: id(i), counsellor_id: 'c0', granted_at: at, revoked_at: null }))).execute();
			await trx
				.insertInto('response')
				.values(ids.map((i) => ({ id: `r-${i}`, user_id: id(i), instrument_id: 'riasec-48', instrument_version_id: iv.id, status: 'completed' as const, answers: '{}', current_page: 0, result: '{}', started_at: at, updated_at: at, completed_at: at })))
				.execute();
			const assigned = ids.filter((i) => i % 10 === 0);
			if (assigned.length)
				await trx.insertInto('assignment').values(assigned.map((i) => ({ counsellor_id: 'c0', client_id: id(i), instrument_id: 'big-five-ipip-50', message: null, created_at: at, cancelled_at: null }))).execute();
		}
	});
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	await fn();
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	return median(times);
}

export async function benchCounsellor(n = 10_000): Promise<CounsellorBench[]> {
	const db = await migratedDb();
	await seed(db, n);
	const runs = 30;
	const baseline = await time(runs, () =>
		db.selectFrom('share').select((eb) => eb.fn.countAll().as('n')).where('counsellor_id', '=', 'c0').where('revoked_at', 'is', null).executeTakeFirst()
	);
	const first = await time(runs, () => listSharingClients(db, 'c0', { page: 1 }));
	const last = await time(runs, () => listSharingClients(db, 'c0', { page: 400 }));
	const search = await time(runs, () => listSharingClients(db, 'c0', { search: 'c9999@' }));
	const check = await listSharingClients(db, 'c0', { page: 1 });
	if (check.total !== n || check.clients.length !== 25) throw new Error('the seeded list is not what the bench expects');
	await db.destroy();
	return [
		{ name: `baseline: count the ${n.toLocaleString('en-GB')} active shares`, medianMs: baseline, runs },
		{ name: 'first page (25 clients with activity, completed instruments, open assignments)', medianMs: first, runs, ratioToBaseline: first / baseline },
		{ name: 'last page', medianMs: last, runs, ratioToBaseline: last / baseline },
		{ name: 'search by email', medianMs: search, runs, ratioToBaseline: search / baseline }
	];
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) console.log(JSON.stringify(await benchCounsellor(), null, 2));
