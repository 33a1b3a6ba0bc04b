import { redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/http/guards';
import { forgetNewRecoveryCode, newRecoveryCodeOf } from '$lib/server/account/new-code-cookie';
import type { Actions, PageServerLoad } from './$types';

// Shown once after registering, after resetting with a code, or after making a new code on /account.
// Without a new code in the cookie (already continued, or another browser) it goes on to `next`.
export const load: PageServerLoad = ({ cookies, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	const code = newRecoveryCodeOf(cookies);
	if (!code) redirect(303, next);
	return { code, next, recovered: url.searchParams.has('recovered'), recoverUrl: `${url.origin}/login/recover` };
};

export const actions: Actions = {
	default: ({ cookies, url }) => {
		forgetNewRecoveryCode(cookies, url.protocol === 'https:');
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
