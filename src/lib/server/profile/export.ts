// The profile export (docs/profile-export.md) and the matches (docs/opportunity-sets.md) of one person, for their own pages and download,
// a counsellor's report and export of a client who shares, and the API. Callers check access first.
import { buildProfileExport, type ProfileExport } from '$lib/core/profile/export';
import { profileExportCsv } from '$lib/core/profile/export-csv';
import type { OpportunitySet } from '$lib/core/opportunities/types';
import { buildMatchesView, type MatchesView } from '$lib/core/matching/matches-view';
import { rankedWorkValues } from '$lib/core/matching/work-values';
import type { Db } from '../db';
import { getLabourMarket, getOpportunitySets, getRegistry, getTimeZone } from '../app';
import { isoDay } from '$lib/time';
import { othersViewForExport } from '../others/others-summary';
import { loadProfile } from './profile';
import { exportShortlist, loadShortlist } from './shortlist';
import { insertAuditEvent } from '../repositories/audit';

export { profileExportCsv };
export type { ProfileExport, MatchesView };

/** The default opportunity set (O*NET when it loaded), or null when no set loaded. */
export function defaultOpportunitySet(): OpportunitySet | null {
	const { sets, defaultId } = getOpportunitySets();
	return defaultId ? (sets.get(defaultId) ?? null) : null;
}

/** The v1 export document of `userId`, band labels in `locale`, matches from the default set. */
export async function profileExportFor(
	db: Db,
	userId: string,
	locale: string,
	now = new Date(),
	opportunities: OpportunitySet | null = defaultOpportunitySet()
): Promise<ProfileExport> {
	const profile = await loadProfile(db, userId);
	const shortlist = exportShortlist(await loadShortlist(db, getOpportunitySets().sets, userId, locale));
	const doc = buildProfileExport({ subjectId: userId, locale, profile, generatedAt: now, opportunities, shortlist });
	const othersView = await othersViewForExport(db, getRegistry(), userId);
	return othersView ? { ...doc, othersView } : doc;
}

/** `spejl-profile-2026-11-26.json`: a file name for a download (ASCII only), dated in the service's time zone. */
export function exportFileName(kind: 'json' | 'csv', now = new Date(), who = 'profile', timeZone = getTimeZone()): string {
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

/** The matches of `userId` as a page or a counsellor's report shows them (see `buildMatchesView`). */
export async function matchesViewFor(
	db: Db,
	userId: string,
	locale: string,
	options: { setId?: string | null; level?: number | null; text?: string; limit: number; area?: string | null }
): Promise<MatchesView> {
	const profile = await loadProfile(db, userId);
	const { sets, defaultId } = getOpportunitySets();
	const { area, ...rest } = options;
	return buildMatchesView({ dimensions: profile.dimensions, workValues: rankedWorkValues(profile.latest), sets: [...sets.values()], defaultId, locale, ...rest, labourMarket: { tables: getLabourMarket().tables, area: area ?? null } });
}

/**
 * The export a service holding one of the person's API tokens reads, in the person's language. The
 * reader is the service, not the person: the access log records it with actor null and the token's name.
 */
export async function profileExportForApi(
	db: Db,
	user: { id: string; locale: string | null },
	tokenName: string,
	now = new Date()
): Promise<ProfileExport> {
	const doc = await profileExportFor(db, user.id, user.locale ?? 'en', now);
	await insertAuditEvent(db, { actorId: null, action: 'profile.api.read', subjectId: user.id, detail: tokenName, at: now });
	return doc;
}

/**
 * A counsellor's download of a sharing client's export (the caller has checked the share), band labels
 * in the client's language, recorded in the client's access log. The CSV has no matches: they are not computed.
 */
export async function clientExportDownload(
	db: Db,
	counsellorId: string,
	client: { id: string; locale: string | null },
	kind: 'json' | 'csv',
	now = new Date()
): Promise<{ body: string; fileName: string }> {
	const doc = await profileExportFor(db, client.id, client.locale ?? 'en', now, kind === 'csv' ? null : defaultOpportunitySet());
	await insertAuditEvent(db, { actorId: counsellorId, action: 'client.export.downloaded', subjectId: client.id, detail: kind, at: now });
	return { body: exportBody(doc, kind), fileName: exportFileName(kind, now, `client-${client.id.slice(0, 8)}`) };
}
