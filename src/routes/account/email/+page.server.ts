import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { changeEmail } from '$lib/server/account/email-change';
import { requireUser } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

// A client without an account has no email yet: they add an email and password on /account.
export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (user.email === null) redirect(303, '/account');
	return { email: user.email };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event.locals, event.url);
		if (user.email === null) redirect(303, '/account');
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const r = await changeEmail(getDb(), user.id, { email, password: String(form.get('password') ?? '') });
		if (!r.ok) return fail(400, { email, errors: r.problems ?? [r.error] });
		return { changed: r.value.email };
	}
};
