import { fail, redirect } from '@sveltejs/kit';
import { getDb, getLabourMarket, getOpportunitySets } from '$lib/server/app';
import { matchesViewFor } from '$lib/server/profile/export';
import { requireUser } from '$lib/server/http/guards';
import { loadPreparation, loadShortlist, savePreparation, starOpportunity, unstarOpportunity } from '$lib/server/profile/shortlist';
import type { Actions, PageServerLoad } from './$types';

/** Matches per "show more" step. */
const STEP = 20;
const MAX_SHOWN = 1000;
const MAX_SEARCH = 100;

// Filters come from the query string (a GET form), so a filtered list can be bookmarked and shared.
// Without a `level` in the URL the client's saved preparation is the filter; before they have chosen
// one, every level is shown at once, and one click on a level saves it. `area` chooses whose
// labour-market figures come first.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const q = url.searchParams;
	const levelParam = q.get('level');
	const preparation = await loadPreparation(db, user.id);
	const level =
		levelParam !== null
			? /^\d{1,3}$/.test(levelParam) ? Number(levelParam) : null
			: typeof preparation === 'number' ? preparation : null;
	const text = (q.get('q') ?? '').trim().slice(0, MAX_SEARCH);
	const n = Number(q.get('n'));
	const limit = Number.isInteger(n) && n > 0 ? Math.min(n, MAX_SHOWN) : STEP;
	const view = await matchesViewFor(db, { opportunities: getOpportunitySets(), labourMarket: getLabourMarket() }, user.id, locals.locale, {
		setId: q.get('set'),
		level,
		text,
		limit,
		area: q.get('area')
	});
	const shortlist = await loadShortlist(db, getOpportunitySets().sets, user.id, locals.locale);

	const more = new URLSearchParams();
	if (view.setId && q.has('set')) more.set('set', view.setId);
	if (levelParam !== null) more.set('level', view.level === null ? '' : String(view.level));
	if (view.text) more.set('q', view.text);
	if (view.area) more.set('area', view.area);
	more.set('n', String(limit + STEP));
	return {
		view,
		moreHref: `/matches?${more}`,
		preparation,
		starred: shortlist.filter((s) => s.set === view.setId).map((s) => s.id)
	};
};

async function form(request: Request) {
	const f = await request.formData();
	return { f, set: String(f.get('set') ?? ''), id: String(f.get('id') ?? '') };
}

export const actions: Actions = {
	/** The preparation question (and the one-click change): saved, then the list at that level. */
	prep: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const { f, set } = await form(request);
		const { sets, defaultId } = getOpportunitySets();
		const chosen = sets.get(set) ?? (defaultId ? sets.get(defaultId) : undefined);
		const levels = Object.keys(chosen?.levels ?? {}).map(Number);
		const result = await savePreparation(getDb(), user.id, f.get('level'), levels);
		if (!result.ok) return fail(400, { prepError: result.error });
		const back = new URLSearchParams();
		if (set && sets.has(set) && set !== defaultId) back.set('set', set);
		const area = String(f.get('area') ?? '');
		if (/^[A-Za-z0-9-]{1,20}$/.test(area)) back.set('area', area);
		redirect(303, `/matches${back.size ? `?${back}` : ''}`);
	},
	star: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const { set, id } = await form(request);
		const result = await starOpportunity(getDb(), getOpportunitySets().sets, user.id, set, id);
		if (!result.ok) return fail(400, { starError: result.error });
		return { starred: id };
	},
	unstar: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const { set, id } = await form(request);
		await unstarOpportunity(getDb(), user.id, set, id);
		return { unstarred: id };
	}
};
