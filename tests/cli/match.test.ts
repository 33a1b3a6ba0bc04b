// `npm run match` spawned for real (tsx): reads profile exports, prints the ranked matches with the
// fit unrounded, and fails clearly on bad input (exit 1) and bad usage (exit 2).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/core/csv/parse.ts';
import { buildProfile } from '../../src/lib/core/profile/build.ts';
import { buildProfileExport } from '../../src/lib/core/profile/export.ts';
import type { Questionnaire } from '../../src/lib/core/questionnaire/types.ts';
import { scoreResponse } from '../../src/lib/core/scoring/score.ts';
import { CLI, root, tempFile, type CliResult } from './run-cli.ts';

function runMatch(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
	return new Promise((resolve) => {
		execFile(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/match.ts'), ...args], { cwd: root, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
			resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
		});
	});
}

const riasecQ = JSON.parse(readFileSync(join(root, 'questionnaires/riasec-48.json'), 'utf8')) as Questionnaire;
const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'];
function exportFor(subjectId: string, scores: number[]) {
	const answers = Object.fromEntries(TYPES.flatMap((t, k) => Array.from({ length: 8 }, (_, i) => [`${t}${i + 1}`, scores[k]])));
	const result = scoreResponse(riasecQ, answers);
	const profile = buildProfile([{ responseId: 'r', instrumentId: 'riasec-48', version: '1.0.0', completedAt: '2026-11-20T09:00:00.000Z', questionnaire: riasecQ, result }]);
	return buildProfileExport({ subjectId, locale: 'en', profile, generatedAt: new Date('2026-11-26T10:00:00Z'), opportunities: null });
}

// Independent of the app: read the O*NET CSV and compute Pearson's r by the textbook formula.
const onet = parseCsv(readFileSync(join(root, 'opportunities/onet-29-3.csv'), 'utf8'));
const col = (name: string) => onet.header.indexOf(name);
function r(x: number[], y: number[]) {
	const mx = x.reduce((a, b) => a + b) / x.length;
	const my = y.reduce((a, b) => a + b) / y.length;
	let sxy = 0, sxx = 0, syy = 0;
	for (let i = 0; i < x.length; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) ** 2;
		syy += (y[i] - my) ** 2;
	}
	return sxy / Math.sqrt(sxx * syy);
}
function expectedTop(scores: number[], n: number, level?: number) {
	return onet.rows
		.map(({ cells }) => ({ id: cells[col('id')], level: Number(cells[col('level')]), fit: r(scores, TYPES.map((t) => Number(cells[col(t)]))) }))
		.filter((o) => level === undefined || o.level === level)
		.sort((a, b) => b.fit - a.fit)
		.slice(0, n);
}

const social = [2, 3, 4, 5, 3, 2];
const investigative = [3, 5, 2, 1, 2, 4];
const socialFile = tempFile('social.json', JSON.stringify(exportFor('u-social', social)));

