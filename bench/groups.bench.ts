/**
 * A municipality's campaign: the counsellor's page of a group of 10,000 members, on the built app,
 * SQLite and PostgreSQL. Every member has a completed riasec-48 (its real scored result, answers
 * drawn at random), every third a completed work-values, and three starred occupations of 40; 200
 * members share their profile with the counsellor. The counsellor opens the group page (GET
 * /counsellor/groups/<id>: progress, sharing members, the protected aggregate) again and again, one
 * request at a time; next to it the same server's trivial page (GET /login) in the same run.
 * Target: p99 under 200 ms on both databases.
 *
 * Needs a build and PostgreSQL (TEST_DATABASE_URL=postgres://…, or a throw-away cluster as
 * databases.bench.ts starts). Standalone: `npx tsx bench/groups.bench.ts` prints JSON.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ensureBuild } from './completion.bench.ts';
import { benchPostgres } from './lib/postgres.ts';
import { cpuSecondsOf, startServer, type RunningServer } from '../tests/support/server.ts';
import type { Db } from '../src/lib/server/db/index.ts';
import { agreement } from '../src/lib/server/account/privacy.ts';
import { scoreResponse } from '../src/lib/core/scoring/score.ts';
import type { Questionnaire } from '../src/lib/core/questionnaire/types.ts';

export const MEMBERS = 10_000;
const SHARING = 200;
const REQUESTS = 100;
const WARM_UP = 10;

export interface GroupPageFigures {
	name: string;
	p50Ms: number;
	p99Ms: number;
	requests: number;
	trivialP50Ms: number;
	trivialP99Ms: number;
	/** The app server's own CPU time per group page (PostgreSQL's own work not included). */
	cpuMsPerPage: number;
	seedSeconds: number;
}
export type GroupsBench = { members: number; sharing: number; setups: GroupPageFigures[] } | { skipped: string };

