// npm test: unit tests, a fresh production build, then HTTP and browser tests against it.
// Ends with one line "N passed, N failed" summed over both runs; exits 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('tmp', { recursive: true });
const vitest = 'node_modules/.bin/vitest';
let passed = 0;
let failed = 0;
let broken = false;

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

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
