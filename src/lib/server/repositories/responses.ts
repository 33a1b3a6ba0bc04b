import { sql } from 'kysely';
import type { Db } from '../db';
import { precompiled, precompiledResult } from '../db/precompiled';
import type { NewResponse, Response } from '../db/schema';

const responseById = precompiled(1, (db: Db, id: string) => db.selectFrom('response').selectAll().where('id', '=', id));

export const findResponse = async (db: Db, id: string): Promise<Response | undefined> => (await responseById(db, id))[0];

const responseOf = precompiled(3, (db: Db, id: string, userId: string, instrumentId: string) =>
	db.selectFrom('response').selectAll().where('id', '=', id).where('user_id', '=', userId).where('instrument_id', '=', instrumentId)
);

/** A response by its id, only when it is this person's response to this instrument (compiled once: every save and completion asks). */
export const findResponseOf = async (db: Db, userId: string, instrumentId: string, id: string): Promise<Response | undefined> =>
	(await responseOf(db, id, userId, instrumentId))[0];

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

const RESPONSE_COLUMNS = [
	'id',
	'user_id',
	'instrument_id',
	'instrument_version_id',
	'status',
	'answers',
	'current_page',
	'result',
	'started_at',
	'updated_at',
	'completed_at',
	'completion_key'
] as const satisfies readonly (keyof NewResponse)[];

const insertResponseRow = precompiled(RESPONSE_COLUMNS.length, (db: Db, ...values: unknown[]) =>
	db.insertInto('response').values(Object.fromEntries(RESPONSE_COLUMNS.map((c, i) => [c, values[i]])) as NewResponse)
);

/** Stores a new response (compiled once: every start inserts one). */
export async function insertResponse(db: Db, response: NewResponse): Promise<void> {
	await insertResponseRow(db, ...RESPONSE_COLUMNS.map((c) => response[c] ?? null));
}

/** Columns whose values PostgreSQL must be told are integers when they come from a SELECT list. */
const INTEGER_COLUMNS: ReadonlySet<string> = new Set(['instrument_version_id', 'current_page']);

const insertUnlessOpenRow = precompiledResult(RESPONSE_COLUMNS.length + 2, (db: Db, ...values: unknown[]) =>
	db
		.insertInto('response')
		.columns([...RESPONSE_COLUMNS])
		.expression(
			db
				.selectNoFrom((eb) =>
					RESPONSE_COLUMNS.map((c, i) => (INTEGER_COLUMNS.has(c) ? eb.cast(eb.val(values[i]), 'integer') : eb.val(values[i])).as(c))
				)
				.where((eb) =>
					eb.not(
						eb.exists(
							eb
								.selectFrom('response as open')
								.select('open.id')
								.where('open.user_id', '=', values[RESPONSE_COLUMNS.length] as string)
								.where('open.instrument_id', '=', values[RESPONSE_COLUMNS.length + 1] as string)
								.where('open.status', '=', sql.lit('in_progress'))
						)
					)
				)
		)
		// The same completion already stored under its key (another server, a retry): nothing is stored.
		.onConflict((oc) => oc.columns(['user_id', 'completion_key']).doNothing())
);

/**
 * Stores a new response unless the person has an open (in-progress) response to its instrument, in
 * ONE statement, so the check and the insert are atomic on either database and the statement is a
 * write from its start (on SQLite it takes the write lock at once, waiting for it like any write).
 * True when it was stored; false when an open response exists or the person already has a response
 * with the same `completion_key` (nothing is stored: the unique index on (user_id, completion_key)
 * decides, so two requests with one key at the same moment store one row). Compiled once: every
 * completion without a saved response runs it.
 */
export async function insertResponseUnlessOpen(db: Db, response: NewResponse): Promise<boolean> {
	const r = await insertUnlessOpenRow(db, ...RESPONSE_COLUMNS.map((c) => response[c] ?? null), response.user_id, response.instrument_id);
	return Number(r.numAffectedRows) === 1;
}

const responseByKey = precompiled(2, (db: Db, userId: string, key: string) =>
	db.selectFrom('response').selectAll().where('user_id', '=', userId).where('completion_key', '=', key)
);

/** The person's response completed with this idempotency key, if any (unique per person). */
export const findResponseByCompletionKey = async (db: Db, userId: string, key: string): Promise<Response | undefined> =>
	(await responseByKey(db, userId, key))[0];

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
const markCompleted = precompiledResult(
	6,
	(db: Db, answers: string, result: string, completedAt: string, updatedAt: string, key: string | null, id: string) =>
		db
			.updateTable('response')
			.set({ status: sql.lit('completed'), answers, result, completed_at: completedAt, updated_at: updatedAt, completion_key: key })
			.where('id', '=', id)
			.where('status', '=', sql.lit('in_progress'))
);

/** Compiled once: every completion runs it. */
export async function completeResponse(
	db: Db,
	c: { id: string; answers: string; result: string; now: Date; completionKey?: string | null }
): Promise<boolean> {
	const at = c.now.toISOString();
	const r = await markCompleted(db, c.answers, c.result, at, at, c.completionKey ?? null, c.id);
	return Number(r.numAffectedRows) === 1;
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
