import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signInContext } from '$lib/server/account/accounts';
import { changePassword } from '$lib/server/account/account-sessions';
import { requireUser } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

// A client without an account has no password yet: they add an email and password on /account.
export const load: PageServerLoad = ({ locals, url }) => {
	if (requireUser(locals, url).email === null) redirect(303, '/account');
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event.locals, event.url);
		if (user.email === null) redirect(303, '/account');
		const form = await event.request.formData();
		const r = await changePassword(
			getDb(),
			signInContext(event),
			user,
			{ current: String(form.get('current') ?? ''), next: String(form.get('password') ?? '') }
		);
		if (!r.ok) return fail(400, { errors: r.problems ?? [r.error] });
		return { changed: true, ended: r.value.ended };
	}
};
