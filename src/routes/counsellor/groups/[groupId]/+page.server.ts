import { fail, redirect } from '@sveltejs/kit';
import { getDb, getRegistry } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { valueOr } from '$lib/server/http/results';
import { assignToGroup, closeGroup, findOwnGroup, loadGroupPage, removeGroup } from '$lib/server/groups/groups';
import { err } from '$lib/result';
import type { Actions, PageServerLoad } from './$types';

// A counsellor's own group: progress, the protected aggregate, and what they can do with the group.
// Any other group (someone else's, or none) is a 404, so group ids cannot be probed.
export const load: PageServerLoad = async ({ locals, url, params, setHeaders }) => {
	const user = requireRole(locals, url, ['counsellor']);
	const db = getDb();
	const group = valueOr(await findOwnGroup(db, user, params.groupId), 404, locals.locale);
	setHeaders({ 'cache-control': 'private, no-store' });
	return { view: await loadGroupPage(db, getRegistry(), group, url.origin, locals.locale), closedNow: url.searchParams.has('closed') };
};

export const actions: Actions = {
	assign: async ({ locals, url, params, request }) => {
		const user = requireRole(locals, url, ['counsellor']);
		const form = await request.formData();
		const r = await assignToGroup(getDb(), getRegistry(), user, params.groupId, String(form.get('instrument') ?? ''));
		if (!r.ok) return fail(r.error.code === 'groups.error.notFound' ? 404 : 400, { problem: r.error });
		return { assigned: true };
	},
	close: async ({ locals, url, params }) => {
		const user = requireRole(locals, url, ['counsellor']);
		const r = await closeGroup(getDb(), user, params.groupId);
		if (!r.ok) return fail(404, { problem: r.error });
		return { closed: true };
	},
	delete: async ({ locals, url, params, request }) => {
		const user = requireRole(locals, url, ['counsellor']);
		const form = await request.formData();
		// Deleting cannot be undone: the form asks to confirm with a tick.
		if (form.get('confirm') !== 'yes') return fail(400, { problem: err('groups.error.confirmDelete', undefined, 'confirm').error });
		const r = await removeGroup(getDb(), user, params.groupId);
		if (!r.ok) return fail(404, { problem: r.error });
		redirect(303, `/counsellor/groups?deleted=${encodeURIComponent(r.value.name)}`);
	}
};
