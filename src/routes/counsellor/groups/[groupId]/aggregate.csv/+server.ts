import { getDb, getRegistry } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { valueOr } from '$lib/server/http/results';
import { findOwnGroup, groupAggregateCsv, loadGroupPage } from '$lib/server/groups/groups';
import { downloadHeaders } from '$lib/server/profile/export';
import type { RequestHandler } from './$types';

// The group's aggregate as CSV: exactly the protected numbers of the page (empty where hidden).
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireRole(locals, url, ['counsellor']);
	const db = getDb();
	const group = valueOr(await findOwnGroup(db, user, params.groupId), 404, locals.locale);
	const view = await loadGroupPage(db, getRegistry(), group, url.origin, locals.locale);
	return new Response(groupAggregateCsv(view, locals.locale), { headers: downloadHeaders('csv', `group-${group.code}.csv`) });
};
