// Loading LABOUR_MARKET_DIR: a table in the documented format (a test fixture of invented, Danish-style figures)
// loads and gives its figures for the chosen area beside the shipped BLS table; a broken table is refused
// alone, each problem with its file, line and reason.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { formatTableProblems, loadLabourMarketTables } from './labour-market';
import { loadOpportunitySets } from './opportunities';
import { factsFor } from '../../core/labour-market/facts';

const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/labour-market/', import.meta.url));
const shipped = fileURLToPath(new URL('../../../../labour-market/', import.meta.url));
const onet = loadOpportunitySets(fileURLToPath(new URL('../../../../opportunities/', import.meta.url))).sets.get('onet-29-3')!;

describe('loadLabourMarketTables', () => {
	it('loads the fixture and refuses the broken table with file, line and reason', () => {
		const { tables, refused } = loadLabourMarketTables(fixtures);
		expect(tables.map((t) => [t.id, t.illustrative, t.rows.length])).toEqual([['dk-example', true, 7]]);
		expect(formatTableProblems(refused)).toEqual([
			'broken.csv line 3, column value: value "612.000 kr" is not a number (use a point as decimal mark, no thousands separators; ">=" marks a floor)',
			"broken.csv line 4, column area: area \"DK-99\" is not in the sidecar's areas (DK)"
		]);
	});

	it("shows the fixture's figures for the chosen area, with the BLS figures beside them", () => {
		const tables = [...loadLabourMarketTables(shipped).tables, ...loadLabourMarketTables(fixtures).tables];
		const developers = onet.opportunities.find((o) => o.id === '15-1252.00')!; // ISCO 2512 in the set
		const capital = factsFor(developers, tables, 'DK-84', 'da');
		expect(capital.map((g) => [g.tableId, g.areaName, g.prospects?.value ?? null, g.changePct?.value ?? null])).toEqual([
			['dk-example', 'Region Hovedstaden', 'very-good', null],
			['bls-ep-2024-34', 'USA', null, 15.8]
		]);
		const north = factsFor(developers, tables, 'DK-81', 'da');
		expect(north[0]).toMatchObject({ areaName: 'Region Nordjylland', prospects: { value: 'good', period: '2025-H2' }, illustrative: true });
		const nurses = onet.opportunities.find((o) => o.id === '29-1141.00')!;
		// The fixture's latest period for nurses in the capital region (2025-H2), not the older one.
		expect(factsFor(nurses, tables, 'DK-84', 'en')[0]).toMatchObject({ area: 'DK-84', prospects: { value: 'very-good', period: '2025-H2' } });
	});
});
