// The counsellor's list of clients who share with them now: searchable and paginated, with each
// client's last activity, completed instruments and open assignments. Three queries per page (the
// count, the page and the page's completed instruments), whatever the number of clients; the queries
// are in repositories/sharing-clients.ts.
import type { Db } from '../db';
import { countSharingClients, listCompletedInstrumentsOf, listSharingClientRows } from '../repositories/sharing-clients';
import type { ClientPage, ClientSummary } from '../../views/counsellor';
export type { ClientPage, ClientSummary } from '../../views/counsellor';

export const CLIENTS_PER_PAGE = 25;
export const MAX_SEARCH_LENGTH = 100;

/** Normalises the search box and the page number from the query string. */
export function parseClientQuery(url: URL): { search: string; page: number } {
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	return { search, page: Number.isFinite(page) && page >= 1 ? page : 1 };
}

/**
 * One page of the clients who share with `counsellorId` now, ordered by name (or email when no
 * name), then id. A page past the end gives the last page.
 */
export async function listSharingClients(
	db: Db,
	counsellorId: string,
	opts: { search?: string; page?: number; perPage?: number } = {}
): Promise<ClientPage> {
	const search = (opts.search ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
	const perPage = opts.perPage ?? CLIENTS_PER_PAGE;
	const total = await countSharingClients(db, counsellorId, search);
	const pages = Math.max(1, Math.ceil(total / perPage));
	const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
	if (total === 0) return { clients: [], total, page, pages, search };

	const rows = await listSharingClientRows(db, counsellorId, search, { limit: perPage, offset: (page - 1) * perPage });
	// The instruments each client on the page has completed, in one query.
	const completed = new Map<string, string[]>();
	for (const d of await listCompletedInstrumentsOf(db, rows.map((r) => r.id)))
		completed.set(d.user_id, [...(completed.get(d.user_id) ?? []), d.instrument_id]);

	return {
		clients: rows.map((r) => ({
			id: r.id,
			email: r.email,
			name: r.display_name,
			sharedSince: r.granted_at,
			lastActivity: r.last_activity ?? null,
			completed: completed.get(r.id) ?? [],
			openAssignments: Number(r.open_assignments ?? 0)
		})),
		total,
		page,
		pages,
		search
	};
}
