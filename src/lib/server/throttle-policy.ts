// How hard guessing is throttled (README "Security and privacy"; configured in ./config.ts). Set once
// at start from the environment; the tests set their own.
import { DEFAULTS, type Config } from './config';

export type ThrottlePolicy = Config['throttle'];

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = Object.freeze({
	signInFreeFailures: DEFAULTS.signInFreeFailures,
	signInMaxDelayMs: DEFAULTS.signInMaxDelaySeconds * SECOND,
	signInAddressLimit: DEFAULTS.signInAddressLimit,
	signInAccountLimit: DEFAULTS.signInAccountLimit,
	registerAddressLimit: DEFAULTS.registerAddressLimit,
	anonymousStartLimit: DEFAULTS.anonymousStartLimit
});

let active: ThrottlePolicy = DEFAULT_THROTTLE_POLICY;
/** Sets the limits every later check uses (at start, from the configuration). */
export const useThrottlePolicy = (policy: ThrottlePolicy) => void (active = policy);
export const throttlePolicy = (): ThrottlePolicy => active;

/** The limiter scope of failed sign-ins counted per account (per email, from any address, in an hour). */
export const ACCOUNT_SCOPE = 'sign-in-account';
/** The limiter scope of the growing delay of one address at one account (key: `pairKey`). */
export const PAIR_SCOPE = 'sign-in-pair';

/** An email as an account key: lower-case, and cut at 254 characters (no account has a longer one), so keys stay small. */
export const accountKey = (email: string): string => email.slice(0, 254).toLowerCase();

/** An address as a limiter key: cut at 64 characters (an IPv6 address with a zone fits). */
export const addressKey = (address: string): string => address.slice(0, 64);

/** The start of every `PAIR_SCOPE` key of one account: its account key and a space (no email has one). */
export const pairPrefix = (email: string): string => `${accountKey(email)} `;

/** The key of one address at one account: `pairPrefix(email)` followed by the address key. */
export const pairKey = (email: string, address: string): string => pairPrefix(email) + addressKey(address);

/**
 * How long the next try of one address at an account waits after `failures` failed sign-ins in a row
 * from that address: nothing for
 * the first `signInFreeFailures`, then 1 s, doubling with each failure, at most `signInMaxDelayMs`.
 */
export function accountDelayMs(failures: number, policy: ThrottlePolicy = active): number {
	if (failures < policy.signInFreeFailures) return 0;
	const steps = failures - policy.signInFreeFailures;
	return steps >= 40 ? policy.signInMaxDelayMs : Math.min(policy.signInMaxDelayMs, SECOND * 2 ** steps);
}
