// The profile export (docs/profile-export.md) and the matches (docs/opportunity-sets.md) of one person, for their own pages and download,
// a counsellor's report and export of a client who shares, and the API. Callers check access first.
// What the process loaded (questionnaires, opportunity sets) and the service's time zone come in as
// `ExportSources` from the route: services never read the app's state (app.ts) themselves.
import { buildProfileExport, type ProfileExport } from '$lib/core/profile/export';
import { profileExportCsv } from '$lib/core/profile/export-csv';
import type { OpportunitySet } from '$lib/core/opportunities/types';
import { buildMatchesView, type MatchesView } from '$lib/core/matching/matches-view';
import { rankedWorkValues } from '$lib/core/matching/work-values';
import type { Db } from '../db';
import type { Registry } from '../questionnaires/registry';
import type { OpportunitySets } from './opportunities';
import type { LabourMarketTables } from './labour-market';
import { isoDay } from '$lib/time';
import { othersViewForExport } from '../others/others-summary';
import { loadProfile } from './profile';
import { exportShortlist, loadShortlist } from './shortlist';
import { exportDecisionFor } from './decision';
import { insertAuditEvent } from '../repositories/audit';

export { profileExportCsv };
export type { ProfileExport, MatchesView };

/** What an export reads besides the database: the loaded questionnaires and opportunity sets, and the time zone. */
export interface ExportSources {
	registry: Registry;
	opportunities: OpportunitySets;
	timeZone: string;
}

/** The default opportunity set (O*NET when it loaded), or null when no set loaded. */
function defaultOpportunitySet({ sets, defaultId }: OpportunitySets): OpportunitySet | null {
	return defaultId ? (sets.get(defaultId) ?? null) : null;
}

/** The v1 export document of `userId`, band labels in `locale`, matches from the default set. */
export async function profileExportFor(
	db: Db,
	src: ExportSources,
	userId: string,
	locale: string,
	now = new Date(),
	opportunities: OpportunitySet | null = defaultOpportunitySet(src.opportunities)
): Promise<ProfileExport> {
	const profile = await loadProfile(db, userId);
	const shortlist = exportShortlist(await loadShortlist(db, src.opportunities.sets, userId, locale));
	const decision = await exportDecisionFor(db, src.opportunities.sets, userId, locale);
	const doc = buildProfileExport({ subjectId: userId, locale, profile, generatedAt: now, opportunities, shortlist, decision });
	const othersView = await othersViewForExport(db, src.registry, userId);
	return othersView ? { ...doc, othersView } : doc;
}

/** `spejl-profile-2026-11-26.json`: a file name for a download (ASCII only), dated in the service's time zone. */
export function exportFileName(kind: 'json' | 'csv', now: Date, who: string, timeZone: string): string {
	const safe = who.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
	return `spejl-${safe}-${isoDay(now, timeZone)}.${kind}`;
}

/** Headers for an export download: attachment, no caching (personal data). */
export function downloadHeaders(kind: 'json' | 'csv', fileName: string): Record<string, string> {
	return {
		'content-type': kind === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="${fileName}"`,
		'cache-control': 'private, no-store'
	};
}

/** The JSON and CSV bodies of an export, ready to send. */
export function exportBody(doc: ProfileExport, kind: 'json' | 'csv'): string {
	return kind === 'json' ? JSON.stringify(doc, null, 2) + '\n' : profileExportCsv(doc);
}

/** What matching reads besides the database: the opportunity sets and the labour-market tables (app.ts). */
export interface MatchSources {
	opportunities: OpportunitySets;
	labourMarket: LabourMarketTables;
}

/** The matches of `userId` as a page or a counsellor's report shows them (see `buildMatchesView`). */
export async function matchesViewFor(
	db: Db,
	sources: MatchSources,
	userId: string,
	locale: string,
	options: { setId?: string | null; level?: number | null; text?: string; limit: number; area?: string | null }
): Promise<MatchesView> {
	const profile = await loadProfile(db, userId);
	const { sets, defaultId } = sources.opportunities;
	const { area, ...rest } = options;
	const labourMarket = { tables: sources.labourMarket.tables, area: area ?? null };
	return buildMatchesView({ dimensions: profile.dimensions, workValues: rankedWorkValues(profile.latest), sets: [...sets.values()], defaultId, locale, ...rest, labourMarket });
}

/**
 * The export a service holding one of the person's API tokens reads, in the person's language. The
 * reader is the service, not the person: the access log records it with actor null and the token's name.
 */
export async function profileExportForApi(
	db: Db,
	src: ExportSources,
	user: { id: string; locale: string | null },
	tokenName: string,
	now = new Date()
): Promise<ProfileExport> {
	const doc = await profileExportFor(db, src, user.id, user.locale ?? 'en', now);
	await insertAuditEvent(db, { actorId: null, action: 'profile.api.read', subjectId: user.id, detail: tokenName, at: now });
	return doc;
}

/**
 * A counsellor's download of a sharing client's export (the caller has checked the share), band labels
 * in the client's language, recorded in the client's access log. The CSV has no matches: they are not computed.
 */
export async function clientExportDownload(
	db: Db,
	src: ExportSources,
	counsellorId: string,
	client: { id: string; locale: string | null },
	kind: 'json' | 'csv',
	now = new Date()
): Promise<{ body: string; fileName: string }> {
	const doc = await profileExportFor(db, src, client.id, client.locale ?? 'en', now, kind === 'csv' ? null : defaultOpportunitySet(src.opportunities));
	await insertAuditEvent(db, { actorId: counsellorId, action: 'client.export.downloaded', subjectId: client.id, detail: kind, at: now });
	return { body: exportBody(doc, kind), fileName: exportFileName(kind, now, `client-${client.id.slice(0, 8)}`, src.timeZone) };
}
