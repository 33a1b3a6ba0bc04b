import { error, fail } from '@sveltejs/kit';
import { getDb, getLabourMarket, getOpportunitySets } from '$lib/server/app';
import { requireUser } from '$lib/server/http/guards';
import { occupationViewFor } from '$lib/server/profile/occupation';
import { starOpportunity, unstarOpportunity } from '$lib/server/profile/shortlist';
import type { Actions, PageServerLoad } from './$types';

// One occupation's page (docs/labour-market.md). `area` in the query string chooses whose labour-market
// figures come first; keeping it posts to this page, so it works without JavaScript.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const result = await occupationViewFor(getDb(), { opportunities: getOpportunitySets(), labourMarket: getLabourMarket() }, user.id, locals.locale, params.set, params.id, url.searchParams.get('area'));
	if (!result.ok) error(404, 'Not found');
	return result.value;
};

export const actions: Actions = {
	star: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await starOpportunity(getDb(), getOpportunitySets().sets, user.id, params.set, params.id);
		if (!result.ok) return fail(400, { starError: result.error });
		return { starred: true };
	},
	unstar: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		await unstarOpportunity(getDb(), user.id, params.set, params.id);
		return { unstarred: true };
	}
};
