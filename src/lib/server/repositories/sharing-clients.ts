// The clients who share with a counsellor now, for the counsellor's searchable, paginated list
// (src/lib/server/counsellor/counsellor-clients.ts). Aggregates are computed only for the rows of the page, each by
// index (response_user_updated, response_user_instrument, assignment_counsellor_client_open).
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db';
import { containsText } from '../db/text';
import type { DB } from '../db/schema';
import { isOpenAssignment } from './assignments';

/** The shares of `counsellorId` that are active, joined to the client, filtered by the search. */
function sharingClients(db: Db, counsellorId: string, search: string) {
	let q = db
		.selectFrom('share')
		.innerJoin('user', 'user.id', 'share.client_id')
		.where('share.counsellor_id', '=', counsellorId)
		.where('share.revoked_at', 'is', null)
		// Only clients who agreed to a privacy notice (privacy.ts).
		.where('user.privacy_agreed_at', 'is not', null);
	// `%`, `_` and `\` match themselves; case is ignored.
	if (search) {
		q = q.where((eb: ExpressionBuilder<DB, 'share' | 'user'>) =>
			eb.or([containsText(eb.ref('user.email'), search), containsText(eb.ref('user.display_name'), search)])
		);
	}
	return q;
}

/** How many clients share with `counsellorId` now and match the search. */
export async function countSharingClients(db: Db, counsellorId: string, search: string): Promise<number> {
	const { n } = await sharingClients(db, counsellorId, search)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/**
 * One page of the clients who share with `counsellorId` now, ordered by name (or e-mail when no name),
 * then id, with each one's last activity and the counsellor's open assignments to them.
 */
export function listSharingClientRows(db: Db, counsellorId: string, search: string, q: { limit: number; offset: number }) {
	return db
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
				.limit(q.limit)
				.offset(q.offset)
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
}

/** The instruments each of `userIds` has completed at least once, by user then instrument (portable: no group_concat). */
export const listCompletedInstrumentsOf = (db: Db, userIds: string[]) =>
	db
		.selectFrom('response')
		.select(['user_id', 'instrument_id'])
		.distinct()
		.where('status', '=', 'completed')
		.where('user_id', 'in', userIds)
		.orderBy('user_id')
		.orderBy('instrument_id')
		.execute();
