import { getDb } from '$lib/server/app';
import { matchesViewFor } from '$lib/server/export';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** Matches per "show more" step. */
const STEP = 20;
const MAX_SHOWN = 1000;
const MAX_SEARCH = 100;

// Filters come from the query string (a GET form), so a filtered list can be bookmarked and shared.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const q = url.searchParams;
	const levelParam = q.get('level') ?? '';
	const level = /^\d{1,3}$/.test(levelParam) ? Number(levelParam) : null;
	const text = (q.get('q') ?? '').trim().slice(0, MAX_SEARCH);
	const n = Number(q.get('n'));
	const limit = Number.isInteger(n) && n > 0 ? Math.min(n, MAX_SHOWN) : STEP;
	const view = await matchesViewFor(getDb(), user.id, locals.locale, { setId: q.get('set'), level, text, limit });

	const more = new URLSearchParams();
	if (view.setId && q.has('set')) more.set('set', view.setId);
	if (view.level !== null) more.set('level', String(view.level));
	if (view.text) more.set('q', view.text);
	more.set('n', String(limit + STEP));
	return { view, moreHref: `/matches?${more}` };
};
