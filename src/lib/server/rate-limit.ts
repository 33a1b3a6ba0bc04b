// Counts failed attempts (sign-in, share codes) per key in a fixed window, in memory: enough for one
// server process; a deployment with several app servers would move this to a shared store.

export interface RateLimiter {
	/** Minutes until `key` may try again, or 0 when it may try now. */
	blockedFor(key: string, now?: number): number;
	/** Records a failed attempt. */
	fail(key: string, now?: number): void;
	/** Forgets the key (after a success). */
	reset(key: string): void;
}

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
	const hits = new Map<string, { count: number; resetAt: number }>();
	const maxKeys = options.maxKeys ?? 50_000;
	const sweep = (now: number) => {
		for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
	};
	return {
		blockedFor(key, now = Date.now()) {
			const h = hits.get(key);
			if (!h || h.resetAt <= now || h.count < options.limit) return 0;
			return Math.ceil((h.resetAt - now) / 60_000);
		},
		fail(key, now = Date.now()) {
			const h = hits.get(key);
			if (!h || h.resetAt <= now) {
				if (hits.size >= maxKeys) sweep(now);
				hits.set(key, { count: 1, resetAt: now + options.windowMs });
			} else h.count++;
		},
		reset(key) {
			hits.delete(key);
		}
	};
}

/**
 * The sign-in limiter's key: address and email. No account has an email over 254 characters, so
 * longer input is cut there: keys stay small however large the form field was.
 */
export const signInKey = (address: string, email: string): string =>
	`${address.slice(0, 64)}|${email.slice(0, 254).toLowerCase()}`;

const FIFTEEN_MINUTES = 15 * 60_000;
/** Failed sign-ins per address and email. */
export const signInLimiter = createRateLimiter({ limit: 10, windowMs: FIFTEEN_MINUTES });
/** Unknown share codes per signed-in client. */
export const shareCodeLimiter = createRateLimiter({ limit: 20, windowMs: FIFTEEN_MINUTES });
