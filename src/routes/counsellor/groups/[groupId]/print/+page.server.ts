import { getDb } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { valueOr } from '$lib/server/http/results';
import { findOwnGroup, groupLink } from '$lib/server/groups/groups';
import type { PageServerLoad } from './$types';

// A page to print or to post: the group's name, link and code, and how to join.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireRole(locals, url, ['counsellor']);
	const group = valueOr(await findOwnGroup(getDb(), user, params.groupId), 404, locals.locale);
	return { name: group.name, code: group.code, link: groupLink(url.origin, group.code), start: `${url.origin}/g`, endsAt: group.ends_at, groupId: group.id };
};