const quantile = (xs: number[], q: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Small deterministic generator, so both databases get the same members. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const load = (id: string) => JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8')) as Questionnaire;

/** The counsellor, the group and its members written straight into the database; the counsellor's session cookie. */
export async function seed(db: Db): Promise<{ cookie: string; groupId: string }> {
	const rnd = random(2027);
	const riasec = load('riasec-48');
	const values = load('work-values');
	const valueIds = ((values.survey as { pages: { elements: { name: string; choices: { value: string }[] }[] }[] }).pages[0].elements[0].choices).map((c) => c.value);
	const versionOf = async (id: string) =>
		(await db.selectFrom('instrument_version').select('id').where('instrument_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
	const riasecVersion = await versionOf('riasec-48');
	const valuesVersion = await versionOf('work-values');
	const now = new Date();
	const at = now.toISOString();
	const counsellorId = crypto.randomUUID();
	await db.insertInto('user').values({ id: counsellorId, email: `bench-counsellor-${counsellorId}@example.org`, password_hash: 'x', role: 'counsellor', display_name: 'Bench', locale: 'en', created_at: at, ...agreement(now) }).execute();
	const token = randomBytes(20).toString('hex');
	await db.insertInto('session').values({ id: createHash('sha256').update(token).digest('hex'), user_id: counsellorId, expires_at: new Date(now.getTime() + 86_400_000).toISOString() }).execute();
	const groupId = crypto.randomUUID();
	await db
		.insertInto('counsellor_group')
		.values({ id: groupId, counsellor_id: counsellorId, name: 'Campaign', code: 'BEN-CH22', instruments: JSON.stringify(['riasec-48', 'work-values']), ends_at: new Date(now.getTime() + 30 * 86_400_000).toISOString(), created_at: at, closed_at: null })
		.execute();
	for (let start = 0; start < MEMBERS; start += 500) {
		const members = Array.from({ length: Math.min(500, MEMBERS - start) }, (_, k) => ({ n: start + k, id: crypto.randomUUID() }));
		await db.transaction().execute(async (trx) => {
			await trx.insertInto('user').values(members.map((m) => ({ id: m.id, email: null, password_hash: null, role: 'client' as const, display_name: null, locale: 'da', created_at: at, ...agreement(now) }))).execute();
			await trx.insertInto('group_member').values(members.map((m) => ({ group_id: groupId, user_id: m.id, joined_at: at }))).execute();
			const sharing = members.filter((m) => m.n < SHARING);
			if (sharing.length) await trx.insertInto('share').values(sharing.map((m) => ({ client_id: m.id, counsellor_id: counsellorId, granted_at: at, revoked_at: null }))).execute();
			await trx
				.insertInto('response')
				.values(
					members.map((m) => {
						const answers = Object.fromEntries([...'RIASEC'].flatMap((l) => Array.from({ length: 8 }, (_, i) => [`${l}${i + 1}`, 1 + Math.floor(rnd() * 5)])));
						const done = new Date(now.getTime() - (MEMBERS - m.n) * 1000).toISOString();
						return { id: crypto.randomUUID(), user_id: m.id, instrument_id: 'riasec-48', instrument_version_id: riasecVersion, status: 'completed' as const, answers: JSON.stringify(answers), current_page: 7, result: JSON.stringify(scoreResponse(riasec, answers)), started_at: done, updated_at: done, completed_at: done };
					})
				)
				.execute();
			const third = members.filter((m) => m.n % 3 === 0);
			await trx
				.insertInto('response')
				.values(
					third.map((m) => {
						const ranked = [...valueIds].sort(() => rnd() - 0.5);
						const answers = { values_rank: ranked, SE1: 3, SE2: 3, SE3: 3, SE4: 3 };
						return { id: crypto.randomUUID(), user_id: m.id, instrument_id: 'work-values', instrument_version_id: valuesVersion, status: 'completed' as const, answers: JSON.stringify(answers), current_page: 1, result: JSON.stringify(scoreResponse(values, answers)), started_at: at, updated_at: at, completed_at: at };
					})
				)
				.execute();
			await trx
				.insertInto('shortlist_item')
				.values(
					members.flatMap((m) => {
						const picks = new Set<number>();
						while (picks.size < 3) picks.add(Math.floor(40 * rnd() ** 2));
						return [...picks].map((p) => ({ user_id: m.id, set_id: 'onet-29-3', opportunity_id: `occ-${p}`, title: `Occupation ${p}`, added_at: at }));
					})
				)
				.execute();
		});
	}
	return { cookie: `spejl_session=${token}`, groupId };
}

async function timed(url: string, cookie: string, expect: (body: string) => boolean): Promise<number> {
	const t0 = performance.now();
	const res = await fetch(url, { headers: { cookie } });
	const body = await res.text();
	const ms = performance.now() - t0;
	if (res.status !== 200 || !expect(body)) throw new Error(`${url}: ${res.status}`);
	return ms;
}

async function measure(name: string, server: RunningServer): Promise<GroupPageFigures> {
	const t0 = performance.now();
	const { cookie, groupId } = await seed(server.db());
	const seedSeconds = (performance.now() - t0) / 1000;
	console.error(`[groups] ${name}: ${MEMBERS} members seeded in ${seedSeconds.toFixed(0)} s`);
	const page = `${server.url}/counsellor/groups/${groupId}`;
	const isPage = (body: string) => body.includes('10000 members') && body.includes('Holland code');
	for (let i = 0; i < WARM_UP; i++) await timed(page, cookie, isPage);
	const pageMs: number[] = [];
	const trivialMs: number[] = [];
	const cpu0 = cpuSecondsOf(server.pid);
	for (let i = 0; i < REQUESTS; i++) pageMs.push(await timed(page, cookie, isPage));
	const cpuMsPerPage = ((cpuSecondsOf(server.pid) - cpu0) * 1000) / REQUESTS;
	for (let i = 0; i < REQUESTS; i++) trivialMs.push(await timed(`${server.url}/login`, '', () => true));
	console.error(`[groups] ${name}: group page p50 ${quantile(pageMs, 0.5).toFixed(1)} ms, p99 ${quantile(pageMs, 0.99).toFixed(1)} ms, app CPU ${cpuMsPerPage.toFixed(1)} ms/page; /login p99 ${quantile(trivialMs, 0.99).toFixed(1)} ms`);
	return {
		name,
		p50Ms: quantile(pageMs, 0.5),
		p99Ms: quantile(pageMs, 0.99),
		requests: REQUESTS,
		trivialP50Ms: quantile(trivialMs, 0.5),
		trivialP99Ms: quantile(trivialMs, 0.99),
		cpuMsPerPage,
		seedSeconds
	};
}

export async function benchGroups(): Promise<GroupsBench> {
	ensureBuild();
	const cluster = benchPostgres();
	if ('skipped' in cluster) return { skipped: cluster.skipped };
	const pgUrl = cluster.url;
	const setups: GroupPageFigures[] = [];
	try {
		delete process.env.TEST_DATABASE_URL;
		const sqlite = await startServer();
		try {
			setups.push(await measure('SQLite', sqlite));
		} finally {
			await sqlite.stop();
		}
		process.env.TEST_DATABASE_URL = pgUrl;
		const pg = await startServer();
		try {
			setups.push(await measure('PostgreSQL', pg));
		} finally {
			await pg.stop();
		}
		return { members: MEMBERS, sharing: SHARING, setups };
	} finally {
		process.env.TEST_DATABASE_URL = pgUrl;
		cluster.stop();
	}
}

/** The section of bench/RESULTS.md. */
export function groupsSection(g: GroupsBench): string[] {
	const head = ['## A group of 10,000 members: the counsellor’s group page (the built app)', ''];
	if ('skipped' in g) return [...head, `Skipped: ${g.skipped}.`];
	const f = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
	return [
		...head,
		`${g.members.toLocaleString('en-GB')} members, each with a completed riasec-48 (real scored results of random answers), every third with a completed work-values, 3 starred occupations each (of 40); ${g.sharing} share their profile with the counsellor. GET /counsellor/groups/<id> (progress, the sharing members, the protected aggregate), one request at a time, ${REQUESTS} times after ${WARM_UP} warm-up requests; then the same server's GET /login as many times. App CPU is the app server's own CPU time per group page (PostgreSQL's work is in its own processes). Target: p99 under 200 ms on both databases.`,
		'',
		'| database | group page p50 | **group page p99** | app CPU per page | /login p50 | /login p99 | requests |',
		'|---|---|---|---|---|---|---|',
		...g.setups.map((s) => `| ${s.name} | ${f(s.p50Ms)} ms | **${f(s.p99Ms)} ms** | ${f(s.cpuMsPerPage)} ms | ${f(s.trivialP50Ms)} ms | ${f(s.trivialP99Ms)} ms | ${s.requests} |`)
	];
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) console.log(JSON.stringify(await benchGroups(), null, 2));
