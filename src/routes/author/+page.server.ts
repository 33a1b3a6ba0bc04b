import { localize } from '$lib/core/localize';
import { getDb, getRegistry } from '$lib/server/app';
import { authorOverview } from '$lib/server/author/author';
import { requireRole } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, ['author', 'admin']);
	const { instruments, refused } = await authorOverview(getDb(), getRegistry());
	return {
		instruments: instruments.map((i) => ({ ...i, title: localize(i.title, locals.locale) })),
		refused
	};
};
