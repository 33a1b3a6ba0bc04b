// Labour-market facts for one occupation: which code of which table is used, the area choice, and the derived
// growth words and bright-outlook mark, against values worked by hand from BLS table 1.2.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLabourMarketTable } from './parse-table.ts';
import { factsFor, growthBand } from './facts.ts';
import type { LabourMarketTable } from './types.ts';

const dir = fileURLToPath(new URL('../../../../labour-market/', import.meta.url));
function table(csv: string, sidecar: unknown, file: string): LabourMarketTable {
	const r = parseLabourMarketTable(csv, sidecar, file);
	if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
	return r.table;
}
const bls = table(readFileSync(dir + 'bls-ep-2024-34.csv', 'utf8'), JSON.parse(readFileSync(dir + 'bls-ep-2024-34.json', 'utf8')), 'bls-ep-2024-34.csv');
const local = table(
	'code_system,code,indicator,value,unit,area,period\nisco,2512,job_prospects,very-good,rating,DK-84,2025-H2\nisco,2512,job_prospects,limited,rating,DK,2025-H2\nisco,2512,job_prospects,good,rating,DK,2025-H1\n',
	{ title: 'Local', shortSource: 'Local 2025', source: 'Local office', licence: 'MIT', areas: { DK: 'Denmark', 'DK-84': 'Capital Region' }, defaultArea: 'DK' },
	'local.csv'
);

describe('growthBand', () => {
	it('words growth against the all-occupations rate (3.1 % for BLS 2024–34)', () => {
		expect([-0.1, 0, 2.0, 2.1, 4.0, 4.1, 6.1, 6.2, 15.8].map((x) => growthBand(x, 3.1))).toEqual(['declining', 'slower', 'slower', 'average', 'average', 'faster', 'faster', 'much-faster', 'much-faster']);
	});
});

describe('factsFor', () => {
	it("gives an occupation its own SOC code's figures, with growth in words and the derived bright outlook", () => {
		const [g] = factsFor({ id: '15-1252.00' }, [bls], null, 'en');
		expect(g.via).toEqual({ codeSystem: 'soc', code: '15-1252', label: 'Software developers', kind: 'same' });
		expect([g.area, g.areaName, g.shortSource]).toEqual(['US', 'USA', 'BLS 2024–34']);
		expect(g.changePct).toEqual({ value: 15.8, period: '2024-2034' });
		expect(g.openings).toEqual({ value: 115200, period: '2024-2034' });
		expect(g.wage).toEqual({ value: 133080, period: '2024', currency: 'USD' });
		expect(g.entryEducation).toBe("Bachelor's degree");
		// 15.8 ≥ 2 × 3.1: much faster than average, and so a bright outlook.
		expect([g.referenceChangePct, g.growth, g.brightOutlook]).toEqual([3.1, 'much-faster', true]);
	});

	it('marks a bright outlook from openings alone, and none for a slow-growing occupation with few openings', () => {
		// BLS table 1.2: Cashiers (41-2011) −9.9 % but 542.6 thousand openings a year; Chief executives (11-1011)
		// +4.3 % (≥ 3.1 + 1: faster than average, < 6.2) and 22.2 thousand openings.
		const cashiers = factsFor({ id: '41-2011.00' }, [bls], null, 'en')[0];
		expect([cashiers.growth, cashiers.openings?.value, cashiers.brightOutlook]).toEqual(['declining', 542600, true]);
		const ceo = factsFor({ id: '11-1011.00' }, [bls], null, 'en')[0];
		expect([ceo.growth, ceo.brightOutlook]).toEqual(['faster', false]);
	});

	it('falls back to the SOC broad group, then the minor group, when BLS projects the occupation only in aggregate', () => {
		expect(factsFor({ id: '13-1021.00' }, [bls], null, 'en')[0].via).toEqual({ codeSystem: 'soc', code: '13-1020', label: 'Buyers and purchasing agents', kind: 'group' });
		expect(factsFor({ id: '53-1042.01' }, [bls], null, 'en')[0].via).toMatchObject({ codeSystem: 'soc', code: '53-1000', kind: 'group' });
	});

	it("shows a local table's figures for the chosen area first, the latest period, and the default area otherwise", () => {
		const o = { id: '15-1252.00', isco: ['2512'] };
		const capital = factsFor(o, [bls, local], 'DK-84', 'en');
		expect(capital.map((g) => [g.tableId, g.area])).toEqual([['local', 'DK-84'], ['bls-ep-2024-34', 'US']]);
		expect(capital[0].prospects).toEqual({ value: 'very-good', period: '2025-H2' });
		expect(capital[0].via).toEqual({ codeSystem: 'isco', code: '2512', kind: 'group' });
		const none = factsFor(o, [bls, local], null, 'en');
		expect(none.map((g) => [g.tableId, g.area, g.prospects?.value])).toEqual([['bls-ep-2024-34', 'US', undefined], ['local', 'DK', 'limited']]);
	});
});
