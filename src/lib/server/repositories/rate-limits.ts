// The failed-attempt windows of the rate limiters (src/lib/server/rate-limit.ts): one row per scope
// and key, shared by every app server on the database.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db';

/** The window of `key` in `scope`: failures counted and when it ends (ISO time), or undefined. */
export const findRateLimitWindow = (db: Db, scope: string, key: string) =>
	db.selectFrom('rate_limit').select(['failures', 'resets_at']).where('scope', '=', scope).where('key', '=', key).executeTakeFirst();

/**
 * Counts one failure of `key` in `scope` at `at` (ISO time), in one statement, so that two servers
 * counting the same key at once both count: a new window ending at `ends` when the old one has ended
 * (or there is none), else one more failure in it. Returns the failures now counted.
 */
export async function countRateLimitFailure(db: Db, scope: string, key: string, at: string, ends: string): Promise<number> {
	const row = await db
		.insertInto('rate_limit')
		.values({ scope, key, failures: 1, resets_at: ends })
		.onConflict((oc) =>
			oc.columns(['scope', 'key']).doUpdateSet((eb) => ({
				failures: eb.case().when('rate_limit.resets_at', '<=', at).then(1).else(eb('rate_limit.failures', '+', 1)).end(),
				resets_at: eb.case().when('rate_limit.resets_at', '<=', at).then(ends).else(eb.ref('rate_limit.resets_at')).end()
			}))
		)
		.returning('failures')
		.executeTakeFirstOrThrow();
	return Number(row.failures);
}

/** Forgets the window of `key` in `scope`. */
export async function deleteRateLimitWindow(db: Db, scope: string, key: string): Promise<void> {
	await db.deleteFrom('rate_limit').where('scope', '=', scope).where('key', '=', key).execute();
}

/** Deletes the windows that ended by `now` (ISO time): of one scope, or of every scope. */
export async function deleteEndedRateLimitWindows(db: Db, now: string, scope?: string): Promise<void> {
	await db
		.deleteFrom('rate_limit')
		.where('resets_at', '<=', now)
		.$if(scope !== undefined, (q) => q.where('scope', '=', scope!))
		.execute();
}

/**
 * Forgets every window in `scope` whose key starts with `prefix`, compared by length rather than
 * with LIKE, so that `_` and `%` in the prefix (an email) match only themselves.
 */
export async function deleteRateLimitWindowsByPrefix(db: Db, scope: string, prefix: string): Promise<void> {
	await db
		.deleteFrom('rate_limit')
		.where('scope', '=', scope)
		.where(sql<SqlBool>`substr(${sql.ref('key')}, 1, ${sql.lit(prefix.length)}) = ${prefix}`)
		.execute();
}
