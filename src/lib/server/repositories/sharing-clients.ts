// The clients who share with a counsellor now, for the counsellor's searchable, paginated list
// (src/lib/server/counsellor/counsellor-clients.ts). Aggregates are computed only for the rows of the page, each by
// index (response_user_updated, response_user_instrument, assignment_counsellor_client_open).
import { sql, type ExpressionBuilder } from 'kysely';
import { dialectOf, type Db } from '../db';
import { containsText } from '../db/text';
import type { DB } from '../db/schema';
import { isOpenAssignment } from './assignments';

/**
 * The shares of `counsellorId` that are active, joined to the client (as `u`), filtered by the search.
 * The client is looked up by primary key for each of the counsellor's shares (index share_counsellor),
 * so the cost follows the caseload, never the number of accounts: on PostgreSQL through a LATERAL
 * subquery that `OFFSET 0` keeps from being flattened into a join the planner would answer by reading
 * the whole `user` table; SQLite joins that way by itself.
 */
function sharingClients(db: Db, counsellorId: string, search: string) {
	const shares = db.selectFrom('share').where('share.counsellor_id', '=', counsellorId).where('share.revoked_at', 'is', null);
	const joined = shares.innerJoin('user as u', 'u.id', 'share.client_id');
	let q =
		dialectOf(db) === 'postgres'
			? (shares.innerJoinLateral(
					(eb) =>
						eb
							.selectFrom('user')
							.select(['user.id', 'user.email', 'user.display_name', 'user.privacy_agreed_at'])
							.whereRef('user.id', '=', 'share.client_id')
							.offset(0)
							.as('u'),
					(join) => join.onTrue()
				) as unknown as typeof joined)
			: joined;
	// Only clients who agreed to a privacy notice (privacy.ts).
	q = q.where('u.privacy_agreed_at', 'is not', null);
	// `%`, `_` and `\` match themselves; case is ignored.
	if (search) {
		q = q.where((eb: ExpressionBuilder<DB & { u: DB['user'] }, 'share' | 'u'>) =>
			eb.or([containsText(eb.ref('u.email'), search), containsText(eb.ref('u.display_name'), search)])
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
					'u.id',
					'u.email',
					'u.display_name',
					'share.granted_at',
					sql<string>`lower(coalesce(${sql.ref('u.display_name')}, ${sql.ref('u.email')}))`.as('sort_key')
				])
				.orderBy('sort_key')
				.orderBy('u.id')
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
