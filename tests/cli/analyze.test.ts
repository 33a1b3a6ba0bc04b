import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { differences } from '../fixtures/psych/expect-close.ts';
import { CLI, fixture, root, runCli, tempFile } from './run-cli.ts';
import { analyzeItems } from '../../src/lib/core/analysis/index.ts';
import { readResponses } from '../../src/lib/core/batch/index.ts';
import { parseCsv } from '../../src/lib/core/csv/parse.ts';
import type { Questionnaire } from '../../src/lib/core/questionnaire/types.ts';

/** The analysis computed in memory from every row at once (analyzeItems), as npm run analyze printed it before it streamed. */
function inMemory(qFile: string, csvFile: string): string {
	const q = JSON.parse(readFileSync(qFile, 'utf8')) as Questionnaire;
	const { header, rows } = parseCsv(readFileSync(csvFile, 'utf8'));
	const answers = readResponses(header, rows, q).responses.map((r) => r.answers);
	return `${JSON.stringify(analyzeItems(q, answers), null, 2)}\n`;
}

/** A Big-Five CSV of `n` respondents with about 3 % of the cells empty (the same on every run). */
function bigFiveCsv(n: number): string {
	const q = JSON.parse(readFileSync(`${root}questionnaires/big-five-ipip-50.json`, 'utf8')) as Questionnaire;
	const items = (q.scoring?.scales ?? []).flatMap((s) => s.items);
	let seed = 7;
	const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const lines = [['id', ...items].join(',')];
	for (let r = 1; r <= n; r++) lines.push([`p${r}`, ...items.map(() => (random() < 0.03 ? '' : String(1 + Math.floor(random() * 5))))].join(','));
	return `${lines.join('\n')}\n`;
}

const Q = fixture('psych-fixture.json');
const CSV = fixture('responses.csv');

describe.concurrent('npm run analyze', CLI, () => {
	it('matches psych::alpha and item statistics from R to 1e-9', async () => {
		const r = await runCli('analyze', [Q, CSV]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const want = JSON.parse(readFileSync(fixture('expected-analyze.json'), 'utf8'));
		expect(differences(JSON.parse(r.stdout), want)).toEqual([]);
	});

	it('prints exactly what the in-memory analysis gives, though it streams (the fixture, and 5,000 rows with gaps)', async () => {
		const r = await runCli('analyze', [Q, CSV]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(inMemory(Q, CSV));
		const big = tempFile('analyze-big-five.csv', bigFiveCsv(5000));
		const bigQ = `${root}questionnaires/big-five-ipip-50.json`;
		const b = await runCli('analyze', [bigQ, big]);
		expect(b.stderr).toBe('');
		expect(b.code).toBe(0);
		const report = JSON.parse(b.stdout);
		expect(report.respondents).toBe(5000);
		expect(report.scales[0].n).toBeGreaterThan(3000);
		expect(report.scales[0].n).toBeLessThan(5000);
		expect(b.stdout).toBe(inMemory(bigQ, big));
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
