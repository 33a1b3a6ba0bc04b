// The PostgreSQL a benchmark measures: TEST_DATABASE_URL when set, else a throw-away cluster on port
// 55434 (scripts/pg-cluster.sh), stopped again by `stop`.
import { spawnSync } from 'node:child_process';

export function benchPostgres(): { url: string; stop: () => void } | { skipped: string } {
	const given = process.env.TEST_DATABASE_URL ?? '';
	if (/^postgres(ql)?:\/\//.test(given)) return { url: given, stop: () => {} };
	const dir = '/tmp/spejl-bench-pg';
	const r = spawnSync('bash', ['scripts/pg-cluster.sh', 'start', dir, '55434'], { encoding: 'utf8' });
	if (r.status !== 0) return { skipped: `PostgreSQL could not be started: ${(r.stderr || r.stdout).trim().split('\n')[0]}` };
	process.env.TEST_DATABASE_URL = r.stdout.trim();
	return {
		url: r.stdout.trim(),
		stop: () => {
			spawnSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]);
			delete process.env.TEST_DATABASE_URL;
		}
	};
}
