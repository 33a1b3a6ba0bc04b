// One occupation's page for a client (docs/labour-market.md): the set's data, the client's fit with it and the
// labour-market figures for the chosen area. Read-only; keeping it on the shortlist is shortlist.ts.
import type { Db } from '../db';
import type { MatchSources } from './export';
import { loadProfile } from './profile';
import { listShortlist } from '../repositories/shortlist';
import { buildOccupationView, type OccupationView } from '$lib/core/matching/occupation-view';
import { rankedWorkValues } from '$lib/core/matching/work-values';
import { areasOf } from '$lib/core/labour-market/facts';
import { err, ok, type Result } from '$lib/result';

export async function occupationViewFor(
	db: Db,
	sources: MatchSources,
	userId: string,
	locale: string,
	setId: string,
	id: string,
	area: string | null
): Promise<Result<{ view: OccupationView; kept: boolean; areas: { code: string; name: string }[]; area: string | null }>> {
	const set = sources.opportunities.sets.get(setId);
	if (!set) return err('occ.unknown');
	const { tables } = sources.labourMarket;
	const areas = areasOf(tables, locale);
	const chosen = area && areas.some((a) => a.code === area) ? area : null;
	const profile = await loadProfile(db, userId);
	const view = buildOccupationView({ set, id, dimensions: profile.dimensions, workValues: rankedWorkValues(profile.latest), locale, labourMarket: { tables, area: chosen } });
	if (!view) return err('occ.unknown');
	const kept = (await listShortlist(db, userId)).some((r) => r.set_id === setId && r.opportunity_id === id);
	return ok({ view, kept, areas, area: chosen });
}
