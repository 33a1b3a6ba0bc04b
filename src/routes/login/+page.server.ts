import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { authenticate, signInContext, normalizeEmail } from '$lib/server/account/accounts';
import { signInOrSecondStep } from '$lib/server/account/second-step';
import { landingAfterSignIn, safeNext } from '$lib/server/http/guards';
import { admitSignIn, retryAfterOf, signInFailed, signInSucceeded } from '$lib/server/account/throttle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async (event) => {
		const { request, url, getClientAddress, setHeaders } = event;
		const form = await request.formData();
		const email = normalizeEmail(String(form.get('email') ?? ''));
		const password = String(form.get('password') ?? '');
		const db = getDb();
		const admitted = await admitSignIn(db, getClientAddress(), email);
		if (!admitted.ok) {
			setHeaders({ 'retry-after': String(retryAfterOf(admitted.error)) });
			return fail(429, { email, errors: [{ ...admitted.error, field: 'password' }] });
		}
		const user = email && password && password.length <= 200 ? await authenticate(db, email, password) : null;
		if (!user) {
			await signInFailed(db, admitted.value);
			return fail(400, { email, errors: [{ code: 'auth.error.invalid' as const, field: 'password' }] });
		}
		await signInSucceeded(db, admitted.value);
		const next = landingAfterSignIn(user.role, url.searchParams.get('next'));
		// An account with two-factor sign-in has no session yet: the code comes first.
		if ((await signInOrSecondStep(db, signInContext(event), user.id)) === 'second-step')
			redirect(303, `/login/two-factor?next=${encodeURIComponent(next)}`);
		redirect(303, next);
	}
};
