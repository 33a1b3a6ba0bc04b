// The profile export (docs/profile-export.md) and the API for matching services over HTTP against the real built
// server and its SQLite file: the JSON validates against the published schema, the CSV has a row per
// scale, API tokens work until revoked and every read lands in the client's access log.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { openDb } from '../support/db';
import { parse } from 'devalue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/lib/core/csv/parse.ts';
import { startServer } from '../support/server';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const schema = JSON.parse(readFileSync(resolve(__dirname, '../../static/schema/profile-v1.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const db = () => openDb(dbPath);

interface AuditRow { actor_id: string | null; action: string; subject_id: string | null; detail: string | null }
const auditOf = (subjectId: string, action: string): Promise<AuditRow[]> =>
	db()
		.selectFrom('audit_event')
		.select(['actor_id', 'action', 'subject_id', 'detail'])
		.where('subject_id', '=', subjectId)
		.where('action', '=', action)
		.orderBy('id')
		.execute();
const tokenRow = (name: string, userId: string) =>
	db().selectFrom('api_token').selectAll().where('name', '=', name).where('user_id', '=', userId).executeTakeFirst();

/** A browser stand-in: fetch with a cookie jar and this site's Origin. */
class Client {
	cookies = new Map<string, string>();
	userId = '';

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set('origin', base);
		if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		const res = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const eq = pair.indexOf('=');
			const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
			if (value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return res;
	}

	async register(email = `export-${crypto.randomUUID()}@example.org`) {
		const res = await this.request('/register', {
			method: 'POST',
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email, password: 'correct horse battery', privacy: 'agree' })
		});
		expect(res.status).toBe(303);
		this.userId = (await db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
		return this;
	}

	/** A form action as `use:enhance` posts it; returns the action result. */
	async action(path: string, fields: Record<string, string>) {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.set(k, v);
		const res = await this.request(path, { method: 'POST', headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }, body: form });
		const json = await res.json();
		return { type: json.type as string, status: json.status as number, data: typeof json.data === 'string' ? (parse(json.data) as Record<string, unknown>) : undefined };
	}

	async completeInstrument(id: string, answers: Record<string, unknown>) {
		const started = await this.action(`/q/${id}?/save`, { answers: '{}', page: '0' });
		const responseId = started.data!.responseId as string;
		const done = await this.action(`/q/${id}?/complete`, { answers: JSON.stringify(answers), responseId });
		expect(done).toMatchObject({ type: 'success', data: { completed: true } });
	}
}

const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'];
// Scale means R 1, I 2, A 4, S 5, E 3, C 2 (every item of a type answered the same).
const MEANS = [1, 2, 4, 5, 3, 2];
const riasecAnswers = Object.fromEntries(TYPES.flatMap((t, k) => Array.from({ length: 8 }, (_, i) => [`${t}${i + 1}`, MEANS[k]])));
const bigFiveAnswers = Object.fromEntries(['EXT', 'AGR', 'CSN', 'EST', 'OPN'].flatMap((p) => Array.from({ length: 10 }, (_, i) => [`${p}${i + 1}`, 4])));

let client: Client;
let exported: Record<string, unknown> & { subject: { id: string }; results: { instrument: string; scales: unknown[] }[]; matches: unknown[]; dimensions: Record<string, { score: number }> };
beforeAll(async () => {
	client = await new Client().register();
	await client.completeInstrument('riasec-48', riasecAnswers);
	await client.completeInstrument('big-five-ipip-50', bigFiveAnswers);
});

describe('GET /profile/export.json', () => {
	it('downloads the export of the signed-in client, valid against the published schema', async () => {
		const res = await client.request('/profile/export.json');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="spejl-profile-\d{4}-\d{2}-\d{2}\.json"$/);
		expect(res.headers.get('cache-control')).toContain('no-store');
		exported = await res.json();
		expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
		expect(exported.subject).toEqual({ id: client.userId, locale: 'en' });
		expect(exported.results.map((r) => r.instrument).sort()).toEqual(['big-five-ipip-50', 'riasec-48']);
		TYPES.forEach((t, k) => expect(exported.dimensions[`riasec.${t}`].score).toBe(MEANS[k]));
		expect(exported.codes).toEqual({ holland: 'SAE' });
		expect(exported.matches).toHaveLength(10);
		expect((exported.matchSource as { attribution: string[] }).attribution[0]).toContain('O*NET 29.3 Database');
	});

	it('sends an anonymous visitor to sign in', async () => {
		const res = await new Client().request('/profile/export.json');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Fprofile%2Fexport.json');
	});

	it('serves the schema at /schema/profile-v1.json', async () => {
		const res = await fetch(`${base}/schema/profile-v1.json`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(await res.json()).toEqual(schema);
	});

	it('exports an empty profile that is still valid', async () => {
		const fresh = await new Client().register();
		const doc = await (await fresh.request('/profile/export.json')).json();
		expect(validate(doc)).toBe(true);
		expect(doc).toMatchObject({ results: [], matches: [], dimensions: {}, codes: {} });
	});
});

describe('GET /profile/export.csv', () => {
	it('has one row per scale result with the numbers of the JSON export', async () => {
		const res = await client.request('/profile/export.csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="spejl-profile-.*\.csv"$/);
		const { header, rows } = parseCsv(await res.text());
		expect(header).toEqual(['instrument', 'version', 'completedAt', 'scale', 'score', 'answered', 'z', 't', 'percentile', 'sten', 'band', 'ci90_low', 'ci90_high']);
		expect(rows).toHaveLength(6 + 5);
		const cell = (instrument: string, scale: string, column: string) =>
			rows.find((r) => r.cells[0] === instrument && r.cells[3] === scale)!.cells[header.indexOf(column)];
		expect(cell('riasec-48', 'social', 'score')).toBe('5');
		expect(cell('riasec-48', 'social', 'answered')).toBe('8');
		// RIASEC-48 norm for S: mean 3.101, SD 0.916 → z = (5 − 3.101) / 0.916
		expect(Number(cell('riasec-48', 'social', 'z'))).toBeCloseTo(2.0731441048034935, 12);
		expect(cell('riasec-48', 'social', 'band')).toBe('More interest than most');
		const ext = exported.results.find((r) => r.instrument === 'big-five-ipip-50')!.scales.find((s) => (s as { id: string }).id === 'extraversion') as {
			score: number; percentile: number; sten: number; ci90: { score: { low: number; high: number } };
		};
		expect(Number(cell('big-five-ipip-50', 'extraversion', 'score'))).toBe(ext.score);
		expect(Number(cell('big-five-ipip-50', 'extraversion', 'percentile'))).toBe(ext.percentile);
		expect(Number(cell('big-five-ipip-50', 'extraversion', 'sten'))).toBe(ext.sten);
		expect(Number(cell('big-five-ipip-50', 'extraversion', 'ci90_low'))).toBe(ext.ci90.score.low);
		expect(Number(cell('big-five-ipip-50', 'extraversion', 'ci90_high'))).toBe(ext.ci90.score.high);
	});
});

describe('API tokens and GET /api/v1/profile', () => {
	const api = (authorization?: string) => fetch(`${base}/api/v1/profile`, { headers: authorization ? { authorization } : {} });

	async function expect401(res: Response, error: string) {
		expect(res.status).toBe(401);
		expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="spejl"/);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect((await res.json()).error).toBe(error);
	}

	it('a good token returns the export, updates last used and writes an audit row; revoked → 401', async () => {
		const name = `Job portal ${Date.now()}`;
		const created = await client.action('/account/tokens?/create', { name, password: 'correct horse battery' });
		expect(created).toMatchObject({ type: 'success', data: { created: { name } } });
		const token = (created.data!.created as { token: string }).token;
		expect(token).toMatch(/^spejl_[a-z2-7]{32}$/);
		const row = (await tokenRow(name, client.userId))!;
		expect(row.id).toBe(createHash('sha256').update(token).digest('hex'));
		expect(row.last_used_at).toBeNull();
		// The page lists it by name but never shows the token again.
		const page = await (await client.request('/account/tokens')).text();
		expect(page).toContain(name);
		expect(page).not.toContain(token);

		const res = await api(`Bearer ${token}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const doc = await res.json();
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		expect({ ...doc, generatedAt: 'x' }).toEqual({ ...exported, generatedAt: 'x' });
		expect(await auditOf(client.userId, 'profile.api.read')).toEqual([{ actor_id: null, action: 'profile.api.read', subject_id: client.userId, detail: name }]);
		expect((await tokenRow(name, client.userId))!.last_used_at).not.toBeNull();

		const revoked = await client.action('/account/tokens?/revoke', { id: row.id });
		expect(revoked).toMatchObject({ type: 'success', data: { revoked: name } });
		expect((await tokenRow(name, client.userId))!.revoked_at).not.toBeNull();
		await expect401(await api(`Bearer ${token}`), 'invalid_token');
		expect(await auditOf(client.userId, 'profile.api.read')).toHaveLength(1);
		expect((await auditOf(client.userId, 'api.token.revoked')).map((e) => e.detail)).toEqual([name]);
	});

	it('an unknown token → 401 invalid_token', async () => {
		await expect401(await api(`Bearer spejl_${randomBytes(20).toString('hex')}`), 'invalid_token');
	});

	it('no Authorization header, another scheme, or only a session cookie → 401', async () => {
		await expect401(await api(), 'unauthorized');
		await expect401(await api('Basic dXNlcjpwYXNz'), 'unauthorized');
		await expect401(await client.request('/api/v1/profile'), 'unauthorized');
	});

	it('refuses a token without a name, and revoking someone else\'s token', async () => {
		const empty = await client.action('/account/tokens?/create', { name: '  ', password: 'correct horse battery' });
		expect(empty).toMatchObject({ type: 'failure', status: 400, data: { createError: { code: 'matching.tokens.error.name-empty', field: 'name' } } });
		const created = await client.action('/account/tokens?/create', { name: 'Mine', password: 'correct horse battery' });
		const id = (await tokenRow('Mine', client.userId))!.id;
		const mallory = await new Client().register();
		expect(await mallory.action('/account/tokens?/revoke', { id })).toMatchObject({ type: 'failure', status: 404 });
		expect((await tokenRow('Mine', client.userId))!.revoked_at).toBeNull();
		const token = (created.data!.created as { token: string }).token;
		expect((await api(`Bearer ${token}`)).status).toBe(200);
	});

	it('sends an anonymous visitor of /account/tokens to sign in', async () => {
		const res = await new Client().request('/account/tokens');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Faccount%2Ftokens');
	});
});

describe('counsellor export of a client who shares', () => {
	/** A counsellor with a session, made directly in the database (accounts are another page's concern). */
	async function counsellorSession(): Promise<{ id: string; cookie: string }> {
		const id = crypto.randomUUID();
		await db()
			.insertInto('user')
			.values({ id, email: `counsellor-${id}@example.org`, password_hash: 'x', role: 'counsellor', display_name: null, locale: 'en', created_at: new Date().toISOString() })
			.execute();
		const token = randomBytes(20).toString('hex');
		await db()
			.insertInto('session')
			.values({ id: createHash('sha256').update(token).digest('hex'), user_id: id, expires_at: new Date(Date.now() + 86400000).toISOString() })
			.execute();
		return { id, cookie: `spejl_session=${token}` };
	}

	it('is refused without a share, served with one, and logged for the client', async () => {
		const c = await counsellorSession();
		const get = (kind: string) => fetch(`${base}/counsellor/clients/${client.userId}/export.${kind}`, { headers: { cookie: c.cookie }, redirect: 'manual' });
		expect((await get('json')).status).toBe(403);
		expect((await client.request(`/counsellor/clients/${client.userId}/export.json`)).status).toBe(403); // a client is not a counsellor
		await db().insertInto('share').values({ client_id: client.userId, counsellor_id: c.id, granted_at: new Date().toISOString(), revoked_at: null }).execute();
		const json = await get('json');
		expect(json.status).toBe(200);
		expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="spejl-client-/);
		const doc = await json.json();
		expect(validate(doc)).toBe(true);
		expect(doc.subject.id).toBe(client.userId);
		const csv = await get('csv');
		expect(csv.status).toBe(200);
		expect(parseCsv(await csv.text()).rows).toHaveLength(11);
		expect(await auditOf(client.userId, 'client.export.downloaded')).toEqual([
			{ actor_id: c.id, action: 'client.export.downloaded', subject_id: client.userId, detail: 'json' },
			{ actor_id: c.id, action: 'client.export.downloaded', subject_id: client.userId, detail: 'csv' }
		]);
		await db()
			.updateTable('share')
			.set({ revoked_at: new Date().toISOString() })
			.where('client_id', '=', client.userId)
			.where('counsellor_id', '=', c.id)
			.execute();
		expect((await get('json')).status).toBe(403);
	});
});

describe('opportunity sets at start', () => {
	it('refuses a broken set alone, logging its rows and columns, and still serves the others', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'spejl-opp-'));
		const shipped = resolve(__dirname, '../../opportunities');
		for (const f of ['onet-29-3.csv', 'onet-29-3.json']) copyFileSync(join(shipped, f), join(dir, f));
		writeFileSync(join(dir, 'broken.csv'), 'id,title,R,I,A,S,E,C\na,A,1,2,3,4,5,6\nb,B,1,x,3,4,5,6\n');
		writeFileSync(join(dir, 'broken.json'), JSON.stringify({ title: 'Broken', kind: 'job', licence: 'MIT', scale: [1, 7] }));
		const server = await startServer({ OPPORTUNITIES_DIR: dir });
		try {
			expect(server.output()).toContain('[opportunities] refused broken.csv line 3, column I: I "x" is not a number');
			expect(server.output()).toContain('1 opportunity sets loaded, 1 refused');
			const email = `opp-${crypto.randomUUID()}@example.org`;
			const reg = await fetch(`${server.url}/register`, {
				method: 'POST',
				headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email, password: 'correct horse battery', privacy: 'agree' }),
				redirect: 'manual'
			});
			expect(reg.status).toBe(303);
			const cookie = reg.headers.getSetCookie()[0].split(';')[0];
			const page = await fetch(`${server.url}/matches`, { headers: { cookie } });
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('Take the interests test');
		} finally {
			await server.stop();
		}
	});
});
