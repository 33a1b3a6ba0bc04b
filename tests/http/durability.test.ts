// Nothing acknowledged is lost: clients complete riasec-48 as fast as the server takes them, the server is
// killed with SIGKILL in the middle (every process of it, as a crash would), and every completion a client
// was told had succeeded must be in the database, completed, with its six scale scores. Once with one
// process, once with two cluster processes writing to the same SQLite file.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';
import { testDialect } from '../support/db';

const build = process.env.BUILD_DIR || 'build';
const items = (JSON.parse(readFileSync('questionnaires/riasec-48.json', 'utf8')) as { scoring: { scales: { items: string[] }[] } }).scoring.scales.flatMap(
	(s) => s.items
);

async function register(server: RunningServer, i: number): Promise<string> {
	const res = await fetch(`${server.url}/register`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
		body: new URLSearchParams({ email: `durable-${i}@example.org`, password: 'correct horse battery', name: `Client ${i}`, privacy: 'agree' })
	});
	expect(res.status).toBe(303);
	const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('spejl_session='));
	expect(cookie).toBeDefined();
	return cookie!;
}

/** Completes one response; its id when the server acknowledged it, undefined when the request failed. */
async function completeOnce(server: RunningServer, cookie: string, n: number): Promise<string | undefined> {
	const answers = Object.fromEntries(items.map((item, i) => [item, 1 + ((i + n) % 5)]));
	try {
		// As the SurveyJS page completes (SurveyForm.svelte): JSON, without a response id saved before.
		const res = await fetch(`${server.url}/q/riasec-48/complete`, {
			method: 'POST',
			headers: { cookie, origin: server.url, accept: 'application/json', 'content-type': 'application/json' },
			body: JSON.stringify({ answers })
		});
		const result = (await res.json()) as { responseId?: unknown; completed?: unknown };
		return res.status === 200 && result.completed === true && typeof result.responseId === 'string' ? result.responseId : undefined;
	} catch {
		return undefined; // the server died while answering: not acknowledged
	}
}

describe('kill -9 during completions', () => {
	it.each([
		['one process', [build]],
		['two cluster processes on one database', ['scripts/cluster.js', build]]
	])('%s: every acknowledged completion is stored', async (_, args) => {
		const server = await startServer({ WORKERS: '2' }, { args });
		try {
			const cookies = await Promise.all(Array.from({ length: 8 }, (_, i) => register(server, i)));
			const acknowledged: string[] = [];
			let killed = false;
			let sent = 0;
			const clients = cookies.map(async (cookie, c) => {
				for (let n = 0; !killed; n++) {
					sent++;
					const id = await completeOnce(server, cookie, c + n);
					if (id) acknowledged.push(id); // one answered after `killed` was set but before the kill landed counts too
				}
			});
			// Kill once plenty have been acknowledged, while requests are in flight.
			while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 10));
			killed = true;
			await server.crash();
			await Promise.all(clients);

			// Opened after the crash, as the next start would.
			const db = server.db();
			const responses = await db.selectFrom('response').select(['id', 'status', 'result']).execute();
			const statusOf = new Map(responses.map((r) => [r.id, r.status]));
			// The scale scores live in the stored result: six scales for riasec-48.
			const scoreCounts = new Map(responses.map((r) => [r.id, r.result ? (JSON.parse(r.result) as { scales: unknown[] }).scales.length : 0]));
			const lost = acknowledged.filter((id) => statusOf.get(id) !== 'completed');
			const unscored = acknowledged.filter((id) => scoreCounts.get(id) !== 6);
			const completed = responses.filter((r) => r.status === 'completed').length;
			expect(acknowledged.length).toBeGreaterThanOrEqual(60);
			expect(lost).toEqual([]);
			expect(unscored).toEqual([]);
			// The database may hold a few more than were acknowledged (committed, answer not yet sent), never fewer.
			expect(completed).toBeGreaterThanOrEqual(acknowledged.length);
			// No duplicates: no response acknowledged twice, and no request stored as two completions.
			expect(new Set(acknowledged).size).toBe(acknowledged.length);
			expect(completed).toBeLessThanOrEqual(sent);
			// The file itself is sound after the crash (SQLite; PostgreSQL recovers from its own WAL).
			if (testDialect() === 'sqlite') {
				const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
				expect(rows).toEqual([{ integrity_check: 'ok' }]);
			}
		} finally {
			await server.stop();
		}
	});
});
