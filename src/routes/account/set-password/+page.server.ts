import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signInContext } from '$lib/server/account/accounts';
import { mustSetPassword, setOwnPassword } from '$lib/server/account/first-password';
import { requireUser, safeNext } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

// Only for people whose password an administrator chose; everyone else goes on.
export const load: PageServerLoad = ({ locals, url }) => {
	if (!mustSetPassword(requireUser(locals, url))) redirect(303, safeNext(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event.locals, event.url);
		if (!mustSetPassword(user)) redirect(303, safeNext(event.url.searchParams.get('next')));
		const r = await setOwnPassword(getDb(), signInContext(event), user.id, String((await event.request.formData()).get('password') ?? ''));
		if (!r.ok) return fail(400, { errors: r.problems ?? [r.error] });
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
