// For tests of something the server does only for a known time (a sign-in wait of 1 s, a session
// that ends 3 s after its last use): what the server must answer is certain only while the requests
// the test sends fall inside that time. A loaded machine can be slower than that, and a run that was
// too slow proves nothing either way, so it is run again (on fresh accounts) instead of failing or
// passing by chance. Every assertion of a run that was in time holds strictly.

export const RETRY = Symbol('run again: too slow for the timed window');

/**
 * A stopwatch started now: `late()` says whether at least `ms` have passed. Started just before
 * sending the request the server's time counts from (its time is at or after this), and asked right
 * after the response of the last request that must fall inside (the server's time was at or before).
 */
export function stopwatch(ms: number) {
	const started = performance.now();
	const elapsed = () => Math.round(performance.now() - started);
	return {
		late: () => {
			const e = elapsed();
			if (e >= ms) lastMiss = `${e} ms where the window is ${ms} ms`;
			return e >= ms;
		},
		elapsed
	};
}

let lastMiss = '';

/**
 * Runs `attempt` until it returns something else than RETRY (what it returns is returned), at most
 * `tries` times; an attempt returns RETRY when one of its windows was late. Fails naming how often.
 */
export async function untilInTime<T>(attempt: (run: number) => Promise<T | typeof RETRY>, tries = 4): Promise<T> {
	for (let run = 1; run <= tries; run++) {
		const result = await attempt(run);
		if (result !== RETRY) return result;
		console.warn(`timed window missed on a slow machine (${lastMiss}; run ${run} of ${tries}), running again`);
	}
	throw new Error(`the machine was too slow for the timed window in ${tries} runs in a row`);
}

/**
 * The dates from `since` to now as the app shows them (Copenhagen time, `locale`'s long form): one,
 * or two when midnight fell in between, so that a test asserting "today" holds across midnight.
 */
export function datesSince(since: Date, locale: 'en-GB' | 'da-DK'): string[] {
	const day = (d: Date) => d.toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' });
	return [...new Set([day(since), day(new Date())])];
}
