// Counts failed attempts (sign-in, share codes) per key in a fixed window. The counts live in the
// database (table rate_limit), so every app server in front of the same database sees the same
// count: a guesser spreading attempts over several servers is limited as if there were one.
import { sql, type SqlBool } from 'kysely';
import type { Db } from './db';

export interface RateLimiter {
	/** The number of failures in one window that blocks the key. */
	readonly limit: number;
	/** Minutes until `key` may try again, or 0 when it may try now. */
	blockedFor(db: Db, key: string, now?: number): Promise<number>;
	/** Records a failed attempt; returns the failures counted for `key` in the current window. */
	fail(db: Db, key: string, now?: number): Promise<number>;
	/** Forgets the key (after a success). */
	reset(db: Db, key: string): Promise<void>;
	/** Deletes the rows of windows that have ended (also done now and then by `fail`). */
	sweep(db: Db, now?: number): Promise<void>;
}

/** How many `fail` calls (per process and limiter) between two sweeps of ended windows. */
const SWEEP_EVERY = 500;

export function createRateLimiter(options: { scope: string; limit: number; windowMs: number }): RateLimiter {
	const { scope, limit, windowMs } = options;
	let failsSinceSweep = 0;
	const limiter: RateLimiter = {
		limit,
		async blockedFor(db, key, now = Date.now()) {
			const row = await db
				.selectFrom('rate_limit')
				.select(['failures', 'resets_at'])
				.where('scope', '=', scope)
				.where('key', '=', key)
				.executeTakeFirst();
			if (!row || row.failures < limit) return 0;
			const left = Date.parse(row.resets_at) - now;
			return left > 0 ? Math.ceil(left / 60_000) : 0;
		},
		async fail(db, key, now = Date.now()) {
			if (++failsSinceSweep >= SWEEP_EVERY) {
				failsSinceSweep = 0;
				await limiter.sweep(db, now);
			}
			const at = new Date(now).toISOString();
			const ends = new Date(now + windowMs).toISOString();
			// One statement, so two servers counting the same key at once both count: a new window
			// when the old one has ended, else one more failure in it.
			const row = await db
				.insertInto('rate_limit')
				.values({ scope, key, failures: 1, resets_at: ends })
				.onConflict((oc) =>
					oc.columns(['scope', 'key']).doUpdateSet((eb) => ({
						failures: eb
							.case()
							.when('rate_limit.resets_at', '<=', at)
							.then(1)
							.else(eb('rate_limit.failures', '+', 1))
							.end(),
						resets_at: eb.case().when('rate_limit.resets_at', '<=', at).then(ends).else(eb.ref('rate_limit.resets_at')).end()
					}))
				)
				.returning('failures')
				.executeTakeFirstOrThrow();
			return Number(row.failures);
		},
		async reset(db, key) {
			await db.deleteFrom('rate_limit').where('scope', '=', scope).where('key', '=', key).execute();
		},
		async sweep(db, now = Date.now()) {
			await db
				.deleteFrom('rate_limit')
				.where('scope', '=', scope)
				.where('resets_at', '<=', new Date(now).toISOString())
				.execute();
		}
	};
	return limiter;
}

/**
 * The sign-in limiter's key: address and email. No account has an email over 254 characters, so
 * longer input is cut there: keys stay small however large the form field was.
 */
export const signInKey = (address: string, email: string): string =>
	`${address.slice(0, 64)}|${email.slice(0, 254).toLowerCase()}`;

/** Deletes the sign-in failures counted against `email` from any address (its account is being erased). */
export async function forgetSignInFailuresOf(db: Db, email: string): Promise<void> {
	const literal = email.slice(0, 254).toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
	await db
		.deleteFrom('rate_limit')
		.where('scope', '=', 'sign-in')
		.where(sql<SqlBool>`${sql.ref('key')} LIKE ${`%|${literal}`} ESCAPE '\\'`)
		.execute();
}

/** Deletes every ended window of every limiter (the retention job; their keys hold addresses and emails). */
export async function sweepEndedWindows(db: Db, now = Date.now()): Promise<void> {
	await db.deleteFrom('rate_limit').where('resets_at', '<=', new Date(now).toISOString()).execute();
}

const FIFTEEN_MINUTES = 15 * 60_000;
/** Failed sign-ins per address and email. */
export const signInLimiter = createRateLimiter({ scope: 'sign-in', limit: 10, windowMs: FIFTEEN_MINUTES });
/** Unknown share codes per signed-in client. */
export const shareCodeLimiter = createRateLimiter({ scope: 'share-code', limit: 20, windowMs: FIFTEEN_MINUTES });
/** Wrong resume codes per address: 10 tries in 15 minutes leave a 78-bit code unguessable. */
export const resumeCodeLimiter = createRateLimiter({ scope: 'resume-code', limit: 10, windowMs: FIFTEEN_MINUTES });
/** Anonymous starts per address (a classroom behind one address still fits). */
export const anonymousStartLimiter = createRateLimiter({ scope: 'anonymous-start', limit: 100, windowMs: 60 * 60_000 });
