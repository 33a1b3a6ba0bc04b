// Malformed requests are refused here, once, before any page or form action sees them: a body
// SvelteKit would accept but cannot parse (text/plain forms, multipart without a boundary, cut-off
// multipart), control characters in a form field, or a connection whose address is gone. Each gets a
// 4xx with a message that says what was wrong, and nothing runs.
// A route-level guard run by the hooks, not a service: it answers the request itself, so unlike the
// services (src/lib/result.ts, docs/architecture.md) it chooses the HTTP status of each refusal.

/** Largest request body accepted anywhere (questionnaire answers and playground files included). */
export const MAX_BODY_BYTES = 512 * 1024;

export interface HttpRefusal {
	status: 400 | 403 | 404 | 413 | 415;
	message: string;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and the C1 controls.
 * Tab and line breaks are ordinary in multi-line fields; single-line fields refuse them themselves.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const hasControlCharacter = (text: string): boolean => CONTROL.test(text);

/** Control characters anywhere, tab and line breaks included: for one-line fields (email, password, names). */
// eslint-disable-next-line no-control-regex
export const hasAnyControlCharacter = (text: string): boolean => /[\u0000-\u001f\u007f-\u009f]/.test(text);

function mediaType(contentType: string | null): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

const MAX_FIELD_NAME_SHOWN = 40;
const shownName = (name: string) =>
	JSON.stringify(name.length > MAX_FIELD_NAME_SHOWN ? `${name.slice(0, MAX_FIELD_NAME_SHOWN)}…` : name);

/** What `checkFormPost` found: the request to hand on (its body still readable), or why it is refused. */
export type FormPostCheck = { ok: true; request: Request } | { ok: false; refusal: HttpRefusal };

/** Why a form's fields cannot be handled, or null when they can. */
function checkFields(fields: Iterable<[string, FormDataEntryValue]>): HttpRefusal | null {
	for (const [name, value] of fields) {
		if (hasControlCharacter(name))
			return { status: 400, message: 'A form field name contains a control character.' };
		if (typeof value === 'string' && hasControlCharacter(value))
			return {
				status: 400,
				message: `The field ${shownName(name)} contains a control character (an invisible code such as U+0000); remove it and send the form again.`
			};
	}
	return null;
}

/**
 * Whether a form post can be handled. Only posts whose content type SvelteKit would hand to a form
 * action are read; other types are left to SvelteKit, which answers them with 415 itself. A form that
 * was read comes back as a new request carrying the same bytes, so the form action reads it as sent:
 * the body is read once, never copied into two streams (a clone's tee cost more per completion than
 * scoring it).
 */
export async function checkFormPost(request: Request): Promise<FormPostCheck> {
	const type = mediaType(request.headers.get('content-type'));
	if (type === 'text/plain')
		return {
			ok: false,
			refusal: {
				status: 415,
				message:
					'Forms must be sent as application/x-www-form-urlencoded or multipart/form-data, not text/plain.'
			}
		};
	if (!FORM_TYPES.includes(type)) return { ok: true, request };
	const contentType = request.headers.get('content-type') ?? '';
	if (type === 'multipart/form-data' && !/;\s*boundary=/i.test(contentType))
		return { ok: false, refusal: { status: 400, message: 'The form is multipart/form-data without a boundary, so it cannot be read.' } };
	let bytes: ArrayBuffer;
	let fields: Iterable<[string, FormDataEntryValue]>;
	try {
		bytes = await request.arrayBuffer();
		// URL-encoded forms are what URLSearchParams reads (as the Fetch standard's formData() does);
		// multipart ones go through the platform's parser.
		fields =
			type === 'application/x-www-form-urlencoded'
				? new URLSearchParams(new TextDecoder().decode(bytes))
				: await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
	} catch (e) {
		const reason = e instanceof Error && e.message ? `: ${e.message}` : '';
		return { ok: false, refusal: { status: 400, message: `The form could not be read${reason}.` } };
	}
	const refusal = checkFields(fields);
	if (refusal) return { ok: false, refusal };
	return { ok: true, request: new Request(request.url, { method: request.method, headers: request.headers, body: bytes, signal: request.signal }) };
}

/**
 * SvelteKit looks the action named by `?/name` up in a plain object, so `?/__proto__` finds
 * Object.prototype and `?/default` is refused with an exception: both would be a 500.
 */
export function checkActionName(url: URL): HttpRefusal | null {
	for (const [key] of url.searchParams) {
		if (!key.startsWith('/')) continue;
		const name = key.slice(1);
		if (name === 'default' || name in Object.prototype)
			return { status: 404, message: `There is no form action called ${shownName(name)} here.` };
		return null;
	}
	return null;
}

/** A declared body over the limit, or null. Bodies without a length are cut off by the server itself. */
export function checkBodySize(request: Request): HttpRefusal | null {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_BODY_BYTES)
		return { status: 413, message: `Request too large: at most ${MAX_BODY_BYTES} bytes are accepted.` };
	return null;
}

/**
 * `getClientAddress` throws, or returns undefined, when the connection is already gone (the client
 * hung up) or a configured address header is missing. Code that keys limits by address then gets
 * one shared placeholder instead of an exception: such requests are throttled together.
 */
export function safeClientAddress(get: () => string): () => string {
	return () => {
		try {
			const address = get();
			return typeof address === 'string' && address ? address : 'unknown';
		} catch {
			return 'unknown';
		}
	};
}
