import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { checkCredentials, createAccount, signIn } from '$lib/server/accounts';
import { countUsersWithRole } from '$lib/server/repositories/users';
import type { Actions, PageServerLoad } from './$types';

// Only a new installation (no admin yet) can be set up; afterwards the page says so and refuses.
export const load: PageServerLoad = async () => ({
	needed: (await countUsersWithRole(getDb(), 'admin')) === 0
});

// Setting up runs one request at a time, so two people submitting at once cannot both become
// the first administrator (the check and the insert are otherwise separate steps).
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
	const run = queue.then(fn, fn);
	queue = run.catch(() => undefined);
	return run;
}

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const db = getDb();
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const outcome = await oneAtATime(async () => {
			if ((await countUsersWithRole(db, 'admin')) > 0) return fail(403, { done: true, email: '', errors: [] });
			const errors = checkCredentials(email, password);
			if (errors.length) return fail(400, { email, errors });
			const created = await createAccount(db, { email, password, role: 'admin', locale: locals.locale });
			if (!created.ok) return fail(400, { email, errors: [{ field: 'email', key: 'auth.error.taken' } as const] });
			await signIn(db, cookies, created.id, url.protocol === 'https:');
			return null;
		});
		if (outcome) return outcome;
		redirect(303, '/');
	}
};
