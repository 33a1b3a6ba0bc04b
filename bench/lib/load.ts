/**
 * A small closed-loop HTTP load generator: `concurrency` clients, each on its own keep-alive connection,
 * send one request, wait for the whole response, check it and send the next, for `durationMs`. It runs in
 * the benchmark's own process, so on a small machine it takes CPU from the server it measures.
 */
import { Agent, request } from 'node:http';

export interface LoadRequest {
	method: 'GET' | 'POST';
	path: string;
	headers: Record<string, string>;
	body?: string;
}

export interface LoadOptions {
	url: string;
	concurrency: number;
	durationMs: number;
	/** The next request of client `client` (its `n`-th). */
	next(client: number, n: number): LoadRequest;
	/** Whether a response is what was asked for; anything else counts as an error. */
	check(status: number, body: string, client: number): boolean;
}

export interface LoadFigures {
	requests: number;
	errors: number;
	/** First failed response, to say what went wrong. */
	firstError?: string;
	seconds: number;
	perSecond: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
}

function send(agent: Agent, base: URL, r: LoadRequest): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(
			{ agent, host: base.hostname, port: base.port, method: r.method, path: r.path, headers: r.headers },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (d: string) => (body += d));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(r.body);
	});
}

const quantile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Runs the load and returns throughput and latency quantiles (over every request, errors included). */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
	const base = new URL(options.url);
	const agents = Array.from({ length: options.concurrency }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
	const latencies: number[] = [];
	let errors = 0;
	let firstError: string | undefined;
	const t0 = performance.now();
	const stopAt = t0 + options.durationMs;
	await Promise.all(
		agents.map(async (agent, client) => {
			for (let n = 0; performance.now() < stopAt; n++) {
				const started = performance.now();
				let ok = false;
				let what = '';
				try {
					const { status, body } = await send(agent, base, options.next(client, n));
					ok = options.check(status, body, client);
					if (!ok) what = `${status} ${body.slice(0, 300)}`;
				} catch (e) {
					what = (e as Error).message;
				}
				latencies.push(performance.now() - started);
				if (!ok) {
					errors++;
					firstError ??= what;
				}
			}
		})
	);
	const seconds = (performance.now() - t0) / 1000;
	for (const agent of agents) agent.destroy();
	const sorted = Float64Array.from(latencies).sort();
	return {
		requests: latencies.length,
		errors,
		firstError,
		seconds,
		perSecond: latencies.length / seconds,
		p50Ms: quantile(sorted, 0.5),
		p99Ms: quantile(sorted, 0.99),
		maxMs: sorted[sorted.length - 1] ?? 0
	};
}
