import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb, getSessionPolicy, requireTotpForStaff, startApp } from '$lib/server/app';
import { clearSessionCookie, readSessionToken, setSessionCookie, validateSessionToken } from '$lib/server/account/auth';
import { isLocale, pickLocale } from '$lib/i18n';
import { checkActionName, checkBodySize, checkFormPost, safeClientAddress, type HttpRefusal } from '$lib/server/http/request-guard';
import { securityHeaders } from '$lib/server/http/security-headers';
import { logFailedRequest } from '$lib/server/http/error-log';
import { compressResponse } from '$lib/server/http/compression';
import { touchActivity } from '$lib/server/profile/activity';
import { mustAgree } from '$lib/server/account/privacy';
import { WITHOUT_OWN_PASSWORD, mustSetPassword } from '$lib/server/account/first-password';
import { WITHOUT_TWO_FACTOR, mustSetUpTwoFactor } from '$lib/server/account/staff-two-factor';

export const init: ServerInit = async () => {
	await startApp();
};

function refuse(request: Request, { status, message }: HttpRefusal): Response {
	// `use:enhance` reads an action result; a plain form post or a script gets the message as text.
	if ((request.headers.get('accept') ?? '').includes('application/json'))
		return Response.json({ type: 'error', status, error: { message } }, { status });
	return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** The one place where malformed requests are refused (see request-guard.ts); each is logged as one warning line. */
const guardRequest: Handle = async ({ event, resolve }) => {
	event.getClientAddress = safeClientAddress(event.getClientAddress);
	const { request } = event;
	const refused = (refusal: HttpRefusal) => {
		logFailedRequest(request.method, event.route.id ?? event.url.pathname, refusal.status, refusal.message);
		return refuse(request, refusal);
	};
	const tooLarge = checkBodySize(request);
	if (tooLarge) return refused(tooLarge);
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		const badName = checkActionName(event.url);
		if (badName) return refused(badName);
		const form = await checkFormPost(request);
		if (!form.ok) return refused(form.refusal);
		event.request = form.request;
	}
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	const secure = event.url.protocol === 'https:';
	const token = readSessionToken(event.cookies, secure);
	event.locals.user = null;
	event.locals.sessionId = null;
	if (token) {
		const valid = await validateSessionToken(getDb(), token, getSessionPolicy());
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionId = valid.sessionId;
			// Deletion after inactivity (anonymous clients, client accounts) counts from the last visit.
			await touchActivity(getDb(), valid.user.id);
			setSessionCookie(event.cookies, token, valid.expiresAt, secure);
		} else clearSessionCookie(event.cookies, secure);
	}
	return resolve(event);
};

/** A person whose password an administrator chose sets their own before anything else (account/first-password.ts). */
const ownPassword: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	if (!user || !mustSetPassword(user) || WITHOUT_OWN_PASSWORD.test(event.url.pathname)) return resolve(event);
	if (event.request.method === 'GET' || event.request.method === 'HEAD') {
		const next = event.url.pathname + event.url.search;
		return new Response(null, { status: 303, headers: { location: `/account/set-password?next=${encodeURIComponent(next)}` } });
	}
	return refuse(event.request, { status: 403, message: 'Please choose your own password at /account/set-password first.' });
};

/** With REQUIRE_TOTP_FOR_STAFF=1, staff without two-factor sign-in set it up before anything else (account/staff-two-factor.ts). */
const staffTwoFactor: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	if (!user || !requireTotpForStaff() || mustSetPassword(user) || WITHOUT_TWO_FACTOR.test(event.url.pathname) || !(await mustSetUpTwoFactor(getDb(), user)))
		return resolve(event);
	if (event.request.method === 'GET' || event.request.method === 'HEAD') {
		const next = event.url.pathname + event.url.search;
		return new Response(null, { status: 303, headers: { location: `/account/two-factor?next=${encodeURIComponent(next)}` } });
	}
	return refuse(event.request, { status: 403, message: 'Please set up two-factor sign-in at /account/two-factor first.' });
};

// Where a client who has not agreed to the current privacy notice may still go: the notice itself,
// signing out, and their account page (language, download all my data, delete the account).
const WITHOUT_AGREEMENT = /^\/(privacy|logout|language|account|account\/data\.json)\/?$/;

/** A client who has not agreed to the current privacy notice is asked to first (privacy.ts). */
const privacy: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	if (!user || !mustAgree(user) || WITHOUT_AGREEMENT.test(event.url.pathname)) return resolve(event);
	if (event.request.method === 'GET' || event.request.method === 'HEAD') {
		const next = event.url.pathname + event.url.search;
		return new Response(null, { status: 303, headers: { location: `/privacy?next=${encodeURIComponent(next)}` } });
	}
	return refuse(event.request, { status: 403, message: 'Please read and agree to the privacy notice at /privacy first.' });
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
	for (const [name, value] of securityHeaders(event.url.protocol === 'https:')) response.headers.set(name, value);
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	// Pages and other text compressed when the browser accepts it (brotli or gzip).
	return compressResponse(event.request, response);
};

export const handle = sequence(headers, guardRequest, session, ownPassword, staffTwoFactor, privacy, locale);

// Logged with the request's method and route, so a log line says where it happened: a client error
// as one warning line, a server error with its stack (error-log.ts).
export const handleError: HandleServerError = ({ error, event, status }) => {
	logFailedRequest(event.request.method, event.route.id ?? event.url.pathname, status, error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