describe.concurrent('npm run match', CLI, () => {
	it('prints the top 10 O*NET matches of one profile with the fit unrounded', async () => {
		const out = await runMatch([socialFile]);
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		const list = JSON.parse(out.stdout);
		expect(list).toHaveLength(10);
		expect(Object.keys(list[0])).toEqual(['id', 'title', 'fit', 'agreement', 'why', 'level']);
		const want = expectedTop(social, 10);
		expect(list.map((m: { id: string }) => m.id).slice(0, 3)).toEqual(want.map((w) => w.id).slice(0, 3));
		for (const m of list) {
			const w = expectedTop(social, 923).find((x) => x.id === m.id)!;
			expect(m.fit).toBeCloseTo(w.fit, 12); // unrounded: equal to full precision, not to 2 or 3 decimals
		}
		expect(list[0].why).toContain('S');
		expect(Number.isInteger(list[0].level)).toBe(true);
	});

	it('reads an array of profiles and filters by --level and --top', async () => {
		const file = tempFile('two.json', JSON.stringify([exportFor('a', social), exportFor('b', investigative)]));
		const out = await runMatch([file, '--level', '2', '--top', '3']);
		expect(out.code).toBe(0);
		const lists = JSON.parse(out.stdout);
		expect(lists).toHaveLength(2);
		expect(lists.map((l: { id: string }[]) => l.map((m) => m.id))).toEqual([
			expectedTop(social, 3, 2).map((w) => w.id),
			expectedTop(investigative, 3, 2).map((w) => w.id)
		]);
		for (const l of lists) for (const m of l) expect(m.level).toBe(2);
	});

	it('matches a profile from another service that has no matches field (and ignores a shortlist)', async () => {
		const { matches: _drop, ...rest } = exportFor('u-other', investigative);
		const doc = { ...rest, shortlist: [{ set: 'onet-29-3', id: '15-1252.00', title: 'Software Developers', addedAt: '2026-11-30T10:00:00Z' }] };
		expect('matches' in doc).toBe(false);
		const out = await runMatch([tempFile('no-matches.json', JSON.stringify(doc)), '--top', '3']);
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		expect(JSON.parse(out.stdout).map((m: { id: string }) => m.id)).toEqual(expectedTop(investigative, 3).map((w) => w.id));
	});

	it('matches against another set with --set', async () => {
		const out = await runMatch([socialFile, '--set', 'danish-education-examples', '--top', '2']);
		expect(out.code).toBe(0);
		const list = JSON.parse(out.stdout);
		expect(list).toHaveLength(2);
		expect(list[0].id).toMatch(/^[a-z0-9-]+$/);
	});

	it('gives a flat profile [] and says why on stderr', async () => {
		const file = tempFile('flat.json', JSON.stringify(exportFor('u-flat', [3, 3, 3, 3, 3, 3])));
		const out = await runMatch([file]);
		expect(out.code).toBe(0);
		expect(JSON.parse(out.stdout)).toEqual([]);
		expect(out.stderr).toContain('(subject u-flat): flat-profile: Your interest scores are nearly equal');
	});

	it.each([
		['no file', [], /expected 1 file arguments, got 0\nusage: npm run match/],
		['an unknown option', ['x.json', '--nope'], /Unknown option '--nope'/],
		['a bad --top', ['x.json', '--top', '0'], /--top must be a whole number of at least 1 \(got "0"\)/],
		['a bad --level', ['x.json', '--level', 'two'], /--level must be a whole number \(got "two"\)/],
		['an unknown set', ['x.json', '--set', 'nope'], /--set: no opportunity set "nope" in \.\/opportunities \(sets: danish-education-examples, onet-29-3\)/]
	])('exits 2 on %s', async (_, args, message) => {
		const out = await runMatch(args as string[]);
		expect(out.code).toBe(2);
		expect(out.stderr).toMatch(message);
		expect(out.stdout).toBe('');
	});

	it.each([
		['a missing file', () => '/nonexistent/profile.json', /ENOENT.*\/nonexistent\/profile.json/],
		['invalid JSON', () => tempFile('bad.json', '{"schema": '), /bad.json: not valid JSON/],
		['a document that is not a profile export', () => tempFile('other.json', JSON.stringify({ hello: 1 })), /other.json \$: must have required property 'schema'/],
		[
			'a profile with a wrong type inside an array',
			() => {
				const broken = exportFor('b', social) as unknown as { dimensions: Record<string, { score: unknown }> };
				broken.dimensions['riasec.R'].score = 'high';
				return tempFile('arr.json', JSON.stringify([exportFor('a', social), broken]));
			},
			/arr.json \[1\] \$.dimensions.riasec.R.score: must be number/
		]
	])('exits 1 on %s, naming it', async (_, file, message) => {
		const out = await runMatch([file()]);
		expect(out.code).toBe(1);
		expect(out.stderr).toMatch(message);
		expect(out.stdout).toBe('');
	});
});
