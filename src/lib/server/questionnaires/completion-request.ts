// Reading the SurveyJS page's completion request (src/routes/q/[id]/complete/+server.ts): a JSON object
// { "answers": { … }, "responseId"?: "…", "completionKey"?: "…" } (the idempotency key, completion-key.ts). Anything else is refused with the reason, before any
// response is touched. Form posts are checked for control characters by the request guard
// (http/request-guard.ts); a JSON body carries them as escapes, so they are looked for here, after parsing.
import { hasControlCharacter } from '../http/request-guard';
import { COMPLETION_KEY, COMPLETION_KEY_RULE } from './completion-key';

/** `answers` is the object as parsed here: completing uses it as it is, without writing and reading it again. */
export type CompletionRequest = { responseId: string | null; answers: Record<string, unknown>; completionKey: string | null };

export type CompletionRequestCheck =
	| { ok: true; value: CompletionRequest }
	| { ok: false; status: 400 | 415; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first string (key or value) in `value` with a control character, by where it is; null when none. */
function controlCharacterAt(value: unknown, where: string): string | null {
	if (typeof value === 'string') return hasControlCharacter(value) ? where : null;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const at = controlCharacterAt(value[i], `${where}[${i}]`);
			if (at) return at;
		}
		return null;
	}
	if (isRecord(value))
		for (const key in value) {
			if (hasControlCharacter(key)) return `${where} (a name)`;
			const at = controlCharacterAt(value[key], `${where}.${key}`);
			if (at) return at;
		}
	return null;
}

/**
 * The request's response id, answers (the parsed object; the body is read once) and key, or why it
 * cannot be read.
 * @example readCompletionRequest('application/json', '{"answers":{"R1":3}}') // → { ok: true, value: { responseId: null, answers: { R1: 3 }, completionKey: null } }
 */
export function readCompletionRequest(contentType: string | null, text: string): CompletionRequestCheck {
	if ((contentType ?? '').split(';')[0].trim().toLowerCase() !== 'application/json')
		return { ok: false, status: 415, reason: 'the body must be sent as application/json' };
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { ok: false, status: 400, reason: 'the body is not valid JSON' };
	}
	if (!isRecord(body)) return { ok: false, status: 400, reason: 'the body must be a JSON object' };
	const { answers, responseId, completionKey } = body;
	if (!isRecord(answers)) return { ok: false, status: 400, reason: '"answers" must be an object of answers' };
	if (responseId !== undefined && responseId !== null && typeof responseId !== 'string')
		return { ok: false, status: 400, reason: '"responseId" must be a string' };
	if (completionKey !== undefined && completionKey !== null && (typeof completionKey !== 'string' || !COMPLETION_KEY.test(completionKey)))
		return { ok: false, status: 400, reason: `"completionKey" ${COMPLETION_KEY_RULE}` };
	const at = controlCharacterAt(answers, 'answers');
	if (at) return { ok: false, status: 400, reason: `${at} contains a control character (an invisible code such as U+0000)` };
	return { ok: true, value: { responseId: responseId || null, answers, completionKey: completionKey || null } };
}
