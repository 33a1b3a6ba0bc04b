// Saving and completing answers over HTTP against the real built server (`node build`) and its real
// database: whatever a client sends, only valid answers of their own responses are ever stored.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDb } from '../support/db';
import { parse } from 'devalue';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

interface ResponseRow {
	id: string;
	user_id: string;
	status: string;
	answers: string;
	current_page: number;
	result: string | null;
	updated_at: string;
}
const db = () => openDb(dbPath);
const responsesOf = (userId: string): Promise<ResponseRow[]> =>
	db().selectFrom('response').selectAll().where('user_id', '=', userId).orderBy('started_at').execute();
const responseRow = (id: string): Promise<ResponseRow | undefined> =>
	db().selectFrom('response').selectAll().where('id', '=', id).executeTakeFirst();
/** The scale scores as stored: the scales of the result JSON on the response row, by scale id. */
const scaleScores = async (id: string) => {
	const stored = (await responseRow(id))?.result;
	if (!stored) return [];
	const scales = (JSON.parse(stored) as { scales: { id: string; score: number | null; answered: number }[] }).scales;
	return scales.map((s) => ({ scale_id: s.id, score: s.score, answered: s.answered })).sort((a, b) => (a.scale_id < b.scale_id ? -1 : 1));
};
const countAll = async (table: 'response') =>
	Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** A SvelteKit action result as sent to `use:enhance` (`x-sveltekit-action`). */
interface ActionResult {
	httpStatus: number;
	raw: string;
	type?: 'success' | 'failure' | 'redirect' | 'error';
	status?: number;
	location?: string;
	data?: Record<string, unknown>;
}

/** A browser stand-in: fetch with a cookie jar, sending this site's Origin like a browser would. */
class Client {
	cookies = new Map<string, string>();
	userId = '';
	constructor(public origin = base) {}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.origin) headers.set('origin', this.origin);
		if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		const res = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
		for (const c of res.headers.getSetCookie()) {
			const [pair, ...attrs] = c.split(';');
			const eq = pair.indexOf('=');
			const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
			const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
			if (expired) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return res;
	}

	async register(email = `client-${crypto.randomUUID()}@example.org`) {
		const res = await this.request('/register', {
			method: 'POST',
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email, password: 'correct horse battery', name: 'Test Client', privacy: 'agree' })
		});
		expect(res.status).toBe(303);
		expect(this.cookies.get('spejl_session')).toMatch(/^[a-z2-7]{32}$/);
		const user = await db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
		expect(user).toBeDefined();
		this.userId = user!.id;
		return this;
	}

	async action(path: string, fields: Record<string, string>): Promise<ActionResult> {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.set(k, v);
		const res = await this.request(path, {
			method: 'POST',
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: form
		});
		const raw = await res.text();
		const out: ActionResult = { httpStatus: res.status, raw };
		if ((res.headers.get('content-type') ?? '').includes('application/json')) {
			const json = JSON.parse(raw);
			Object.assign(out, { type: json.type, status: json.status, location: json.location });
			if (typeof json.data === 'string') out.data = parse(json.data);
		}
		return out;
	}

	save(id: string, answers: unknown, page: number | string = 0, responseId?: string) {
		const fields: Record<string, string> = {
			answers: typeof answers === 'string' ? answers : JSON.stringify(answers),
			page: String(page)
		};
		if (responseId) fields.responseId = responseId;
		return this.action(`/q/${id}?/save`, fields);
	}

	complete(id: string, answers: unknown, responseId: string) {
		return this.action(`/q/${id}?/complete`, {
			answers: typeof answers === 'string' ? answers : JSON.stringify(answers),
			responseId
		});
	}
}

const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'];
/** Every RIASEC item answered `v`, so each scale mean is v. */
const allRiasec = (v: number, change: Record<string, number> = {}) => {
	const a: Record<string, number> = {};
	for (const t of TYPES) for (let i = 1; i <= 8; i++) a[`${t}${i}`] = v;
	return { ...a, ...change };
};

