import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { differences } from '../fixtures/psych/expect-close.ts';
import { fixture, runCli, tempFile } from './run-cli.ts';

const Q = fixture('psych-fixture.json');
const CSV = fixture('responses.csv');

describe.concurrent('npm run analyze', () => {
	it('matches psych::alpha and item statistics from R to 1e-9', async () => {
		const r = await runCli('analyze', [Q, CSV]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const want = JSON.parse(readFileSync(fixture('expected-analyze.json'), 'utf8'));
		expect(differences(JSON.parse(r.stdout), want)).toEqual([]);
	});

	it('bad cell → exit 1 naming line and column; --lenient reports and goes on', async () => {
		const text = 'id,a1,b1\np1,1,2\np2,6,3\np3,2,2\n';
		const strict = await runCli('analyze', [Q, tempFile('analyze-bad.csv', text)]);
		expect(strict.code).toBe(1);
		expect(strict.stderr).toContain('line 3, column "a1": "6" is not one of the allowed values');
		const lenient = await runCli('analyze', [Q, tempFile('analyze-bad.csv', text), '--lenient']);
		expect(lenient.code).toBe(0);
		expect(lenient.stderr).toContain('warning: line 3, column "a1"');
		const report = JSON.parse(lenient.stdout);
		expect(report.respondents).toBe(3);
		expect(report.scales[0].items[0]).toMatchObject({ name: 'a1', n: 2, mean: 1.5 });
	});

	it('usage error → exit 2', async () => {
		const r = await runCli('analyze', [Q]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('usage: npm run analyze');
	});
});
