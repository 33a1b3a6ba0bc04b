import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { SESSION_COOKIE, clearSessionCookie, invalidateSession } from '$lib/server/account/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, url }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await invalidateSession(getDb(), token);
		clearSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/');
	}
};
