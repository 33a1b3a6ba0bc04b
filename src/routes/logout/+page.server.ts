import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { clearSessionCookie, invalidateSession, readSessionToken } from '$lib/server/account/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, url }) => {
		const secure = url.protocol === 'https:';
		const token = readSessionToken(cookies, secure);
		if (token) await invalidateSession(getDb(), token);
		clearSessionCookie(cookies, secure);
		redirect(303, '/');
	}
};
