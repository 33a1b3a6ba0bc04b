// Counts failed attempts (sign-in, share codes) per key in a fixed window. The counts live in the
// database (table rate_limit), so every app server in front of the same database sees the same
// count: a guesser spreading attempts over several servers is limited as if there were one.
import type { Db } from './db';
import {
	countRateLimitFailure,
	deleteEndedRateLimitWindows,
	deleteRateLimitWindow,
	deleteRateLimitWindowsByPrefix,
	findRateLimitWindow
} from './repositories/rate-limits';
import { ACCOUNT_SCOPE, accountKey, HOUR, PAIR_SCOPE, pairPrefix, throttlePolicy } from './throttle-policy';

export interface RateLimiter {
	/** The number of failures in one window that blocks the key (read when used: it may be configured). */
	readonly limit: number;
	/** Minutes until `key` may try again, or 0 when it may try now. */
	blockedFor(db: Db, key: string, now?: number): Promise<number>;
	/** Milliseconds until `key` may try again, or 0 when it may try now. */
	blockedForMs(db: Db, key: string, now?: number): Promise<number>;
	/** Records a failed attempt; returns the failures counted for `key` in the current window. */
	fail(db: Db, key: string, now?: number): Promise<number>;
	/** Forgets the key (after a success). */
	reset(db: Db, key: string): Promise<void>;
	/** Deletes the rows of windows that have ended (also done now and then by `fail`). */
	sweep(db: Db, now?: number): Promise<void>;
}

/** How many `fail` calls (per process and limiter) between two sweeps of ended windows. */
const SWEEP_EVERY = 500;

/** `limit` may be a function, read at every check: a limit set by the configuration at start. */
export function createRateLimiter(options: { scope: string; limit: number | (() => number); windowMs: number }): RateLimiter {
	const { scope, windowMs } = options;
	const limitNow = typeof options.limit === 'function' ? options.limit : () => options.limit as number;
	let failsSinceSweep = 0;
	const limiter: RateLimiter = {
		get limit() {
			return limitNow();
		},
		async blockedFor(db, key, now = Date.now()) {
			return Math.ceil((await limiter.blockedForMs(db, key, now)) / 60_000);
		},
		async blockedForMs(db, key, now = Date.now()) {
			const row = await findRateLimitWindow(db, scope, key);
			if (!row || row.failures < limitNow()) return 0;
			return Math.max(0, Date.parse(row.resets_at) - now);
		},
		async fail(db, key, now = Date.now()) {
			if (++failsSinceSweep >= SWEEP_EVERY) {
				failsSinceSweep = 0;
				await limiter.sweep(db, now);
			}
			const at = new Date(now).toISOString();
			const ends = new Date(now + windowMs).toISOString();
			return countRateLimitFailure(db, scope, key, at, ends);
		},
		async reset(db, key) {
			await deleteRateLimitWindow(db, scope, key);
		},
		async sweep(db, now = Date.now()) {
			await deleteEndedRateLimitWindows(db, new Date(now).toISOString(), scope);
		}
	};
	return limiter;
}

/** Deletes the sign-in failures counted against `email`, from every address (its account is being erased). */
export async function forgetSignInFailuresOf(db: Db, email: string): Promise<void> {
	await deleteRateLimitWindow(db, ACCOUNT_SCOPE, accountKey(email));
	await deleteRateLimitWindowsByPrefix(db, PAIR_SCOPE, pairPrefix(email));
}

/** Deletes every ended window of every limiter (the retention job; their keys hold addresses and emails). */
export async function sweepEndedWindows(db: Db, now = Date.now()): Promise<void> {
	await deleteEndedRateLimitWindows(db, new Date(now).toISOString());
}

const FIFTEEN_MINUTES = 15 * 60_000;
/** Unknown share codes per signed-in client. */
export const shareCodeLimiter = createRateLimiter({ scope: 'share-code', limit: 20, windowMs: FIFTEEN_MINUTES });
/** Wrong resume codes per address: 10 tries in 15 minutes leave a 78-bit code unguessable. */
export const resumeCodeLimiter = createRateLimiter({ scope: 'resume-code', limit: 10, windowMs: FIFTEEN_MINUTES });
/** Anonymous starts per address (a classroom behind one address still fits): ANONYMOUS_START_LIMIT an hour. */
export const anonymousStartLimiter = createRateLimiter({
	scope: 'anonymous-start',
	limit: () => throttlePolicy().anonymousStartLimit,
	windowMs: HOUR
});
