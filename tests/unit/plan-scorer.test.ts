// The fast batch path (byte CSV reader + scoring plan) against the per-response path it replaces in
// `npm run score`: the same bytes out, the same errors and warnings, for every way of cutting the input
// into chunks. The per-response path is itself checked against R psych (psych-fixture.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPlanScorer } from '../../src/lib/core/batch/plan-scorer.ts';
import { BatchError, batchCsvColumns, batchCsvRow, createResponseReader, toBatchResult, type ResponseReader } from '../../src/lib/core/batch/index.ts';
import { createCsvParser, CsvError, type CsvRow } from '../../src/lib/core/csv/parse.ts';
import type { Questionnaire } from '../../src/lib/core/questionnaire/types.ts';
import { compileScoringPlan, PLAN_FIELDS, scorePlanRows } from '../../src/lib/core/scoring/plan.ts';
import { scoreResponse } from '../../src/lib/core/scoring/score.ts';
import { mulberry32 } from '../../bench/lib/stats.ts';

const dir = new URL('../fixtures/psych/', import.meta.url);
const fixtureQ = JSON.parse(readFileSync(new URL('psych-fixture.json', dir), 'utf8')) as Questionnaire;
const fixtureCsv = readFileSync(new URL('responses.csv', dir), 'utf8');
const bigFive = JSON.parse(readFileSync(new URL('../../questionnaires/big-five-ipip-50.json', import.meta.url), 'utf8')) as Questionnaire;

interface Run {
	output: string;
	error?: string;
	warnings: string[];
}

type Options = { norm?: string; format?: 'json' | 'csv'; lenient?: boolean };

/** What scripts/score.ts printed before the plan: the response reader, scoreResponse and the formatters. */
function perResponse(q: Questionnaire, text: string, options: Options = {}): Run {
	const format = options.format ?? 'json';
	let out = '';
	let reader: ResponseReader | undefined;
	try {
		const records: CsvRow[] = [];
		const parser = createCsvParser((r) => records.push(r));
		parser.push(text);
		parser.end();
		for (const record of records) {
			if (!reader) {
				reader = createResponseReader(record, q, { lenient: options.lenient });
				continue;
			}
			const { id, answers } = reader.read(record);
			const result = toBatchResult(id, scoreResponse(q, answers, { norm: options.norm }));
			const first = reader.count === 1;
			if (format === 'csv') out += `${first ? `${batchCsvColumns(q).join(',')}\n` : ''}${batchCsvRow(q, result)}\n`;
			else out += `${first ? '[\n' : ',\n'}${JSON.stringify(result)}`;
		}
		if (!reader) throw new BatchError({ row: 1, message: 'the file is empty; expected a header row of element names' });
		reader.finish();
		if (format === 'json') out += '\n]\n';
	} catch (e) {
		if (!(e instanceof BatchError || e instanceof CsvError)) throw e;
		return { output: '', error: e.message, warnings: [] };
	}
	return { output: out, warnings: reader.warnings.map((w) => `${w.row} ${w.column}: ${w.message}`) };
}

const decoder = new TextDecoder();

/** The plan scorer fed `bytes` in chunks of `size` bytes. */
function planned(q: Questionnaire, bytes: Uint8Array, size: number, options: Options = {}): Run {
	const scorer = createPlanScorer(q, options);
	if (!scorer) throw new Error('no plan');
	let out = '';
	try {
		for (let i = 0; i < bytes.length; i += size) out += decoder.decode(scorer.push(bytes.subarray(i, i + size)));
		out += decoder.decode(scorer.end());
	} catch (e) {
		if (!(e instanceof BatchError || e instanceof CsvError)) throw e;
		return { output: '', error: e.message, warnings: [] };
	}
	return { output: out, warnings: scorer.warnings.map((w) => `${w.row} ${w.column}: ${w.message}`) };
}

const encoder = new TextEncoder();

function expectSame(q: Questionnaire, text: string, options: Options = {}, sizes = [1, 2, 3, 5, 17, 64, 1 << 20]) {
	const want = perResponse(q, text, options);
	const bytes = encoder.encode(text);
	for (const size of sizes) expect({ size, ...planned(q, bytes, size, options) }).toEqual({ size, ...want });
	return want;
}

