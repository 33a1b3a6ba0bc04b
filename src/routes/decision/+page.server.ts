import { fail } from '@sveltejs/kit';
import { getDb, getOpportunitySets } from '$lib/server/app';
import { requireUser } from '$lib/server/http/guards';
import { DECISION_LIMITS, chooseDecisionOptions, loadDecision, saveDecision } from '$lib/server/profile/decision';
import type { Actions, PageServerLoad } from './$types';

// The decision step: balance sheets, the want-vs-likely grid and the action plan for 2–5 kept
// options. One form for all of it (works without JavaScript; with it, saved as the client types).
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { decision: await loadDecision(getDb(), getOpportunitySets().sets, user.id, locals.locale), limits: DECISION_LIMITS };
};

/** What was typed, to show again after a refusal (text fields only). */
const typed = (form: FormData) => Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));

export const actions: Actions = {
	save: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const r = await saveDecision(getDb(), getOpportunitySets().sets, user.id, form);
		if (!r.ok) return fail(400, { errors: r.problems ?? [r.error], values: typed(form) });
		return { saved: true, added: form.get('intent') === 'add' };
	},
	choose: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const r = await chooseDecisionOptions(getDb(), getOpportunitySets().sets, user.id, form.getAll('option').map(String));
		if (!r.ok) return fail(400, { chooseErrors: r.problems ?? [r.error] });
		return { chosen: true };
	}
};
