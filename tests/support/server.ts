// Starts the real built app (`node build`) on a free loopback port with a fresh SQLite file.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
	url: string;
	dir: string;
	dbPath: string;
	stop(): Promise<void>;
	output(): string;
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

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'spejl-test-'));
	const url = `http://127.0.0.1:${port}`;
	const dbPath = join(dir, 'test.db');
	const child: ChildProcess = spawn(process.execPath, [process.env.BUILD_DIR || 'build'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, DATABASE_PATH: dbPath, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout?.on('data', (d) => (out += d));
	child.stderr?.on('data', (d) => (out += d));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20000);
		child.stdout?.on('data', () => {
			if (out.includes('Listening on')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
	});
	return {
		url,
		dir,
		dbPath,
		output: () => out,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
