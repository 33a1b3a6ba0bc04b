// The idempotency key of a completion: the questionnaire page makes one when it opens (a random UUID,
// in the SurveyJS page's completion request and in a hidden field of the plain form) and sends it with
// every completion from that page. The completed response keeps it, unique per person in the database
// (migration 2026-12-08T1000_completion_key), so the same completion sent again (a lost reply, a
// double click, a browser resending a form) finds the stored response instead of storing another.
import { err, ok } from '../../result';
import type { Outcome } from './responses';

/** 16 to 64 letters, digits, "-" or "_": a UUID (36) fits, and so does any other random token. */
export const COMPLETION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** The rule a key must follow, as the JSON completion request's refusal says it to a program. */
export const COMPLETION_KEY_RULE = 'must be 16 to 64 characters, each a letter A–Z or a–z, a digit, "-" or "_"';

/**
 * A form field's key: null when none was sent (completing without one stores as before, with no
 * protection against a repeat), the key when valid, else the refusal about the field `completionKey`.
 * @example checkCompletionKey('0b7e6f0c-3c4a-4d5e-9f10-1a2b3c4d5e6f') // → ok('0b7e6f0c-…')
 */
export function checkCompletionKey(value: unknown): Outcome<string | null> {
	if (value === null || value === undefined || value === '') return ok(null);
	if (typeof value !== 'string' || !COMPLETION_KEY.test(value)) return err('response.error.completionKey', undefined, 'completionKey');
	return ok(value);
}
