// The one result type services return. A failure is a message key of the translation layer
// (src/lib/i18n) with its parameters, and the field it is about when it is about one; the route
// chooses the HTTP status and the page shows the text in the person's language. Services never throw
// for an expected refusal and never pick a status. Neutral: pages and components may import it.
import type { MessageKey } from './i18n';

export interface Problem {
	code: MessageKey;
	params?: Record<string, string | number>;
	field?: string;
}

/** `problems`: every problem of a form with several fields, in the order of the fields; `error` is the first. */
export type Failure = { ok: false; error: Problem; problems?: Problem[] };
export type Result<T = undefined> = { ok: true; value: T } | Failure;

/** A success carrying `value`. */
export function ok(): { ok: true; value: undefined };
export function ok<T>(value: T): { ok: true; value: T };
export function ok<T>(value?: T) {
	return { ok: true as const, value };
}

/** A form refused for several problems at once (at least one). */
export function errs(problems: [Problem, ...Problem[]]): Failure {
	return { ok: false, error: problems[0], problems };
}

/** A refusal: the message key, its parameters, the field it is about. */
export function err(code: MessageKey, params?: Record<string, string | number>, field?: string): Failure {
	const error: Problem = { code };
	if (params) error.params = params;
	if (field) error.field = field;
	return { ok: false, error };
}
