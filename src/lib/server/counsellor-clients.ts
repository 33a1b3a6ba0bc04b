// The counsellor's list of clients who share with them now: searchable and paginated, with each
// client's last activity, completed instruments and open assignments. Two queries per page (the
// count and the page), whatever the number of clients: aggregates are computed only for the rows of
// the page, each by index (response_user_updated, response_user_instrument, assignment_counsellor_client_open).
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from './db';
import { containsText } from './db/text';
import type { DB } from './db/schema';
import { isOpenAssignment } from './repositories/assignments';
import type { ClientPage, ClientSummary } from '../views/counsellor';
export type { ClientPage, ClientSummary } from '../views/counsellor';

export const CLIENTS_PER_PAGE = 25;
export const MAX_SEARCH_LENGTH = 100;

/** The shares of `counsellorId` that are active, joined to the client, filtered by the search. */
function sharingClients(db: Db, counsellorId: string, search: string) {
	let q = db
		.selectFrom('share')
		.innerJoin('user', 'user.id', 'share.client_id')
		.where('share.counsellor_id', '=', counsellorId)
		.where('share.revoked_at', 'is', null);
	// `%`, `_` and `\` match themselves; case is ignored.
	if (search) {
		q = q.where((eb: ExpressionBuilder<DB, 'share' | 'user'>) =>
			eb.or([containsText(eb.ref('user.email'), search), containsText(eb.ref('user.display_name'), search)])
		);
	}
	return q;
}

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
	const { n } = await sharingClients(db, counsellorId, search)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const total = Number(n);
	const pages = Math.max(1, Math.ceil(total / perPage));
	const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
	if (total === 0) return { clients: [], total, page, pages, search };

	const rows = await db
		.with('page', () =>
			sharingClients(db, counsellorId, search)
				.select([
					'user.id',
					'user.email',
					'user.display_name',
					'share.granted_at',
					sql<string>`lower(coalesce(${sql.ref('user.display_name')}, ${sql.ref('user.email')}))`.as('sort_key')
				])
				.orderBy('sort_key')
				.orderBy('user.id')
				.limit(perPage)
				.offset((page - 1) * perPage)
		)
		.selectFrom('page')
		.select((eb) => [
			'page.id',
			'page.email',
			'page.display_name',
			'page.granted_at',
			eb
				.selectFrom('response')
				.select((r) => r.fn.max('response.updated_at').as('m'))
				.whereRef('response.user_id', '=', 'page.id')
				.as('last_activity'),
			eb
				.selectFrom('assignment as a')
				.select((a) => a.fn.countAll<number>().as('n'))
				.where('a.counsellor_id', '=', counsellorId)
				.whereRef('a.client_id', '=', 'page.id')
				.where(isOpenAssignment)
				.as('open_assignments')
		])
		.orderBy('page.sort_key')
		.orderBy('page.id')
		.execute();

	// The instruments each client on the page has completed, in one query (portable: no group_concat).
	const completed = new Map<string, string[]>();
	const done = await db
		.selectFrom('response')
		.select(['user_id', 'instrument_id'])
		.distinct()
		.where('status', '=', 'completed')
		.where('user_id', 'in', rows.map((r) => r.id))
		.orderBy('user_id')
		.orderBy('instrument_id')
		.execute();
	for (const d of done) completed.set(d.user_id, [...(completed.get(d.user_id) ?? []), d.instrument_id]);

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
