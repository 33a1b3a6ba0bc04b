// The SurveyJS page completes a response here: POST a JSON body { "answers": { … }, "responseId"?: "…",
// "completionKey"?: "…" }, get { responseId, completed: true, repeated } back, or { message, errors } with
// a 4xx. The same completionKey sent again gets the first completion's answer and stores nothing
// (questionnaires/completion-key.ts). It does what the
// page's `?/complete` form action does (page-completion.ts), without a form action's cost: the body is
// read once as JSON, and the answer is a few bytes of JSON rather than a serialised action result.
// Only application/json is accepted: a page on another site cannot send that without the browser
// asking this server first (CORS preflight), which it never allows, so this needs no origin check of
// its own beyond refusing a foreign Origin header outright.
import type { RequestHandler } from './$types';
import { getDb, getRegistry } from '$lib/server/app';
import { completeFromPage } from '$lib/server/questionnaires/page-completion';
import { readCompletionRequest } from '$lib/server/questionnaires/completion-request';
import { refusalMessage } from '$lib/server/questionnaires/completion-refusal';
import { statusFor } from '$lib/server/http/results';
import { translator } from '$lib/i18n';
import { RESPONSE_STATUS } from '../statuses';

/** A small JSON answer with its length declared, so the compression hook passes it on as it is. */
function reply(status: number, body: unknown): Response {
	const text = JSON.stringify(body);
	return new Response(text, {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) }
	});
}

export const POST: RequestHandler = async ({ request, params, locals, url }) => {
	const t = translator(locals.locale);
	const instrument = getRegistry().instruments.get(params.id);
	if (!instrument) return reply(404, { message: `There is no questionnaire called “${params.id}”.`, errors: [] });
	const origin = request.headers.get('origin');
	if (origin !== null && origin !== url.origin) return reply(403, { message: 'Cross-site requests are refused.', errors: [] });
	if (!locals.user) return reply(401, { message: t('complete.signedOut'), errors: [] });
	const read = readCompletionRequest(request.headers.get('content-type'), await request.text());
	if (!read.ok) return reply(read.status, { message: `${t('complete.badRequest')} (${read.reason})`, errors: [] });
	const r = await completeFromPage(getDb(), locals.user.id, instrument, read.value);
	if (!r.ok)
		return reply(statusFor(r.error, RESPONSE_STATUS), { message: refusalMessage(instrument.questionnaire, r, locals.locale, t), errors: r.errors ?? [] });
	return reply(200, { responseId: r.value.responseId, completed: true, repeated: r.value.repeated });
};
