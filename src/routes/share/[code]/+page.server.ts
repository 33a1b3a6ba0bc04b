import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { requireRole, requireUser } from '$lib/server/http/guards';
import { findCounsellorByCode, grantShare, sharedSince } from '$lib/server/counsellor/sharing';
import type { Actions, PageServerLoad } from './$types';

const onlyClients = 'Only client accounts can share a profile with a counsellor.';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	if (user.role !== 'client') error(403, onlyClients);
	const db = getDb();
	const found = await findCounsellorByCode(db, params.code, user.id);
	// A link typed as `k7m q2xf` lands on the one spelling of the code.
	if (found.code && found.code !== params.code && found.ok) redirect(303, `/share/${found.code}`);
	if (!found.ok) return { code: found.code, problem: found.reason, counsellor: null, since: null };
	return { code: found.code, problem: null, counsellor: found.counsellor, since: await sharedSince(db, user.id, found.counsellor.id) };
};

export const actions: Actions = {
	confirm: async ({ params, locals, url }) => {
		const user = requireRole(locals, url, ['client']);
		const db = getDb();
		// Unknown codes count against the client here too, so codes cannot be found by confirming many.
		const found = await findCounsellorByCode(db, params.code, user.id);
		if (!found.ok) return fail(400, { problem: found.reason });
		const r = await grantShare(db, user, found.counsellor.id);
		if (!r.ok) return fail(400, { problem: r.reason });
		return { granted: true, already: r.already };
	}
};