/** A registered client with a riasec-48 response holding {R1: 3} on page 1. */
async function clientWithResponse() {
	const client = await new Client().register();
	const first = await client.save('riasec-48', { R1: 3 }, 1);
	expect(first).toMatchObject({ httpStatus: 200, type: 'success', status: 200 });
	const responseId = first.data!.responseId as string;
	expect(typeof responseId).toBe('string');
	expect(await responsesOf(client.userId)).toMatchObject([{ id: responseId, status: 'in_progress', answers: '{"R1":3}', current_page: 1 }]);
	return { client, responseId, before: (await responseRow(responseId))! };
}

describe('saving answers', () => {
	it('saves valid answers and resumes the same response', async () => {
		const { client, responseId } = await clientWithResponse();
		const again = await client.save('riasec-48', { R1: 3, I1: 5 }, 2, responseId);
		expect(again).toMatchObject({ type: 'success', data: { responseId } });
		expect(await responseRow(responseId)).toMatchObject({ answers: '{"I1":5,"R1":3}', current_page: 2 });
		// The page resumes from the stored answers.
		const page = await client.request('/q/riasec-48');
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(responseId);
		expect(await responsesOf(client.userId)).toHaveLength(1);
	});

	it.each([
		['an unknown name', { R1: 3, NOPE: 1 }, 'NOPE', 'NOPE: there is no question with this name'],
		['a value outside the choices', { R1: 7 }, 'R1', 'R1: 7 is not one of the allowed values 1, 2, 3, 4, 5'],
		['a value of the wrong type', { R1: '5' }, 'R1', 'R1: expected a number, got "5"']
	])('refuses %s with 400 naming the element, and stores nothing', async (_, answers, name, message) => {
		const { client, responseId, before } = await clientWithResponse();
		const r = await client.save('riasec-48', answers, 3, responseId);
		expect(r).toMatchObject({ httpStatus: 200, type: 'failure', status: 400 });
		// The raw body names the element and value (quotes are escaped twice there: JSON in JSON).
		expect(r.raw).toContain(message.replaceAll('"', '\\\\\\"'));
		expect(r.data).toEqual({ message: 'Some answers are not valid.', errors: [expect.objectContaining({ name, message })] });
		const c = await client.complete('riasec-48', { ...allRiasec(4), ...answers }, responseId);
		expect(c).toMatchObject({ type: 'failure', status: 400 });
		expect(c.raw).toContain(message.split('"')[0]);
		expect(await responseRow(responseId)).toEqual(before);
		expect(await scaleScores(responseId)).toEqual([]);
	});

	it('refuses answers that are not JSON and a bad page number', async () => {
		const { client, responseId, before } = await clientWithResponse();
		const bad = await client.save('riasec-48', '{"R1":', 0, responseId);
		expect(bad).toMatchObject({ type: 'failure', status: 400, data: { message: 'The answers are not valid JSON.' } });
		const page = await client.save('riasec-48', { R1: 4 }, -2, responseId);
		expect(page).toMatchObject({ type: 'failure', status: 400, data: { message: 'The page number is not valid.' } });
		expect(await responseRow(responseId)).toEqual(before);
	});

	it('refuses a body over 512 KiB with 413 and stores nothing', async () => {
		const { client, responseId, before } = await clientWithResponse();
		const responses = await countAll('response');
		const huge = JSON.stringify({ R1: 4, pad: 'x'.repeat(600 * 1024) });
		const r = await client.save('riasec-48', huge, 0, responseId);
		expect(r.httpStatus).toBe(413);
		expect(await responseRow(responseId)).toEqual(before);
		expect(await countAll('response')).toBe(responses);
		// Without a responseId either: no new response is started.
		const fresh = await new Client().register();
		const r2 = await fresh.save('riasec-48', huge, 0);
		expect(r2.httpStatus).toBe(413);
		expect(await responsesOf(fresh.userId)).toEqual([]);
	});

	it("answers 404 for another client's response and changes nothing", async () => {
		const { responseId, before } = await clientWithResponse();
		const mallory = await new Client().register();
		const save = await mallory.save('riasec-48', { R1: 1 }, 0, responseId);
		expect(save).toMatchObject({ type: 'failure', status: 404, data: { message: 'No such response.' } });
		const done = await mallory.complete('riasec-48', allRiasec(1), responseId);
		expect(done).toMatchObject({ type: 'failure', status: 404 });
		expect(await responseRow(responseId)).toEqual(before);
		expect(await scaleScores(responseId)).toEqual([]);
		expect(await responsesOf(mallory.userId)).toEqual([]);
	});

	it("answers 404 when the client's own response id is sent to another instrument's page, and changes nothing", async () => {
		const { client, responseId, before } = await clientWithResponse();
		// riasec-48 answers are valid for the riasec response, so only the (person, instrument) key refuses them.
		const save = await client.save('big-five-ipip-50', { R1: 1 }, 0, responseId);
		expect(save).toMatchObject({ type: 'failure', status: 404, data: { message: 'No such response.' } });
		const done = await client.complete('big-five-ipip-50', allRiasec(1), responseId);
		expect(done).toMatchObject({ type: 'failure', status: 404 });
		expect(await responseRow(responseId)).toEqual(before);
		expect(await responsesOf(client.userId)).toHaveLength(1);
	});

	it('sends an anonymous client to sign in and stores nothing', async () => {
		const anonymous = new Client();
		const responses = await countAll('response');
		const r = await anonymous.save('riasec-48', { R1: 3 }, 0);
		expect(r).toMatchObject({ type: 'redirect', status: 303 });
		expect(r.location).toMatch(/^\/login\?next=/);
		expect(r.raw).not.toContain('"success"');
		// A plain form post from a browser (HTML accepted) gets a real redirect.
		const form = new FormData();
		form.set('answers', '{"R1":3}');
		const plain = await anonymous.request('/q/riasec-48?/save', { method: 'POST', headers: { accept: 'text/html' }, body: form });
		expect(plain.status).toBe(303);
		expect(plain.headers.get('location')).toMatch(/^\/login\?next=/);
		expect(await countAll('response')).toBe(responses);
	});

	it('forbids a cross-site form post (403) and stores nothing', async () => {
		const { client, responseId, before } = await clientWithResponse();
		client.origin = 'https://evil.example';
		const r = await client.save('riasec-48', { R1: 5 }, 4, responseId);
		expect(r.httpStatus).toBe(403);
		expect(r.raw).toContain('Cross-site POST form submissions are forbidden');
		client.origin = '';
		const noOrigin = await client.save('riasec-48', { R1: 5 }, 4, responseId);
		expect(noOrigin.httpStatus).toBe(403);
		expect(await responseRow(responseId)).toEqual(before);
	});
});

