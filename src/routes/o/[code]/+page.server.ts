import { error, fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { getDb, getRegistry } from '$lib/server/app';
import {
	ANSWER_COOKIE,
	inviteAnswerLimiter,
	inviteCodeLimiter,
	newAnswerToken,
	openInvite,
	previousAnswer,
	saveInviteeAnswer
} from '$lib/server/others/others-invitee';
import { showCode } from '$lib/server/others/others-view';
import { statusFor } from '$lib/server/http/results';
import type { Actions, PageServerLoad } from './$types';

// The page a person opens from an invitation link. No account, works without JavaScript; the only
// thing kept in their browser is a random answer id, in a cookie that only this link's page gets.

/** The status and the page's reason of each refusal of an answer; any other is a problem with the answer (400). */
const STATUS = { 'others.answer.closed': 410, 'others.answer.full': 409 } as const;
const reasonOf = (code: string) => (code === 'others.answer.closed' ? 'closed' : code === 'others.answer.full' ? 'full' : 'invalid');

const cookiePath = (code: string) => `/o/${code}`;
const addressKey = (address: string) => address.slice(0, 64);

/**
 * Guessing codes is throttled per address (inviteCodeLimiter, like share codes per client): while an
 * address is over the limit, no code is looked up, and the answer is 429 with Retry-After.
 */
async function codeGuessWait(db: ReturnType<typeof getDb>, key: string): Promise<{ seconds: number; minutes: number } | null> {
	const ms = await inviteCodeLimiter.blockedForMs(db, key);
	return ms > 0 ? { seconds: Math.ceil(ms / 1000), minutes: Math.ceil(ms / 60_000) } : null;
}

export const load: PageServerLoad = async ({ params, cookies, getClientAddress, setHeaders, locals, request }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
	const db = getDb();
	const key = addressKey(getClientAddress());
	const wait = await codeGuessWait(db, key);
	if (wait) {
		// After a refused answer the action has set it already (a header can be set once).
		if (request.method !== 'POST') setHeaders({ 'retry-after': String(wait.seconds) });
		error(429, translate(locals.locale, 'others.answer.throttled', { minutes: wait.minutes }));
	}
	const opened = await openInvite(db, getRegistry(), params.code);
	if (opened.state === 'unknown') {
		await inviteCodeLimiter.fail(db, key);
		return { status: 'unknown' as const };
	}
	// One spelling of each link, so the answer cookie (scoped to the link's path) is always sent.
	if (params.code !== opened.invite.code) redirect(303, cookiePath(opened.invite.code));
	if (opened.state !== 'open') return { status: 'closed' as const };
	const { invite, themes, definition } = opened;
	const previous = await previousAnswer(db, invite.id, cookies.get(ANSWER_COOKIE));
	return {
		status: 'open' as const,
		code: showCode(invite.code),
		name: invite.shown_name,
		closes: invite.expires_at,
		themes,
		max: definition.max,
		maxText: definition.maxTextLength,
		previous
	};
};

export const actions: Actions = {
	default: async ({ request, params, cookies, getClientAddress, url, setHeaders }) => {
		const db = getDb();
		const key = addressKey(getClientAddress());
		const wait = await codeGuessWait(db, key);
		if (wait) {
			setHeaders({ 'retry-after': String(wait.seconds) });
			return fail(429, { reason: 'throttled' as const, minutes: wait.minutes });
		}
		const blocked = await inviteAnswerLimiter.blockedFor(db, key);
		if (blocked > 0) return fail(429, { reason: 'throttled' as const, minutes: blocked });
		await inviteAnswerLimiter.fail(db, key);
		const opened = await openInvite(db, getRegistry(), params.code);
		if (opened.state === 'unknown') {
			await inviteCodeLimiter.fail(db, key);
			return fail(404, { reason: 'closed' as const });
		}
		const data = await request.formData();
		const form = { qualities: data.getAll('quality'), text: data.get('text') ?? undefined };
		let token = cookies.get(ANSWER_COOKIE);
		if (!token || token.length > 64) token = newAnswerToken();
		const saved = await saveInviteeAnswer(db, opened, token, form);
		if (!saved.ok) {
			const picked = form.qualities.filter((v): v is string => typeof v === 'string').slice(0, 100);
			const reason = reasonOf(saved.error.code);
			const problems = reason === 'invalid' ? (saved.problems ?? [saved.error]) : [];
			return fail(statusFor(saved.error, STATUS), { reason, problems, picked, text: typeof form.text === 'string' ? form.text.slice(0, 5000) : '' });
		}
		if (opened.state === 'open')
			cookies.set(ANSWER_COOKIE, token, {
				path: cookiePath(opened.invite.code),
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				expires: new Date(opened.invite.expires_at)
			});
		return { saved: true, changed: saved.value.changed };
	}
};
