import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signInContext } from '$lib/server/account/accounts';
import { completeSecondStep, hasPendingSignIn } from '$lib/server/account/second-step';
import { noteRecoveryCodesLeft } from '$lib/server/account/sign-in-notice';
import { safeNext } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

// The second step of a two-factor sign-in (account/second-step.ts). Without a pending sign-in in
// this browser (it expired, or nobody typed a password here) the page says so and links to /login.
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { pending: await hasPendingSignIn(getDb(), cookies, url.protocol === 'https:'), next };
};

export const actions: Actions = {
	default: async (event) => {
		const { url, setHeaders, cookies } = event;
		const next = safeNext(url.searchParams.get('next'));
		const code = String((await event.request.formData()).get('code') ?? '');
		const r = await completeSecondStep(getDb(), signInContext(event), code);
		if (r.ok) {
			// After a recovery code, the page it lands on says how many are left.
			if (r.value.recoveryCode) noteRecoveryCodesLeft(cookies, r.value.codesLeft, url.protocol === 'https:');
			redirect(303, next);
		}
		const wait = r.error.params?.retryAfter;
		if (wait !== undefined) {
			setHeaders({ 'retry-after': String(wait) });
			return fail(429, { error: r.error });
		}
		return fail(r.error.code === 'twoFactor.error.expired' ? 401 : 400, { error: r.error, expired: r.error.code === 'twoFactor.error.expired' });
	}
};
