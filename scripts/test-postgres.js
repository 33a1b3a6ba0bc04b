// npm run test:postgres: the repository and service tests (src/lib/server) and the HTTP tests
// against PostgreSQL. Uses TEST_DATABASE_URL when set; otherwise starts a throw-away cluster with
// scripts/pg-cluster.sh (PostgreSQL server binaries from Debian's `postgresql` package, run as the
// `postgres` user) and stops it afterwards. Expects a current build (npm run build) for the HTTP tests.
import { spawnSync } from 'node:child_process';

const vitest = 'node_modules/.bin/vitest';
let url = process.env.TEST_DATABASE_URL;
let started = false;
if (!url) {
	const r = spawnSync('bash', ['scripts/pg-cluster.sh', 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (r.status !== 0) process.exit(r.status ?? 1);
	url = r.stdout.trim();
	started = true;
	console.log(`PostgreSQL test cluster at ${url}`);
}
const env = { ...process.env, TEST_DATABASE_URL: url };
const run = (label, args) => {
	console.log(`\n=== ${label} (PostgreSQL)`);
	return spawnSync(vitest, ['run', ...args], { stdio: 'inherit', env }).status === 0;
};
let ok = run('repository and service tests', ['src/lib/server']);
ok = run('HTTP tests against the built app', ['-c', 'vitest.e2e.config.ts', 'tests/http']) && ok;
if (started) spawnSync('bash', ['scripts/pg-cluster.sh', 'stop'], { stdio: 'inherit' });
process.exit(ok ? 0 : 1);
