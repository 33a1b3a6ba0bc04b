import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { requireRole, requireUser } from '$lib/server/http/guards';
import { findCounsellorByCode, grantShare, normaliseShareCode, sharedSince } from '$lib/server/counsellor/sharing';
import { problemText } from '$lib/server/http/results';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	if (user.role !== 'client') error(403, problemText({ code: 'counsellor.share.error.notClient' }, locals.locale));
	const db = getDb();
	const found = await findCounsellorByCode(db, params.code, user.id);
	if (!found.ok) return { code: normaliseShareCode(params.code), problem: found.error, counsellor: null, since: null };
	// A link typed as `k7m q2xf` lands on the one spelling of the code.
	const { code, counsellor } = found.value;
	if (code !== params.code) redirect(303, `/share/${code}`);
	return { code, problem: null, counsellor, since: await sharedSince(db, user.id, counsellor.id) };
};

export const actions: Actions = {
	confirm: async ({ params, locals, url }) => {
		const user = requireRole(locals, url, ['client']);
		const db = getDb();
		// Unknown codes count against the client here too, so codes cannot be found by confirming many.
		const found = await findCounsellorByCode(db, params.code, user.id);
		if (!found.ok) return fail(400, { problem: found.error });
		const r = await grantShare(db, user, found.value.counsellor.id);
		if (!r.ok) return fail(400, { problem: r.error });
		return { granted: true, already: r.value.already };
	}
};
