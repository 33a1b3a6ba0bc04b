import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb, startApp } from '$lib/server/app';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie, validateSessionToken } from '$lib/server/auth';
import { isLocale, pickLocale } from '$lib/i18n';

export const init: ServerInit = async () => {
	await startApp();
};

/** Largest request body accepted anywhere (questionnaire answers included). */
const MAX_BODY_BYTES = 512 * 1024;

const limitBody: Handle = async ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > MAX_BODY_BYTES)
		return new Response(`Request too large: at most ${MAX_BODY_BYTES} bytes are accepted.`, { status: 413 });
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const secure = event.url.protocol === 'https:';
	event.locals.user = null;
	if (token) {
		const valid = await validateSessionToken(getDb(), token);
		if (valid) {
			event.locals.user = valid.user;
			setSessionCookie(event.cookies, token, valid.expiresAt, secure);
		} else clearSessionCookie(event.cookies, secure);
	}
	return resolve(event);
};

const locale: Handle = async ({ event, resolve }) => {
	const chosen = event.locals.user?.locale ?? event.cookies.get('lang');
	event.locals.locale = isLocale(chosen) ? chosen : pickLocale(event.request.headers.get('accept-language'));
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(limitBody, session, locale, headers);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
