import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { normalizeEmail, signInContext } from '$lib/server/account/accounts';
import { recoverAccount } from '$lib/server/account/recovery';
import { statusFor } from '$lib/server/http/results';
import { rememberNewRecoveryCode } from '$lib/server/account/new-code-cookie';
import type { Actions, PageServerLoad } from './$types';

// Signed-in people change their password on /account/password.
export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/account');
};

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.user) redirect(303, '/account');
		const form = await event.request.formData();
		const email = normalizeEmail(String(form.get('email') ?? ''));
		const ctx = signInContext(event);
		const r = await recoverAccount(
			getDb(),
			{ ...ctx, address: ctx.address ?? '' },
			{ email, code: String(form.get('code') ?? ''), password: String(form.get('password') ?? '') }
		);
		if (!r.ok) return fail(statusFor(r.error, { 'auth.error.tooMany': 429 }), { email, errors: r.problems ?? [r.error] });
		rememberNewRecoveryCode(event.cookies, r.value.code, event.url.protocol === 'https:');
		const shown = '/account/recovery-code?recovered=1&next=/';
		redirect(303, r.value.secondStep ? `/login/two-factor?next=${encodeURIComponent(shown)}` : shown);
	}
};
