import { sql } from 'kysely';
import type { Db } from '../db';
import { precompiled } from '../db/precompiled';
import type { NewResponse, Response } from '../db/schema';

export const findResponse = (db: Db, id: string): Promise<Response | undefined> =>
	db.selectFrom('response').selectAll().where('id', '=', id).executeTakeFirst();

/** A response by its id, only when it is this person's response to this instrument. */
export const findResponseOf = (db: Db, userId: string, instrumentId: string, id: string): Promise<Response | undefined> =>
	db
		.selectFrom('response')
		.selectAll()
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.where('instrument_id', '=', instrumentId)
		.executeTakeFirst();

const inProgressResponse = precompiled(2, (db: Db, userId: string, instrumentId: string) =>
	db
		.selectFrom('response')
		.selectAll()
		.where('user_id', '=', userId)
		.where('instrument_id', '=', instrumentId)
		.where('status', '=', sql.lit('in_progress'))
		.orderBy('started_at', 'desc')
);

/** The person's open response to an instrument, if any (compiled once: every save and completion asks). */
export const findInProgressResponse = async (db: Db, userId: string, instrumentId: string) =>
	(await inProgressResponse(db, userId, instrumentId))[0];

export async function insertResponse(db: Db, response: NewResponse): Promise<void> {
	await db.insertInto('response').values(response).execute();
}

/** Saves answers of an unfinished response; false when it is not (any more) in progress. */
export async function saveResponseProgress(
	db: Db,
	id: string,
	answers: string,
	currentPage: number,
	now: Date
): Promise<boolean> {
	const r = await db
		.updateTable('response')
		.set({ answers, current_page: currentPage, updated_at: now.toISOString() })
		.where('id', '=', id)
		.where('status', '=', 'in_progress')
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/**
 * Marks the response completed with its answers and result (which holds the scale scores). The status
 * condition makes a second submission (double click, retry) store nothing: it returns false.
 */
export async function completeResponse(db: Db, c: { id: string; answers: string; result: string; now: Date }): Promise<boolean> {
	const r = await db
		.updateTable('response')
		.set({
			status: 'completed',
			answers: c.answers,
			result: c.result,
			completed_at: c.now.toISOString(),
			updated_at: c.now.toISOString()
		})
		.where('id', '=', c.id)
		.where('status', '=', 'in_progress')
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** Every response of a user, newest first, without answers (for status lists). */
export const listResponseSummaries = (db: Db, userId: string) =>
	db
		.selectFrom('response')
		.select(['id', 'instrument_id', 'instrument_version_id', 'status', 'started_at', 'updated_at', 'completed_at'])
		.where('user_id', '=', userId)
		.orderBy('started_at', 'desc')
		.execute();

/** Completed responses of a user with their results, newest first (definitions: loadDefinition). */
export const listCompletedResponses = (db: Db, userId: string) =>
	db
		.selectFrom('response')
		.innerJoin('instrument_version', 'instrument_version.id', 'response.instrument_version_id')
		.select([
			'response.id',
			'response.instrument_id',
			'response.answers',
			'response.result',
			'response.completed_at',
			'response.instrument_version_id',
			'instrument_version.version'
		])
		.where('response.user_id', '=', userId)
		.where('response.status', '=', 'completed')
		.orderBy('response.completed_at', 'desc')
		.execute();

/**
 * Answers and timing of every completed response to one stored instrument version, for aggregate
 * item analysis (authors). Deliberately without user ids or response ids.
 */
export const listCompletedAnswersOfVersion = (db: Db, instrumentVersionId: number) =>
	db
		.selectFrom('response')
		.select(['answers', 'started_at', 'completed_at'])
		.where('instrument_version_id', '=', instrumentVersionId)
		.where('status', '=', 'completed')
		.execute();

/** Number of completed responses per stored instrument version. */
export const countCompletedByVersion = (db: Db) =>
	db
		.selectFrom('response')
		.select(['instrument_version_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('status', '=', 'completed')
		.groupBy('instrument_version_id')
		.execute();
