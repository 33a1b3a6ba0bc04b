// Completing from the SurveyJS page: POST /q/[id]/complete with a JSON body, against the real built
// server and its database. The same rules as the form action (tests/http/answers.test.ts): only valid
// answers of one's own response are stored, a refusal says why and changes nothing.
import { openDb } from '../support/db';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const db = () => openDb(dbPath);

interface Row {
	id: string;
	status: string;
	answers: string;
	result: string | null;
	instrument_version_id: number;
	started_at: string;
	completed_at: string | null;
}
const responsesOf = (userId: string): Promise<Row[]> =>
	db().selectFrom('response').selectAll().where('user_id', '=', userId).orderBy('started_at').execute();

class Client {
	cookies = new Map<string, string>();
	userId = '';

	async request(path: string, init: RequestInit = {}, origin: string | null = base): Promise<Response> {
		const headers = new Headers(init.headers);
		if (origin) headers.set('origin', origin);
		if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		const res = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const eq = pair.indexOf('=');
			this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
		}
		return res;
	}

	async register() {
		const email = `json-${crypto.randomUUID()}@example.org`;
		const res = await this.request('/register', {
			method: 'POST',
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email, password: 'correct horse battery', name: 'Json Client', privacy: 'agree' })
		});
		expect(res.status).toBe(303);
		this.userId = (await db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
		return this;
	}

	/** What SurveyForm.svelte sends. */
	async complete(body: unknown, options: { id?: string; type?: string; origin?: string | null } = {}) {
		const res = await this.request(
			`/q/${options.id ?? 'riasec-48'}/complete`,
			{
				method: 'POST',
				headers: { 'content-type': options.type ?? 'application/json', accept: 'application/json' },
				body: typeof body === 'string' ? body : JSON.stringify(body)
			},
			options.origin === undefined ? base : options.origin
		);
		const text = await res.text();
		return { status: res.status, type: res.headers.get('content-type'), text, json: JSON.parse(text) as Record<string, unknown> };
	}

	async save(answers: unknown) {
		const form = new FormData();
		form.set('answers', JSON.stringify(answers));
		form.set('page', '0');
		const res = await this.request('/q/riasec-48?/save', { method: 'POST', headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }, body: form });
		expect(res.status).toBe(200);
		const [{ id }] = (await responsesOf(this.userId)).filter((r) => r.status === 'in_progress');
		return id;
	}
}

const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'];
/** R1..R8 = 5, I = 4, A = 3, the rest 2: scale means 5, 4, 3, 2, 2, 2 and the Holland code RIA. */
const ANSWERS: Record<string, number> = Object.fromEntries(
	TYPES.flatMap((t) => [1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`${t}${i}`, { R: 5, I: 4, A: 3 }[t] ?? 2]))
);
const scoresOf = (row: Row) =>
	Object.fromEntries((JSON.parse(row.result!) as { scales: { id: string; score: number }[] }).scales.map((s) => [s.id, s.score]));

