import { fail, redirect } from '@sveltejs/kit';
import { getDb, getRegistry } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { checkGroupForm, createGroup, listMyGroups } from '$lib/server/groups/groups';
import { assignableInstruments } from '$lib/server/counsellor/counsellor-assignments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, url, ['counsellor']);
	return {
		groups: await listMyGroups(getDb(), user),
		instruments: assignableInstruments(getRegistry(), locals.locale),
		deleted: url.searchParams.get('deleted')?.slice(0, 100) ?? null
	};
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, ['counsellor']);
		const form = await request.formData();
		const checked = checkGroupForm(form, getRegistry());
		const values = { name: String(form.get('name') ?? '').slice(0, 200), ends: String(form.get('ends') ?? '').slice(0, 30), instruments: form.getAll('instrument').map(String).slice(0, 50) };
		if (!checked.ok) return fail(400, { problems: checked.problems ?? [checked.error], values });
		const r = await createGroup(getDb(), user, checked.value);
		if (!r.ok) return fail(403, { problems: [r.error], values });
		redirect(303, `/counsellor/groups/${r.value.id}`);
	}
};