const header = 'id,a1,a2,a3,a4,a5,a6,b1,b2,b3,b4,b5';

describe('plan scorer = per-response scoring, byte for byte', () => {
	it.each([
		['JSON, default norm', {}],
		['JSON, --norm students', { norm: 'students' }],
		['CSV', { format: 'csv' as const }]
	])('the R fixture (%s)', (_, options) => {
		const want = expectSame(fixtureQ, fixtureCsv, options, [7, 4096, 1 << 20]);
		expect(want.output.length).toBeGreaterThan(10_000);
		expect(want.error).toBeUndefined();
	});

	it('BOM, CRLF, lone CR, empty lines and a trailing line without a break', () => {
		const text = `\uFEFF${header}\r\n\r\np1,1,2,3,4,5,1,0,1,2,3,4\rp2,5,4,3,2,1,,4,3,2,1,0\n\n\np3,,,,,,,,,,,`;
		const want = expectSame(fixtureQ, text);
		expect(JSON.parse(want.output).map((r: { id: string }) => r.id)).toEqual(['p1', 'p2', 'p3']);
	});

	it('quoted cells, a quoted line break in an id, non-ASCII and JSON-escaped ids', () => {
		const text = `${header}\n"p""1",1,2,3,4,5,1,0,1,2,3,4\n"line\r\nbreak","3",2,3,4,5,1,0,1,2,3,4\nÆblegrød ø,1,2,3,4,5,1,0,1,2,3,4\n" spaced ",1,2,3,4,5,1,0,1,2,3,4\n`;
		const want = expectSame(fixtureQ, text);
		expect(JSON.parse(want.output).map((r: { id: string }) => r.id)).toEqual(['p"1', 'line\r\nbreak', 'Æblegrød ø', 'spaced']);
	});

	it('numbers written unusually are read as the per-response reader reads them', () => {
		const text = `${header}\np1, 3 ,3.0,+3,03,3e0,"2",0,1,2,3,4\np2,  ,1,1,1,1,1,0,0,0,0,0\n`;
		const want = expectSame(fixtureQ, text);
		expect(JSON.parse(want.output)[0].scales.a.answered).toBe(6);
		expect(JSON.parse(want.output)[1].scales.a.answered).toBe(5);
	});

	it('without an id column, rows are r1, r2, …', () => {
		const want = expectSame(fixtureQ, 'a1,b1\n1,0\n2,4\n', {}, [1, 3, 100]);
		expect(JSON.parse(want.output).map((r: { id: string }) => r.id)).toEqual(['r1', 'r2']);
	});

	it.each([
		['a bad cell', `${header}\np1,1,2,3,4,5,1,0,1,2,3,4\np2,1,x,3,4,5,1,0,1,2,3,4\n`, /line 3, column "a2": "x" is not a number/],
		['a bad cell after CRLF, CR and quoted line breaks', `${header}\r\n"p\r\n1",1,2,3,4,5,1,0,1,2,3,4\r\rp2,1,2,3,4,5,1,0,1,2,3,4\r\np3,?,2,3,4,5,1,0,1,2,3,4\n`, /line 6, column "a1": "\?" is not a number/],
		['a value out of range', `${header}\np1,1,2,3,4,5,1,0,5,2,3,4\n`, /line 2, column "b2": "5" is not one of the allowed values 0, 1, 2, 3, 4/],
		['a ragged row before its bad cell', `${header}\np1,x,2,3,4,5,1,0,1,2,3\n`, /line 2: has 11 cells but the header has 12 columns/],
		['an empty id', `${header}\n ,1,2,3,4,5,1,0,1,2,3,4\n`, /line 2, column "id": the id is empty/],
		['a duplicate id', `${header}\np1,1,2,3,4,5,1,0,1,2,3,4\np1,1,2,3,4,5,1,0,1,2,3,4\n`, /line 3, column "id": duplicate id "p1"/],
		['an unknown column', 'id,a1,zz\np1,1,2\n', /line 1, column "zz": unknown column/],
		['text after a closing quote', `${header}\n"p1"x,1,2,3,4,5,1,0,1,2,3,4\n`, /line 2: unexpected character "x" after a closing quote/],
		['a quote never closed', `${header}\np1,1,2,3,4,5,1,0,1,2,3,4\n"p2,1\n\n`, /line 3: a quoted field is never closed/],
		['an empty file', '', /line 1: the file is empty/],
		['only blank lines', '\n\r\n\n', /line 1: the file is empty/],
		['a header only', `\n${header}\n`, /line 2: the file has a header but no responses/]
	])('%s: the same error', (_, text, message) => {
		const want = expectSame(fixtureQ, text);
		expect(want.error).toMatch(message);
	});

	it('--lenient: the same rows and warnings, in file order', () => {
		const text = `id,a1,a2,zz,b1,b2\nx1,9,2,?,0,two\nx2,1, ,,4,5\n`;
		const want = expectSame(fixtureQ, text, { lenient: true });
		expect(want.warnings).toEqual([
			'1 zz: unknown column: psych-fixture has no question named "zz"; column ignored',
			'2 a1: "9" is not one of the allowed values 1, 2, 3, 4, 5; treated as missing',
			'2 b2: "two" is not a number; treated as missing',
			'3 b2: "5" is not one of the allowed values 0, 1, 2, 3, 4; treated as missing'
		]);
	});

	it('big-five-ipip-50: 2,000 generated respondents, JSON and CSV', () => {
		const random = mulberry32(11);
		const items = bigFive.scoring!.scales!.flatMap((s) => s.items);
		let text = `id,${items.join(',')}\n`;
		for (let r = 1; r <= 2000; r++) {
			text += `p${r}`;
			for (let i = 0; i < items.length; i++) text += random() < 0.1 ? ',' : `,${1 + Math.floor(random() * 5)}`;
			text += '\n';
		}
		expectSame(bigFive, text, {}, [4096, 1 << 20]);
		expectSame(bigFive, text, { format: 'csv', norm: 'openpsychometrics-nordic' }, [1 << 20]);
	});
});

