import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { startAnonymous } from '$lib/server/account/anonymous';
import { safeNext } from '$lib/server/http/guards';
import { checkAgreement } from '$lib/server/account/privacy';
import { rememberNewCode } from '$lib/server/account/new-code-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async ({ locals, url, cookies, getClientAddress, request, setHeaders }) => {
		const next = safeNext(url.searchParams.get('next'));
		if (locals.user) redirect(303, next);
		if (checkAgreement(await request.formData())) return fail(400, { mustAgree: true });
		const secure = url.protocol === 'https:';
		const r = await startAnonymous(getDb(), cookies, { locale: locals.locale, address: getClientAddress(), secure });
		if (!r.ok) {
			setHeaders({ 'retry-after': String(r.error.params?.retryAfter) });
			return fail(429, { refused: r.error });
		}
		rememberNewCode(cookies, r.value.code, secure);
		redirect(303, `/start/code?next=${encodeURIComponent(next)}`);
	}
};
