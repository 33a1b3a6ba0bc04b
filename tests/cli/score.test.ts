import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/core/csv/parse.ts';
import { differences } from '../fixtures/psych/expect-close.ts';
import { CLI, fixture, runCli, tempFile } from './run-cli.ts';

const Q = fixture('psych-fixture.json');
const CSV = fixture('responses.csv');
const expected = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8'));
const csvText = readFileSync(CSV, 'utf8');

describe.concurrent('npm run score on the R fixture', CLI, () => {
	it('JSON output matches R to 1e-9', async () => {
		const r = await runCli('score', [Q, CSV]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout.startsWith('[\n{"id":"p001"')).toBe(true);
		expect(differences(JSON.parse(r.stdout), expected('expected-score.json'))).toEqual([]);
	});

	it('--norm students matches R to 1e-9', async () => {
		const r = await runCli('score', [Q, CSV, '--norm', 'students']);
		expect(r.code).toBe(0);
		expect(differences(JSON.parse(r.stdout), expected('expected-score-students.json'))).toEqual([]);
	});

	it('--format csv has the documented columns (docs/batch-csv.md) and the same numbers', async () => {
		const r = await runCli('score', [Q, CSV, '--format', 'csv']);
		expect(r.code).toBe(0);
		const { header, rows } = parseCsv(r.stdout);
		expect(header).toEqual(['id', 'a_score', 'a_answered', 'a_z', 'a_t', 'a_percentile', 'a_sten', 'b_score', 'b_answered']);
		const want = expected('expected-score.json') as { id: string; scales: Record<string, Record<string, number | null>> }[];
		const asJson = rows.map(({ cells }) => ({
			id: cells[0],
			scales: Object.fromEntries(
				['a', 'b'].map((s) => {
					const fields = Object.fromEntries(
						header.map((h, i) => [h, cells[i]] as const).filter(([h]) => h.startsWith(`${s}_`)).map(([h, v]) => [h.slice(2), v === '' ? null : Number(v)])
					);
					return [s, fields];
				})
			)
		}));
		// CSV has no reason column and leaves norm cells empty for unscored scales.
		const comparable = want.map((w) => ({
			id: w.id,
			scales: Object.fromEntries(
				Object.entries(w.scales).map(([s, v]) => {
					const { reason, ...rest } = v as Record<string, unknown>;
					void reason;
					return [s, s === 'a' && rest.score === null ? { ...rest, z: null, t: null, percentile: null, sten: null } : rest];
				})
			)
		}));
		expect(differences(asJson, comparable)).toEqual([]);
	});

	it('a BOM and CRLF line ends give the same result', async () => {
		const file = tempFile('bom-crlf.csv', `\uFEFF${csvText.replace(/\n/g, '\r\n')}`);
		const r = await runCli('score', [Q, file]);
		expect(r.code).toBe(0);
		expect(differences(JSON.parse(r.stdout), expected('expected-score.json'))).toEqual([]);
	});
});

describe.concurrent('npm run score on bad input', CLI, () => {
	const lines = csvText.split('\n');
	const withLine = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');

	it.each([
		['unknown column', 'id,a1,a2,a3,a4,a5,a6,b1,b2,b3,b4,zz\n', 1, 'zz', /unknown column/],
		['duplicate column', 'id,a1,a2,a3,a4,a5,a6,b1,b2,b3,b4,a1\n', 1, 'a1', /duplicate column/],
		['non-numeric cell', 'line 7 a3 = "x"', 7, 'a3', /"x" is not a number/],
		['out of range value', 'line 9 b2 = 5', 9, 'b2', /"5" is not one of the allowed values 0, 1, 2, 3, 4/]
	])('%s → exit 1, names the line and column', async (name, edit, line, column, message) => {
		let text: string;
		if (edit.startsWith('line ')) {
			const cells = lines[line - 1].split(',');
			const header = lines[0].split(',');
			cells[header.indexOf(column)] = edit.split(' = ')[1].replaceAll('"', '');
			text = withLine(line, cells.join(','));
		} else {
			text = edit + lines.slice(1).join('\n');
		}
		const r = await runCli('score', [Q, tempFile(`${name.replaceAll(' ', '-')}.csv`, text)]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`line ${line}, column "${column}"`);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).toContain('.csv:');
	});

	it('ragged row → exit 1, names the line', async () => {
		const r = await runCli('score', [Q, tempFile('ragged.csv', withLine(12, lines[11] + ',3'))]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/line 12: has 13 cells but the header has 12 columns/);
	});

	it.each([
		['empty file', '', /the file is empty/],
		['header only', `${lines[0]}\r\n`, /line 1: the file has a header but no responses/]
	])('%s → exit 1 with a clear message', async (name, text, message) => {
		const r = await runCli('score', [Q, tempFile(`${name.replace(' ', '-')}.csv`, text)]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(message);
		expect(r.stdout).toBe('');
	});

	it('--lenient skips bad cells as missing and reports them', async () => {
		const header = 'id,a1,a2,a3,a4,a5,a6,b1,b2,b3,b4,b5';
		const text = `${header}\nx1,1,2,3,4,5,1,0,1,2,3,4\nx2,9,2,3,4,5,1,0,1,two,3,4\n`;
		const r = await runCli('score', [Q, tempFile('lenient.csv', text), '--lenient']);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out[1].scales.a.answered).toBe(5);
		expect(out[1].scales.b.answered).toBe(4);
		expect(r.stderr).toContain('line 3, column "a1": "9" is not one of the allowed values 1, 2, 3, 4, 5; treated as missing');
		expect(r.stderr).toContain('line 3, column "b3": "two" is not a number; treated as missing');
		expect(r.stderr).toMatch(/2 bad cell\(s\) or column\(s\) skipped/);
		const strict = await runCli('score', [Q, tempFile('strict.csv', text)]);
		expect(strict.code).toBe(1);
	});

	it('an invalid questionnaire → exit 1 with the file and JSON path of every problem', async () => {
		const q = expected('psych-fixture.json');
		q.scoring.scales[0].reverse = ['nope'];
		q.scoring.scales[1].norms = [{ id: 'x', mean: 1, sd: 0 }];
		const file = tempFile('psych-fixture.json', JSON.stringify(q));
		const r = await runCli('score', [file, CSV]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`${file}: $.scoring.scales[0].reverse[0]`);
		expect(r.stderr).toContain(`${file}: $.scoring.scales[1].norms[0].sd`);
	});

	it.each([
		['no arguments', []],
		['one file', ['q.json']],
		['unknown option', ['q.json', 'r.csv', '--frobnicate']],
		['bad format', ['q.json', 'r.csv', '--format', 'xml']]
	])('usage error (%s) → exit 2 with usage', async (_, args) => {
		const r = await runCli('score', args);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('usage: npm run score');
	});

	it('an unknown --norm → exit 2 listing the norms', async () => {
		const r = await runCli('score', [Q, CSV, '--norm', 'nope']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('no scale of psych-fixture has a norm "nope" (norms: general, students)');
	});

	it('a missing file → exit 1 naming it', async () => {
		const r = await runCli('score', [Q, '/nonexistent/responses.csv']);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('/nonexistent/responses.csv');
	});
});
