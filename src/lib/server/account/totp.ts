// Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 6 digits, a
// new code every 30 seconds, computed with @oslojs/otp. A code is accepted for the current time step
// and the one before and after (a phone clock a little off, a code typed as it changes); which step
// matched is returned, so the caller can refuse a code of a step already used.
import { timingSafeEqual } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding, decodeHex, encodeHexLowerCase } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** A new random key: 20 bytes (160 bits, what RFC 4226 recommends for HMAC-SHA1), as hex for storage. */
export const generateTotpSecret = (): string => encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(20)));

/** The 30-second time step of `ms` (epoch milliseconds). */
export const totpStepAt = (ms: number): number => Math.floor(ms / (TOTP_PERIOD_SECONDS * 1000));

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The time step (now, one before or one after) whose code `code` is, or null when it is none of them. */
export function matchingStep(secretHex: string, code: string, now = Date.now()): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const key = decodeHex(secretHex);
	const current = totpStepAt(now);
	let found: number | null = null;
	// Every candidate is computed and compared, whichever matches, so the time taken says nothing.
	for (const step of [current - 1, current, current + 1]) {
		if (same(generateHOTP(key, BigInt(step), TOTP_DIGITS), code) && found === null) found = step;
	}
	return found;
}

/** The key as people type it into an app: base32 in groups of four (`ABCD EFGH …`). */
export const groupedSecret = (secretHex: string): string =>
	encodeBase32UpperCaseNoPadding(decodeHex(secretHex)).match(/.{1,4}/g)!.join(' ');

/** The otpauth:// address an authenticator app reads (from a QR code or pasted). */
export const totpUri = (secretHex: string, accountName: string): string =>
	createTOTPKeyURI('Spejl', accountName, decodeHex(secretHex), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