describe('completing', () => {
	it('scores once; the same answers again are accepted, different ones refused with 409', async () => {
		const { client, responseId } = await clientWithResponse();
		// R1..R8 = 5 → R 5; I 4; everything else 2 except A1..A8 = 3: code R I A, no ties.
		const answers = allRiasec(2, {
			...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].flatMap((i) => [[`R${i}`, 5], [`I${i}`, 4], [`A${i}`, 3]]))
		});
		const done = await client.complete('riasec-48', answers, responseId);
		expect(done).toMatchObject({ type: 'success', data: { responseId, completed: true, repeated: false } });
		const stored = (await responseRow(responseId))!;
		expect(stored.status).toBe('completed');
		expect(JSON.parse(stored.answers)).toEqual(answers);
		expect(JSON.parse(stored.result!).codes.holland).toEqual({ code: 'RIA', ties: [] });
		const scores = await scaleScores(responseId);
		expect(scores).toEqual([
			{ scale_id: 'artistic', score: 3, answered: 8 },
			{ scale_id: 'conventional', score: 2, answered: 8 },
			{ scale_id: 'enterprising', score: 2, answered: 8 },
			{ scale_id: 'investigative', score: 4, answered: 8 },
			{ scale_id: 'realistic', score: 5, answered: 8 },
			{ scale_id: 'social', score: 2, answered: 8 }
		]);

		const same = await client.complete('riasec-48', answers, responseId);
		expect(same).toMatchObject({ type: 'success', data: { responseId, completed: true, repeated: true } });
		expect(await scaleScores(responseId)).toEqual(scores);

		const different = await client.complete('riasec-48', { ...answers, R1: 1 }, responseId);
		expect(different).toMatchObject({ type: 'failure', status: 409 });
		expect(different.raw).toContain('already completed');
		const save = await client.save('riasec-48', { R1: 1 }, 0, responseId);
		expect(save).toMatchObject({ type: 'failure', status: 409 });
		expect(await responseRow(responseId)).toEqual(stored);
		expect(await scaleScores(responseId)).toEqual(scores);

		// Two submissions at once (double click) store one set of scores.
		const next = await client.save('riasec-48', {}, 0);
		const nextId = next.data!.responseId as string;
		expect(nextId).not.toBe(responseId);
		const both = await Promise.all([
			client.complete('riasec-48', answers, nextId),
			client.complete('riasec-48', answers, nextId)
		]);
		expect(both.map((b) => b.type)).toEqual(['success', 'success']);
		expect(both.map((b) => b.data!.repeated).sort()).toEqual([false, true]);
		expect(await scaleScores(nextId)).toEqual(scores);
	});
});

