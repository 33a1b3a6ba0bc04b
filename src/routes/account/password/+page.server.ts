import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signInContext } from '$lib/server/accounts';
import { changePassword } from '$lib/server/account-sessions';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event.locals, event.url);
		const form = await event.request.formData();
		const r = await changePassword(
			getDb(),
			signInContext(event),
			user,
			{ current: String(form.get('current') ?? ''), next: String(form.get('password') ?? '') }
		);
		if (!r.ok) return fail(400, { errors: r.errors });
		return { changed: true, ended: r.ended };
	}
};
