// Example data is not offered to clients by default: the shipped illustrative education set and the test
// fixture's invented labour-market table are held back, the real ones stay.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { holdBackIllustrative } from './illustrative';
import { loadOpportunitySets } from './opportunities';
import { loadLabourMarketTables } from './labour-market';

const root = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));

describe('holdBackIllustrative', () => {
	it('holds back the sets and tables marked illustrative and keeps the rest', () => {
		const opportunities = loadOpportunitySets(root('opportunities/'));
		const labourMarket = loadLabourMarketTables(root('labour-market/'));
		labourMarket.tables.push(...loadLabourMarketTables(root('tests/fixtures/labour-market/')).tables);
		expect([...opportunities.sets.keys()]).toEqual(['danish-education-examples', 'onet-29-3']);
		const held = holdBackIllustrative(opportunities, labourMarket);
		expect(held).toEqual({ sets: ['danish-education-examples'], tables: ['dk-example'] });
		expect([...opportunities.sets.keys()]).toEqual(['onet-29-3']);
		expect(opportunities.defaultId).toBe('onet-29-3');
		expect(labourMarket.tables.map((t) => t.id)).toEqual(['bls-ep-2024-34']);
	});
});
