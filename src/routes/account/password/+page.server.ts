import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signInContext } from '$lib/server/account/accounts';
import { changePassword } from '$lib/server/account/account-sessions';
import { requireUser } from '$lib/server/http/guards';
import { countWorkingApiTokens } from '$lib/server/account/tokens';
import type { Actions, PageServerLoad } from './$types';

// A client without an account has no password yet: they add an email and password on /account.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (user.email === null) redirect(303, '/account');
	return { activeTokens: await countWorkingApiTokens(getDb(), user.id) };
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
			{ current: String(form.get('current') ?? ''), next: String(form.get('password') ?? ''), endTokens: form.get('tokens') === 'end' }
		);
		if (!r.ok) return fail(400, { errors: r.problems ?? [r.error] });
		return { changed: true, ended: r.value.ended, tokensEnded: r.value.tokensEnded };
	}
};
