import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db';
import type { AssignmentStatus } from '../../views/counsellor';

export type { AssignmentStatus };

/**
 * The status of assignment `a` from the client's responses since it was made: completed when a
 * response of the instrument was completed after it, in progress when one was saved after it.
 */
const statusOf = sql<AssignmentStatus>`CASE
	WHEN EXISTS (SELECT 1 FROM response r WHERE r.user_id = a.client_id AND r.instrument_id = a.instrument_id
		AND r.status = 'completed' AND r.completed_at >= a.created_at) THEN 'completed'
	WHEN EXISTS (SELECT 1 FROM response r WHERE r.user_id = a.client_id AND r.instrument_id = a.instrument_id
		AND r.status = 'in_progress' AND r.updated_at >= a.created_at) THEN 'in_progress'
	ELSE 'assigned' END`;

/** True for assignments not cancelled and not completed (usable in a WHERE on alias `a`). */
export const isOpenAssignment: Expression<SqlBool> = sql<SqlBool>`(a.cancelled_at IS NULL AND NOT EXISTS (
	SELECT 1 FROM response r WHERE r.user_id = a.client_id AND r.instrument_id = a.instrument_id
		AND r.status = 'completed' AND r.completed_at >= a.created_at))`;

/** Assigns instruments to a client in one transaction; returns the new ids. */
export async function insertAssignments(
	db: Db,
	a: { counsellorId: string; clientId: string; instrumentIds: string[]; message: string | null; now: Date }
): Promise<number[]> {
	if (a.instrumentIds.length === 0) return [];
	const rows = await db
		.insertInto('assignment')
		.values(
			a.instrumentIds.map((instrumentId) => ({
				counsellor_id: a.counsellorId,
				client_id: a.clientId,
				instrument_id: instrumentId,
				message: a.message,
				created_at: a.now.toISOString(),
				cancelled_at: null
			}))
		)
		.returning('id')
		.execute();
	return rows.map((r) => r.id);
}

/** Cancels one open assignment of this counsellor and client; false when there was none. */
export async function cancelAssignment(
	db: Db,
	c: { id: number; counsellorId: string; clientId: string; now: Date }
): Promise<boolean> {
	const r = await db
		.updateTable('assignment')
		.set({ cancelled_at: c.now.toISOString() })
		.where('id', '=', c.id)
		.where('counsellor_id', '=', c.counsellorId)
		.where('client_id', '=', c.clientId)
		.where('cancelled_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** A counsellor's assignments to one client with their status, newest first (cancelled included). */
export const listAssignmentsOfPair = (db: Db, counsellorId: string, clientId: string) =>
	db
		.selectFrom('assignment as a')
		.select(['a.id', 'a.instrument_id', 'a.message', 'a.created_at', 'a.cancelled_at', statusOf.as('status')])
		.where('a.counsellor_id', '=', counsellorId)
		.where('a.client_id', '=', clientId)
		.orderBy('a.created_at', 'desc')
		.orderBy('a.id', 'desc')
		.execute();

/**
 * What a client has been asked to take, newest first: not cancelled, and only from counsellors the
 * client shares with now (revoking a share withdraws that counsellor's requests too).
 */
export const listAssignmentsForClient = (db: Db, clientId: string) =>
	db
		.selectFrom('assignment as a')
		.innerJoin('share', (j) =>
			j
				.onRef('share.client_id', '=', 'a.client_id')
				.onRef('share.counsellor_id', '=', 'a.counsellor_id')
				.on('share.revoked_at', 'is', null)
		)
		.innerJoin('user as c', 'c.id', 'a.counsellor_id')
		.select([
			'a.id',
			'a.instrument_id',
			'a.message',
			'a.created_at',
			'a.counsellor_id',
			'c.email as counsellor_email',
			'c.display_name as counsellor_name',
			statusOf.as('status')
		])
		.where('a.client_id', '=', clientId)
		.where('a.cancelled_at', 'is', null)
		.orderBy('a.created_at', 'desc')
		.orderBy('a.id', 'desc')
		.execute();
