// Example data is not offered to clients unless the operator chooses it (ILLUSTRATIVE_DATA=1): opportunity
// sets and labour-market tables whose sidecar says "illustrative": true are held back at start.
import type { LabourMarketTables } from './labour-market';
import type { OpportunitySets } from './opportunities';

/** Removes illustrative sets and tables (in place) and returns what was held back, for the start-up log. */
export function holdBackIllustrative(opportunities: OpportunitySets, labourMarket: LabourMarketTables): { sets: string[]; tables: string[] } {
	const sets = [...opportunities.sets.values()].filter((s) => s.illustrative).map((s) => s.id);
	for (const id of sets) opportunities.sets.delete(id);
	if (opportunities.defaultId && !opportunities.sets.has(opportunities.defaultId)) opportunities.defaultId = opportunities.sets.keys().next().value;
	const tables = labourMarket.tables.filter((t) => t.illustrative).map((t) => t.id);
	labourMarket.tables = labourMarket.tables.filter((t) => !t.illustrative);
	return { sets, tables };
}
