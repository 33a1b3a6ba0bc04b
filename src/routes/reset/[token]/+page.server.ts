import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signInContext } from '$lib/server/account/accounts';
import { checkResetLink, LINK_REFUSALS, useResetLink } from '$lib/server/account/password-reset';
import type { Actions, PageServerLoad } from './$types';

// A one-time link an administrator gave the person; anyone holding it may use it, signed in or not.
export const load: PageServerLoad = async ({ params }) => {
	const link = await checkResetLink(getDb(), params.token);
	return link.state === 'ok' ? { state: link.state, email: link.email } : { state: link.state, email: null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const r = await useResetLink(getDb(), signInContext(event), event.params.token, String(form.get('password') ?? ''));
		if (r.ok) redirect(303, r.value.secondStep ? '/login/two-factor' : '/');
		const code = r.error.code;
		if (code in LINK_REFUSALS) return fail(400, { state: LINK_REFUSALS[code as keyof typeof LINK_REFUSALS] });
		return fail(400, { errors: r.problems ?? [r.error] });
	}
};