describe('a refused completion says why in the language of the person', () => {
	// The SurveyJS page shows this `message` as it comes (tests/browser/skipped.test.ts drives it).
	const cases = {
		en: {
			minimum: 'There are not enough answers for a result yet.\nRealistic: 1 of 8 questions answered, at least 6 are needed.',
			invalid: 'Some answers were not accepted:\nTest the quality of parts before shipment: Please choose one of the answers shown.',
			completed: 'This questionnaire was already completed with other answers. Start it again to take it a second time.'
		},
		da: {
			minimum: 'Der er endnu ikke svar nok til et resultat.\nRealistisk: 1 af 8 spørgsmål besvaret, mindst 6 er nødvendige.',
			invalid: 'Nogle svar blev ikke godtaget:\nTeste kvaliteten af dele, før de bliver sendt ud: Vælg venligst et af de viste svar.',
			completed: 'Dette spørgeskema er allerede afsluttet med andre svar. Start det forfra for at tage det en gang til.'
		}
	};
	it.each(Object.entries(cases))('%s', async (locale, expected) => {
		const client = new Client();
		client.cookies.set('lang', locale);
		await client.register();
		const first = await client.save('riasec-48', { R1: 3 }, 0);
		const responseId = first.data!.responseId as string;
		const few = await client.complete('riasec-48', { R1: 3 }, responseId);
		expect(few).toMatchObject({ type: 'failure', status: 400 });
		// Then the five other scales, each with none answered.
		expect(String(few.data?.message).slice(0, expected.minimum.length)).toBe(expected.minimum);
		expect(String(few.data?.message).match(/\n[^\n]+: 0 (of|af) 8 /g)).toHaveLength(5);
		const bad = await client.complete('riasec-48', allRiasec(4, { R1: 7 }), responseId);
		expect(bad).toMatchObject({ type: 'failure', status: 400, data: { message: expected.invalid } });
		// The problems stay listed for programs, with the element named.
		expect(bad.data?.errors).toEqual([expect.objectContaining({ name: 'R1', code: 'notAllowed' })]);
		expect(await client.complete('riasec-48', allRiasec(4), responseId)).toMatchObject({ type: 'success' });
		const again = await client.complete('riasec-48', allRiasec(3), responseId);
		expect(again).toMatchObject({ type: 'failure', status: 409, data: { message: expected.completed } });
		expect(JSON.parse((await responseRow(responseId))!.answers)).toEqual(allRiasec(4));
	});
});

describe('what the browser is sent', () => {
	it.each(['riasec-48', 'big-five-ipip-50'])('the page of %s carries the form but no scoring key', async (id) => {
		const client = await new Client().register();
		const html = await (await client.request(`/q/${id}`)).text();
		const data = await (await client.request(`/q/${id}/__data.json`)).text();
		const first = id === 'riasec-48' ? 'R1' : 'EXT1';
		for (const body of [html, data]) {
			expect(body).toContain(first); // the survey is there
			for (const key of ['reverse', 'norms', 'scoring', 'minAnswered', 'openpsychometrics-big5-2012']) {
				expect(body).not.toMatch(new RegExp(`["']?\\b${key}\\b["']?\\s*:|"${key}"`));
			}
		}
		expect(html).not.toContain('"reverse"');
		expect(html).not.toContain('"norms"');
		expect(html).not.toContain('"scoring"');
	});

	it('serves the questionnaire JSON Schema', async () => {
		const res = await fetch(`${base}/schema/questionnaire-v1.json`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		const schema = readFileSync(resolve(__dirname, '../../questionnaires/schema.json'), 'utf8');
		expect(await res.json()).toEqual(JSON.parse(schema));
	});
});