describe('POST /q/[id]/complete (JSON)', () => {
	it('without a response id: starts and completes one response in one request, scored', async () => {
		const client = await new Client().register();
		const r = await client.complete({ answers: ANSWERS });
		expect(r.status).toBe(200);
		expect(r.type).toContain('application/json');
		expect(r.json).toEqual({ responseId: expect.any(String), completed: true, repeated: false });
		const rows = await responsesOf(client.userId);
		expect(rows).toHaveLength(1);
		const [row] = rows;
		expect(row).toMatchObject({ id: r.json.responseId, status: 'completed' });
		expect(JSON.parse(row.answers)).toEqual(ANSWERS);
		expect(row.started_at).toBe(row.completed_at);
		expect(scoresOf(row)).toEqual({ realistic: 5, investigative: 4, artistic: 3, social: 2, enterprising: 2, conventional: 2 });
		expect(JSON.parse(row.result!).codes.holland).toEqual({ code: 'RIA', ties: [] });
		// The same request again is a new attempt (the page sends the id it was given from then on).
		const again = await client.complete({ answers: ANSWERS, responseId: r.json.responseId });
		expect(again).toMatchObject({ status: 200, json: { responseId: r.json.responseId, completed: true, repeated: true } });
		expect(await responsesOf(client.userId)).toEqual(rows);
	});

	it('with the id of a saved response: completes that one; different answers afterwards are refused with 409', async () => {
		const client = await new Client().register();
		const responseId = await client.save({ R1: 3 });
		const r = await client.complete({ answers: ANSWERS, responseId });
		expect(r).toMatchObject({ status: 200, json: { responseId, completed: true, repeated: false } });
		const [row] = await responsesOf(client.userId);
		expect(row).toMatchObject({ id: responseId, status: 'completed' });
		expect(scoresOf(row).realistic).toBe(5);
		const different = await client.complete({ answers: { ...ANSWERS, R1: 1 }, responseId });
		expect(different.status).toBe(409);
		expect(different.json.message).toBe('This questionnaire was already completed with other answers. Start it again to take it a second time.');
		expect(await responsesOf(client.userId)).toEqual([row]);
	});

	it('without an id while a response is open: completes the open one, not a second', async () => {
		const client = await new Client().register();
		const open = await client.save({ R1: 3 });
		const r = await client.complete({ answers: ANSWERS });
		expect(r).toMatchObject({ status: 200, json: { responseId: open, completed: true, repeated: false } });
		expect((await responsesOf(client.userId)).map((row) => [row.id, row.status])).toEqual([[open, 'completed']]);
	});

	it('refuses what it cannot use, says why, and stores nothing', async () => {
		const client = await new Client().register();
		const open = await client.save({ R1: 3 });
		const before = await responsesOf(client.userId);
		const cases: [string, Promise<{ status: number; json: Record<string, unknown> }>, number, string | RegExp][] = [
			['an answer out of range', client.complete({ answers: { ...ANSWERS, R1: 9 } }), 400, /^Some answers were not accepted:\n/],
			['too few answers for a score', client.complete({ answers: { R1: 3 } }), 400, /Realistic: 1 of 8 questions answered, at least 6 are needed/],
			['a form post', client.complete(new URLSearchParams({ answers: JSON.stringify(ANSWERS) }).toString(), { type: 'application/x-www-form-urlencoded' }), 415, /application\/json/],
			['text that is not JSON', client.complete('{"answers":', {}), 400, /not valid JSON/],
			['answers that are not an object', client.complete({ answers: JSON.stringify(ANSWERS) }), 400, /"answers" must be an object/],
			['a response id that is not text', client.complete({ answers: ANSWERS, responseId: 7 }), 400, /"responseId" must be a string/],
			['a control character in an answer', client.complete({ answers: { ...ANSWERS, R1: 'x\u0000' } }), 400, /answers\.R1 contains a control character/],
			['another person’s or no such response', client.complete({ answers: ANSWERS, responseId: crypto.randomUUID() }), 404, /not open for you any more/],
			['an unknown questionnaire', client.complete({ answers: ANSWERS }, { id: 'no-such-thing' }), 404, /no questionnaire called “no-such-thing”/],
			['another site', client.complete({ answers: ANSWERS }, { origin: 'https://evil.example' }), 403, /Cross-site/]
		];
		for (const [what, reply, status, message] of cases) {
			const r = await reply;
			expect(r.status, what).toBe(status);
			expect(String(r.json.message ?? (r.json.error as { message?: string } | undefined)?.message), what).toMatch(message);
		}
		expect(await responsesOf(client.userId)).toEqual(before);
		expect(before.map((r) => [r.id, r.status])).toEqual([[open, 'in_progress']]);
	});

	it('not signed in: 401 with a message in the reader’s language', async () => {
		const en = await new Client().complete({ answers: ANSWERS });
		expect(en.status).toBe(401);
		expect(en.json.message).toMatch(/^You are no longer signed in/);
		const da = new Client();
		da.cookies.set('lang', 'da');
		const r = await da.complete({ answers: ANSWERS });
		expect(r.status).toBe(401);
		expect(r.json.message).toMatch(/^Du er ikke længere logget ind/);
	});
});
