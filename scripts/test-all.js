// npm test: unit tests, a fresh production build, then HTTP and browser tests against it (SQLite),
// then the repository, service and HTTP tests again on PostgreSQL when its server is installed
// (TEST_DATABASE_URL, or a throw-away cluster from scripts/pg-cluster.sh). SPEJL_TEST_POSTGRES=skip
// leaves PostgreSQL out; =require fails when it is not installed (CI).
// Ends with one line "N passed, N failed" summed over every run; exits 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// First what the tests need besides npm packages (Chromium, pdftotext, fonts, PostgreSQL): installed
// when this may (root or password-less sudo on Debian/Ubuntu), otherwise a stop at once with the
// command to run, before ten minutes of unit tests (scripts/install-test-deps.sh, shared with .ci/run).
{
	const leaveOutPostgres = process.env.SPEJL_TEST_POSTGRES === 'skip' || !!process.env.TEST_DATABASE_URL;
	const deps = spawnSync('bash', ['scripts/install-test-deps.sh', ...(leaveOutPostgres ? ['--no-postgres'] : [])], { stdio: 'inherit' });
	if (deps.status !== 0) {
		console.error('\nnpm test stopped before running any test: see above for what to install.');
		process.exit(1);
	}
}

mkdirSync('tmp', { recursive: true });
const vitest = 'node_modules/.bin/vitest';
let passed = 0;
let failed = 0;
let broken = false;

function readdirSafe(dir) {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}

// TEST_DATABASE_URL is for the PostgreSQL run only: the first runs are on SQLite whatever is set.
const pgUrl = process.env.TEST_DATABASE_URL;
delete process.env.TEST_DATABASE_URL;

function run(label, cmd, args) {
	console.log(`\n=== ${label}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
	return r.status === 0;
}

function vitestRun(label, extra, report) {
	rmSync(report, { force: true });
	const ok = run(label, vitest, ['run', ...extra, '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
	if (existsSync(report)) {
		const r = JSON.parse(readFileSync(report, 'utf8'));
		passed += r.numPassedTests;
		failed += r.numFailedTests;
		if (r.numTotalTests === 0) broken = true;
	} else broken = true;
	if (!ok) broken = true;
}

vitestRun('unit tests (core, server, CLI)', [], 'tmp/unit-report.json');
if (run('production build', 'npm', ['run', 'build', '--silent'])) {
	vitestRun('HTTP and browser tests against the built app', ['-c', 'vitest.e2e.config.ts'], 'tmp/e2e-report.json');
} else broken = true;

const pgMode = process.env.SPEJL_TEST_POSTGRES ?? 'auto';
const pgInstalled = !!pgUrl || readdirSafe('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
let pgNote = '';
if (pgMode === 'skip') pgNote = ' (PostgreSQL left out: SPEJL_TEST_POSTGRES=skip)';
else if (!pgInstalled) {
	if (pgMode === 'require') broken = true;
	pgNote = ' (PostgreSQL not installed, its run left out: apt-get install -y postgresql)';
} else {
	let url = pgUrl;
	// The throw-away cluster lives outside the clone: the postgres user must be able to reach its
	// directory (a clone under a private home directory is not).
	const dir = url ? null : mkdtempSync(join(tmpdir(), 'spejl-test-pg-'));
	if (dir) {
		const r = spawnSync('bash', ['scripts/pg-cluster.sh', 'start', dir, '55433'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
		if (r.status === 0) url = r.stdout.trim();
		else broken = true;
	}
	if (url) {
		process.env.TEST_DATABASE_URL = url;
		vitestRun('repository and service tests (PostgreSQL)', ['src/lib/server'], 'tmp/pg-unit-report.json');
		vitestRun('HTTP tests against the built app (PostgreSQL)', ['-c', 'vitest.e2e.config.ts', 'tests/http'], 'tmp/pg-e2e-report.json');
	}
	if (dir) spawnSync('bash', ['scripts/pg-cluster.sh', 'stop', dir], { stdio: 'inherit' });
}

console.log(`\n${passed} passed, ${failed} failed${pgNote}`);
process.exit(failed > 0 || broken ? 1 : 0);
