import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { requireRole, requireUser } from '$lib/server/http/guards';
import { findCounsellorByCode } from '$lib/server/counsellor/sharing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (user.role !== 'client') error(403, 'Only client accounts can share a profile with a counsellor.');
};

export const actions: Actions = {
	// Finding the counsellor changes nothing: the next page shows who it is and asks to confirm.
	find: async ({ request, locals, url }) => {
		const user = requireRole(locals, url, ['client']);
		const typed = String((await request.formData()).get('code') ?? '').slice(0, 40);
		const found = await findCounsellorByCode(getDb(), typed, user.id);
		if (!found.ok) return fail(400, { typed, problem: found.error });
		redirect(303, `/share/${found.value.code}`);
	}
};
