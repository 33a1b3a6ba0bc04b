/**
 * Completions under load: 32 signed-in clients each completing riasec-48 as the SurveyJS page does
 * (POST /q/riasec-48/complete with the answers as JSON: session, answers parsed, validated, scored and
 * stored),
 * next to a trivial page of the same server measured in the same run (GET /schema/questionnaire-v1.json with
 * the same session cookies: the hooks and session lookup, then a fixed JSON document). The built app
 * (`node build`, or BUILD_DIR) runs on a fresh SQLite file; the load generator runs in this process on the
 * same machine, so both share its cores.
 *
 * Standalone: `npx tsx bench/completion.bench.ts` prints JSON (builds the app first when there is no build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpuSecondsOf, startServer, type RunningServer } from '../tests/support/server.ts';
import { runLoad, type LoadFigures } from './lib/load.ts';
import { mulberry32 } from './lib/stats.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface CompletionBench {
	/** How the server ran, e.g. "1 process" or "2 worker processes (WORKERS=2)". */
	server: string;
	concurrency: number;
	durationSeconds: number;
	trivial: LoadFigures;
	complete: LoadFigures;
	/** Server CPU time (all its processes) per request, in ms: independent of how busy the machine is. */
	trivialCpuMs: number;
	completeCpuMs: number;
	/** complete.perSecond / trivial.perSecond. */
	ratio: number;
	/** Completed riasec-48 responses in the database afterwards, and how many the clients were told of. */
	stored: number;
	acknowledged: number;
}

const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('spejl_session='));

/** Registers a client and returns its session cookie. */
async function register(url: string, i: number): Promise<string> {
	const res = await fetch(`${url}/register`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: url },
		body: new URLSearchParams({ email: `load-${i}-${Date.now()}@example.org`, password: 'correct horse battery', name: `Load ${i}`, privacy: 'agree' })
	});
	const cookie = cookieOf(res);
	if (res.status !== 303 || !cookie) throw new Error(`registering a load client failed: ${res.status} ${await res.text()}`);
	return cookie;
}

/** Full riasec-48 answers (every item 1–5), a different set per request. */
function answerSets(count: number): string[] {
	const q = JSON.parse(readFileSync(join(root, 'questionnaires/riasec-48.json'), 'utf8')) as { scoring: { scales: { items: string[] }[] } };
	const items = q.scoring.scales.flatMap((s) => s.items);
	const random = mulberry32(48);
	return Array.from({ length: count }, () => {
		const answers = Object.fromEntries(items.map((item) => [item, 1 + Math.floor(random() * 5)]));
		// What the SurveyJS page sends (SurveyForm.svelte) for a response it has not saved yet.
		return JSON.stringify({ answers });
	});
}

export function ensureBuild(): string {
	const dir = process.env.BUILD_DIR || 'build';
	if (!existsSync(join(root, dir, 'index.js'))) {
		const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
		if (r.status !== 0) throw new Error('npm run build failed');
	}
	return dir;
}

export async function benchCompletion(
	options: { concurrency?: number; durationMs?: number; env?: Record<string, string>; args?: string[]; server?: string; skipTrivial?: boolean } = {}
): Promise<CompletionBench> {
	ensureBuild();
	const concurrency = options.concurrency ?? 32;
	const durationMs = options.durationMs ?? 10_000;
	const server: RunningServer = await startServer(options.env ?? {}, { args: options.args });
	try {
		const { url } = server;
		const cookies: string[] = [];
		for (let i = 0; i < concurrency; i++) cookies.push(await register(url, i));
		const bodies = answerSets(256);
		const acknowledgedIds = new Set<string>();

		const trivialRequest = (client: number) => ({ method: 'GET' as const, path: '/schema/questionnaire-v1.json', headers: { cookie: cookies[client] } });
		const completeRequest = (client: number, n: number) => {
			const body = bodies[(client * 7 + n) % bodies.length];
			return {
				method: 'POST' as const,
				path: '/q/riasec-48/complete',
				headers: {
					cookie: cookies[client],
					origin: url,
					accept: 'application/json',
					'content-type': 'application/json',
					'content-length': String(Buffer.byteLength(body))
				},
				body
			};
		};
		const trivialOk = (status: number, body: string) => status === 200 && body.startsWith('{');
		const completeOk = (status: number, body: string) => {
			if (status !== 200) return false;
			const result = JSON.parse(body) as { responseId?: unknown; completed?: unknown };
			if (result.completed !== true || typeof result.responseId !== 'string') return false;
			acknowledgedIds.add(result.responseId);
			return true;
		};

		// Warm up both paths (JIT, SQLite page cache), then measure each for the same time.
		const trivialMs = options.skipTrivial ? 1 : durationMs;
		await runLoad({ url, concurrency, durationMs: Math.min(trivialMs, 1500), next: trivialRequest, check: trivialOk });
		await runLoad({ url, concurrency, durationMs: 1500, next: completeRequest, check: completeOk });
		let cpu = cpuSecondsOf(server.pid);
		const trivial = await runLoad({ url, concurrency, durationMs: trivialMs, next: trivialRequest, check: trivialOk });
		const trivialCpuMs = ((cpuSecondsOf(server.pid) - cpu) * 1000) / trivial.requests;
		cpu = cpuSecondsOf(server.pid);
		const complete = await runLoad({ url, concurrency, durationMs, next: completeRequest, check: completeOk });
		const completeCpuMs = ((cpuSecondsOf(server.pid) - cpu) * 1000) / complete.requests;

		const stored = (
			await server.db().selectFrom('response').select('id').where('instrument_id', '=', 'riasec-48').where('status', '=', 'completed').execute()
		).length;
		return {
			server: options.server ?? '1 process',
			concurrency,
			durationSeconds: durationMs / 1000,
			trivial,
			complete,
			trivialCpuMs,
			completeCpuMs,
			ratio: complete.perSecond / trivial.perSecond,
			stored,
			acknowledged: acknowledgedIds.size
		};
	} finally {
		await server.stop();
	}
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
	console.log(JSON.stringify(await benchCompletion({ durationMs: Number(process.env.DURATION_MS ?? 10_000) }), null, 2));
}
