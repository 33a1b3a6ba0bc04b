import { redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/http/guards';
import { forgetNewCode, newCodeOf } from '$lib/server/account/new-code-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	const code = newCodeOf(cookies);
	if (!code) redirect(303, next);
	// `?print`: the page for printing (the code and how to use it, nothing else), for browsers without JavaScript.
	return { code, next, resumeUrl: `${url.origin}/resume`, printView: url.searchParams.has('print') };
};

export const actions: Actions = {
	default: ({ cookies, url }) => {
		forgetNewCode(cookies, url.protocol === 'https:');
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
