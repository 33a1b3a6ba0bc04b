// Starts the real built app (`node build`) on a free loopback port with a fresh database: an
// SQLite file, or with TEST_DATABASE_URL=postgres://… a fresh PostgreSQL database (dropped at stop).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, isPostgresUrl, type Db } from '../../src/lib/server/db';
import { createTestDatabase } from './db';

export interface RunningServer {
	url: string;
	/** Process id of the server (of the cluster's primary when it runs several processes). */
	pid: number;
	dir: string;
	/** The database the server uses: a PostgreSQL URL or an SQLite file path. */
	dbTarget: string;
	/** The SQLite file (the same as dbTarget on SQLite). */
	dbPath: string;
	/** A handle on the server's database for the test to look at (closed at stop). */
	db(): Db;
	stop(): Promise<void>;
	/** kill -9 of the server and every process it started (cluster workers), as a crash would. */
	crash(): Promise<void>;
	output(): string;
}

/** Whether a process still exists and is not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
	try {
		return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

/** CPU seconds (user + system) used so far by `pid` and every process it started, from /proc (Linux). */
export function cpuSecondsOf(pid: number): number {
	let ticks = 0;
	for (const p of [pid, ...descendants(pid)]) {
		try {
			const fields = readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
			ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
		} catch {
			// ended
		}
	}
	return ticks / 100; // USER_HZ is 100 on Linux
}

/** Pids of the processes started by `pid`, and theirs, from /proc (Linux). */
function descendants(pid: number): number[] {
	let children: number[] = [];
	try {
		children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return [];
	}
	return children.flatMap((c) => [c, ...descendants(c)]);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

/**
 * Every test request comes from 127.0.0.1, so the per-address limits on registrations, starts without
 * an account and failed sign-ins are raised for test servers (else how many a file may make would
 * depend on what the files run before it on the shared server made within the hour); the throttling
 * tests pass their own (tests/http/throttle.test.ts). The per-account sign-in delay keeps its default.
 */
const ONE_ADDRESS_LIMITS = { SIGN_IN_ADDRESS_LIMIT: '1000000', REGISTER_ADDRESS_LIMIT: '1000000', ANONYMOUS_START_LIMIT: '1000000' };

/**
 * `options.args` replaces the default node arguments (the build folder), e.g. to run the app under a
 * cluster entry point or with profiling flags. `options.database`: the database of another running
 * server (its dbTarget), for two app servers on one database; that database is then left in place
 * at stop.
 */
export async function startServer(
	env: Record<string, string> = {},
	options: { args?: string[]; database?: string } = {}
): Promise<RunningServer> {
	const dir = mkdtempSync(join(tmpdir(), 'spejl-test-'));
	const fresh = options.database ? null : await createTestDatabase({ file: true });
	const dbTarget = options.database ?? (fresh!.target === ':memory:' ? join(dir, 'test.db') : fresh!.target);
	const dbEnv = isPostgresUrl(dbTarget) ? { DATABASE_URL: dbTarget } : { DATABASE_PATH: dbTarget, DATABASE_URL: '' };
	// The free port is only known free until it is closed again: another process (any outgoing
	// connection) can take it before the server listens, and then the server is started on another.
	for (let attempt = 1; ; attempt++) {
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const child: ChildProcess = spawn(process.execPath, options.args ?? [process.env.BUILD_DIR || 'build'], {
			env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, ...dbEnv, ...ONE_ADDRESS_LIMITS, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const output = { text: '' };
		child.stdout?.on('data', (d) => (output.text += d));
		child.stderr?.on('data', (d) => (output.text += d));
		const started = await new Promise<boolean>((resolve, reject) => {
			// Generous: a loaded machine can take long to start node and run the migrations.
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`server did not start within 60 s:\n${output.text}`));
			}, 60_000);
			child.stdout?.on('data', () => {
				if (output.text.includes('Listening on')) {
					clearTimeout(timer);
					resolve(true);
				}
			});
			child.on('exit', (code) => {
				clearTimeout(timer);
				if (attempt < 3 && /EADDRINUSE/.test(output.text)) resolve(false);
				else reject(new Error(`server exited with ${code}:\n${output.text}`));
			});
		});
		if (started) return running(child, url, dir, dbTarget, fresh, output);
	}
}

function running(
	child: ChildProcess,
	url: string,
	dir: string,
	dbTarget: string,
	fresh: { drop: () => Promise<void> } | null,
	output: { text: string }
): RunningServer {
	let handle: Db | null = null;
	return {
		url,
		pid: child.pid!,
		dir,
		dbTarget,
		dbPath: dbTarget,
		db: () => (handle ??= createDb(dbTarget, { poolSize: 2, idleTimeoutMs: 1000 })),
		output: () => output.text,
		crash: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			const all = [child.pid!, ...descendants(child.pid!)];
			for (const pid of all) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}
			await exited;
			// Wait until the workers are gone too, so nothing writes to the database any more.
			// A process killed in the middle of writing to a slow disk can take a while to go (30 s at most
			// here, lest a process id used again by then keep the test waiting).
			for (let i = 0; i < 1500 && all.some(isRunning); i++) await new Promise((r) => setTimeout(r, 20));
		},
		stop: async () => {
			await handle?.destroy();
			handle = null;
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			await fresh?.drop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