describe('compileScoringPlan', () => {
	it('scorePlanRows gives the numbers of scoreResponse', () => {
		const plan = compileScoringPlan(bigFive)!;
		const random = mulberry32(5);
		const rows = 500;
		const values = new Float64Array(rows * plan.items.length).map(() => (random() < 0.1 ? NaN : 1 + Math.floor(random() * 5)));
		const out = new Float64Array(rows * plan.scales.length * PLAN_FIELDS);
		scorePlanRows(plan, values, rows, out);
		let unscored = 0;
		for (let r = 0; r < rows; r++) {
			const answers = Object.fromEntries(
				plan.items.map((item, i) => [item, values[r * plan.items.length + i]] as const).filter(([, v]) => !Number.isNaN(v))
			);
			scoreResponse(bigFive, answers).scales.forEach((s, i) => {
				const got = out.subarray((r * plan.scales.length + i) * PLAN_FIELDS, (r * plan.scales.length + i + 1) * PLAN_FIELDS);
				const nan = (x: number | null | undefined) => x ?? NaN;
				expect([...got]).toEqual([nan(s.score), s.answered, nan(s.z), nan(s.t), nan(s.percentile), nan(s.sten)]);
				if (s.score === null) unscored++;
			});
		}
		expect(unscored).toBeGreaterThan(0); // minAnswered 8 of 10 with 10 % missing: some scales go unscored
	});

	it('leaves a scale with a property it does not know to scoreResponse', () => {
		const q = structuredClone(fixtureQ);
		(q.scoring!.scales![0] as unknown as Record<string, unknown>).valueFrom = 'score';
		expect(compileScoringPlan(q)).toBeUndefined();
		expect(createPlanScorer(q)).toBeUndefined();
	});

	it('throws on a value outside the range, as scoreScale does', () => {
		const plan = compileScoringPlan(fixtureQ)!;
		const values = new Float64Array(plan.items.length).fill(1);
		values[0] = 9;
		expect(() => scorePlanRows(plan, values, 1, new Float64Array(plan.scales.length * PLAN_FIELDS))).toThrow(
			'a: item a1 has the answer 9, outside the range [1, 5]'
		);
	});
});
