/**
 * The completion load: clients completing the 48-item interest questionnaire through the real form
 * action (validate + score + store), on the built app. Two set-ups in the same run, side by side:
 * SQLite with one app server, and PostgreSQL with two app servers on one database (each client's
 * requests alternate between the two, as behind a load balancer without sticky sessions). Each is
 * also measured on a trivial page of the same servers (GET /login), so the figures can be read
 * as a ratio that a busy machine disturbs less than absolute numbers.
 *
 * Needs a build (`npm run build`) and PostgreSQL: TEST_DATABASE_URL=postgres://…, or the server
 * binaries from Debian's `postgresql` package (a throw-away cluster is started and stopped).
 * Standalone: `npx tsx bench/databases.bench.ts` prints JSON. (bench/completion.bench.ts measures
 * SQLite with one process and with several on one port.)
 */
import { createHash, randomBytes } from 'node:crypto';
import { ensureBuild } from './completion.bench.ts';
import { benchPostgres } from './lib/postgres.ts';
import { pathToFileURL } from 'node:url';
import { startServer, type RunningServer } from '../tests/support/server.ts';
import { parse } from 'devalue';
import type { Db } from '../src/lib/server/db/index.ts';
import { agreement } from '../src/lib/server/account/privacy.ts';

export interface DbLoadFigures {
	perSecond: number;
	p50Ms: number;
	p99Ms: number;
	requests: number;
}
export interface CompletionSetup {
	name: string;
	completion: DbLoadFigures;
	trivial: DbLoadFigures;
	/** completions per second ÷ trivial pages per second, on the same servers. */
	ratio: number;
}
export type DatabasesBench = { setups: CompletionSetup[]; clients: number; completionsPerSetup: number } | { skipped: string };

const CLIENTS = 8;
const COMPLETIONS = 240;
const WARM_UP = 24;

const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'];
/** A different answer pattern per completion (values 1–5), so scoring does real work. */
function answersFor(n: number): string {
	const a: Record<string, number> = {};
	TYPES.forEach((t, k) => {
		for (let i = 1; i <= 8; i++) a[`${t}${i}`] = 1 + ((n + k * 3 + i) % 5);
	});
	return JSON.stringify(a);
}

const quantile = (xs: number[], q: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Clients written straight into the database, agreed to the privacy notice, each with a session cookie (registration is not what is measured). */
async function seedClients(db: Db, n: number): Promise<string[]> {
	const cookies: string[] = [];
	const now = new Date();
	for (let i = 0; i < n; i++) {
		const id = crypto.randomUUID();
		await db
			.insertInto('user')
			.values({ id, email: `bench-${id}@example.org`, password_hash: 'x', role: 'client', display_name: null, locale: 'en', created_at: now.toISOString(), ...agreement(now) })
			.execute();
		const token = randomBytes(20).toString('hex');
		await db
			.insertInto('session')
			.values({ id: createHash('sha256').update(token).digest('hex'), user_id: id, expires_at: new Date(now.getTime() + 86_400_000).toISOString() })
			.execute();
		cookies.push(`spejl_session=${token}`);
	}
	return cookies;
}

async function postAction(base: string, cookie: string, path: string, fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const res = await fetch(`${base}${path}`, {
		method: 'POST',
		headers: { origin: base, cookie, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body,
		redirect: 'manual'
	});
	const json = (await res.json()) as { type: string; data?: string };
	if (json.type !== 'success') throw new Error(`${path}: ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
	return json;
}

/** Runs `total` jobs on `clients` concurrent workers; returns the latencies and the wall time. */
async function load(total: number, job: (n: number, worker: number) => Promise<number>) {
	const latencies: number[] = [];
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CLIENTS }, async (_, w) => {
			while (next < total) latencies.push(await job(next++, w));
		})
	);
	return { latencies, seconds: (performance.now() - started) / 1000 };
}

const figures = (r: { latencies: number[]; seconds: number }): DbLoadFigures => ({
	perSecond: r.latencies.length / r.seconds,
	p50Ms: quantile(r.latencies, 0.5),
	p99Ms: quantile(r.latencies, 0.99),
	requests: r.latencies.length
});

async function measure(name: string, servers: RunningServer[]): Promise<CompletionSetup> {
	const cookies = await seedClients(servers[0].db(), CLIENTS);
	let turn = 0;
	const base = () => servers[turn++ % servers.length].url; // alternate servers request by request
	// One completion: start a response (save), then complete it; the time is that of the whole pair.
	const complete = async (n: number, w: number) => {
		const t0 = performance.now();
		const saved = await postAction(base(), cookies[w], '/q/riasec-48?/save', { answers: '{}', page: '0' });
		const responseId = (parse(saved.data!) as { responseId: string }).responseId;
		await postAction(base(), cookies[w], '/q/riasec-48?/complete', { answers: answersFor(n), responseId });
		return performance.now() - t0;
	};
	const trivial = async () => {
		const t0 = performance.now();
		const res = await fetch(`${base()}/login`);
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`/login: ${res.status}`);
		return performance.now() - t0;
	};
	await load(WARM_UP, complete);
	await load(WARM_UP, trivial);
	const c = figures(await load(COMPLETIONS, complete));
	const t = figures(await load(COMPLETIONS * 4, trivial));
	return { name, completion: c, trivial: t, ratio: c.perSecond / t.perSecond };
}

export async function benchDatabases(): Promise<DatabasesBench> {
	ensureBuild(); // BUILD_DIR or build, built first when missing (startServer runs that folder)
	const cluster = benchPostgres();
	if ('skipped' in cluster) return { skipped: cluster.skipped };
	const pgUrl = cluster.url;
	const started: RunningServer[] = [];
	try {
		// SQLite: the same helper, told to use a file rather than the PostgreSQL test database.
		delete process.env.TEST_DATABASE_URL;
		const sqlite = await startServer();
		started.push(sqlite);
		process.env.TEST_DATABASE_URL = pgUrl;
		const pg1 = await startServer();
		started.push(pg1);
		const pg2 = await startServer({}, { database: pg1.dbTarget });
		started.unshift(pg2); // stopped before the server that owns the database
		const setups = [await measure('SQLite, one app server', [sqlite]), await measure('PostgreSQL, two app servers', [pg1, pg2])];
		return { setups, clients: CLIENTS, completionsPerSetup: COMPLETIONS };
	} finally {
		for (const s of started) await s.stop();
		cluster.stop();
	}
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) console.log(JSON.stringify(await benchDatabases(), null, 2));

