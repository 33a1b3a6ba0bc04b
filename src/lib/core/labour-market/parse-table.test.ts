// Labour-market tables (docs/labour-market.md): the format's checks, one by one, and the shipped BLS table
// against figures read off the BLS source file by hand.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLabourMarketTable } from './parse-table.ts';

const side = { title: 'Demo', shortSource: 'Demo 2025', source: 'Demo source', url: 'https://example.org/lmi', licence: 'CC BY 4.0', areas: { DK: 'Denmark', 'DK-84': 'Capital Region' }, defaultArea: 'DK' };
const HEAD = 'code_system,code,indicator,value,unit,area,period';

function problemsOf(csv: string, sidecar: unknown = side) {
	const r = parseLabourMarketTable(csv, sidecar, 'demo.csv');
	if (r.ok) throw new Error('expected a refusal');
	return r.problems;
}

describe('parseLabourMarketTable', () => {
	it('reads figures with the sidecar as default source, url and licence, and a ">=" floor', () => {
		const r = parseLabourMarketTable(`${HEAD},source\nisco,2512,job_prospects,very-good,rating,DK-84,2025-H2,\nsoc,29-1023,median_wage_annual,>=239200,USD,DK,2024,Other source\n`, side, 'dir/demo.csv');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.table.id).toBe('demo');
		expect(r.table.rows).toEqual([
			{ codeSystem: 'isco', code: '2512', indicator: 'job_prospects', value: 'very-good', unit: 'rating', area: 'DK-84', period: '2025-H2', source: 'Demo source', url: 'https://example.org/lmi', licence: 'CC BY 4.0', line: 2 },
			{ codeSystem: 'soc', code: '29-1023', indicator: 'median_wage_annual', value: 239200, atLeast: true, unit: 'USD', area: 'DK', period: '2024', source: 'Other source', url: 'https://example.org/lmi', licence: 'CC BY 4.0', line: 3 }
		]);
	});

	it('refuses bad rows, each with the file, line, column and reason', () => {
		const problems = problemsOf(
			[
				HEAD,
				'isco,25120,job_prospects,good,rating,DK,2025-H2',
				'soc,15-1252,median_wage_annual,"612,000",00,DK,2024',
				'isco,2512,job_prospects,great,rating,DK,2025-H2',
				'isco,2512,job_prospects,good,rating,DK-99,2025',
				'isco,2512,job_prospects,good,rating,DK,last year',
				'nace,62,employment,5,persons,DK,2024',
				'isco,2221,employment,5,persons,DK,2024',
				'isco,2221,employment,6,persons,DK,2024',
				'isco,2221,openings'
			].join('\n')
		);
		expect(problems).toEqual([
			{ file: 'demo.csv', row: 2, column: 'code', message: '"25120" is not a isco code (1–4 digits)' },
			{ file: 'demo.csv', row: 3, column: 'unit', message: 'unit "00" does not fit median_wage_annual (expected a currency code such as USD or DKK)' },
			{ file: 'demo.csv', row: 3, column: 'value', message: 'value "612,000" is not a number (use a point as decimal mark, no thousands separators; ">=" marks a floor)' },
			{ file: 'demo.csv', row: 4, column: 'value', message: 'value "great" is not one of very-good, good, limited' },
			{ file: 'demo.csv', row: 5, column: 'area', message: `area "DK-99" is not in the sidecar's areas (DK, DK-84)` },
			{ file: 'demo.csv', row: 6, column: 'period', message: 'period "last year" is not a year (2024), a span (2024-2034) or a half or quarter year (2025-H1, 2025-Q3)' },
			{ file: 'demo.csv', row: 7, column: 'code_system', message: 'code_system "nace" is not one of onet-soc, soc, isco, esco' },
			{ file: 'demo.csv', row: 9, message: 'a second employment for 2221, DK, 2024 (first on line 8)' },
			{ file: 'demo.csv', row: 10, message: 'has 3 cells, but the header has 7 columns' }
		]);
	});

	it('refuses a header with an unknown or missing column, and a sidecar without areas, naming each', () => {
		expect(problemsOf('code_system,code,indicator,value,unit,area,period,region\n')).toContainEqual({ file: 'demo.csv', row: 1, column: 'region', message: expect.stringContaining('unknown column "region"') });
		expect(problemsOf('code_system,code,indicator,value,unit,area\n')).toContainEqual({ file: 'demo.csv', row: 1, column: 'period', message: 'required column "period" is missing' });
		const bad = problemsOf(`${HEAD}\n`, { ...side, areas: {}, licence: '' });
		expect(bad.map((p) => [p.file, p.column])).toEqual([['demo.json', 'licence'], ['demo.json', 'areas'], ['demo.json', 'defaultArea']]);
	});
});

describe('the shipped BLS table', () => {
	const dir = fileURLToPath(new URL('../../../../labour-market/', import.meta.url));
	const r = parseLabourMarketTable(readFileSync(dir + 'bls-ep-2024-34.csv', 'utf8'), JSON.parse(readFileSync(dir + 'bls-ep-2024-34.json', 'utf8')), 'bls-ep-2024-34.csv');
	if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
	const rows = r.table.rows;

	it('has every BLS row (1,113 codes) and, for software developers, the figures of BLS table 1.2', () => {
		expect(new Set(rows.map((x) => x.code)).size).toBe(1113);
		const dev = Object.fromEntries(rows.filter((x) => x.code === '15-1252').map((x) => [x.indicator, x.value]));
		// BLS table 1.2, row "Software developers": 1,693.8 thousand (2024), +15.8 %, 115.2 thousand openings, $133,080.
		expect(dev).toEqual({ employment: 1693800, employment_change_pct: 15.8, openings_annual: 115200, median_wage_annual: 133080, entry_education: "Bachelor's degree", work_experience: 'None', on_the_job_training: 'None' });
		expect(rows.find((x) => x.code === '29-1023' && x.indicator === 'median_wage_annual')).toMatchObject({ value: 239200, atLeast: true });
		expect(rows.every((x) => x.area === 'US' && x.source.startsWith('U.S. Bureau of Labor Statistics'))).toBe(true);
	});
});
