import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signIn, signInContext, normalizeEmail } from '$lib/server/account/accounts';
import { createFirstAdmin, setupNeeded } from '$lib/server/account/setup';
import type { Actions, PageServerLoad } from './$types';

// Only a new installation (no admin yet) can be set up; afterwards the page says so and refuses.
export const load: PageServerLoad = async () => ({ needed: await setupNeeded(getDb()) });

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, locals, url } = event;
		const db = getDb();
		const form = await request.formData();
		const email = normalizeEmail(String(form.get('email') ?? ''));
		const password = String(form.get('password') ?? '');
		const created = await createFirstAdmin(db, { email, password, locale: locals.locale });
		if (!created.ok) {
			if (created.error.code === 'setup.done') return fail(403, { done: true, email: '', errors: [] });
			return fail(400, { email, errors: created.problems ?? [created.error] });
		}
		await signIn(db, signInContext(event), created.value.id);
		// Straight to the admin page, which says the account is ready and what comes next.
		redirect(303, '/admin?welcome=1');
	}
};
