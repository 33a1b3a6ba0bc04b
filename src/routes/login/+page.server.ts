import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { authenticate, signInWithPassword, signInContext, normalizeEmail } from '$lib/server/account/accounts';
import { safeNext } from '$lib/server/http/guards';
import { signInKey, signInLimiter } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url, getClientAddress } = event;
		const form = await request.formData();
		const email = normalizeEmail(String(form.get('email') ?? ''));
		const password = String(form.get('password') ?? '');
		const key = signInKey(getClientAddress(), email);
		const db = getDb();
		const minutes = await signInLimiter.blockedFor(db, key);
		if (minutes > 0)
			return fail(429, { email, errors: [{ field: 'password', key: 'auth.error.tooMany', params: { n: minutes } } as const] });
		const user = email && password && password.length <= 200 ? await authenticate(db, email, password) : null;
		if (!user) {
			await signInLimiter.fail(db, key);
			return fail(400, { email, errors: [{ field: 'password', key: 'auth.error.invalid' } as const] });
		}
		await signInLimiter.reset(db, key);
		await signInWithPassword(db, signInContext(event), user.id);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
