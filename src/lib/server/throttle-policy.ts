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
	registerAddressLimit: DEFAULTS.registerAddressLimit,
	anonymousStartLimit: DEFAULTS.anonymousStartLimit
});

let active: ThrottlePolicy = DEFAULT_THROTTLE_POLICY;
/** Sets the limits every later check uses (at start, from the configuration). */
export const useThrottlePolicy = (policy: ThrottlePolicy) => void (active = policy);
export const throttlePolicy = (): ThrottlePolicy => active;

/** The limiter scope of failed sign-ins counted per account (per email, from any address). */
export const ACCOUNT_SCOPE = 'sign-in-account';

/** An email as an account key: lower-case, and cut at 254 characters (no account has a longer one), so keys stay small. */
export const accountKey = (email: string): string => email.slice(0, 254).toLowerCase();

/**
 * How long the next try at an account waits after `failures` failed sign-ins in a row: nothing for
 * the first `signInFreeFailures`, then 1 s, doubling with each failure, at most `signInMaxDelayMs`.
 */
export function accountDelayMs(failures: number, policy: ThrottlePolicy = active): number {
	if (failures < policy.signInFreeFailures) return 0;
	const steps = failures - policy.signInFreeFailures;
	return steps >= 40 ? policy.signInMaxDelayMs : Math.min(policy.signInMaxDelayMs, SECOND * 2 ** steps);
}
