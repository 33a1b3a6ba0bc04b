import { error, fail, redirect } from '@sveltejs/kit';
import { getDb, getRegistry } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { joinGroup, leaveGroup, membershipOf, openGroup } from '$lib/server/groups/groups';
import { localize } from '$lib/core/localize';
import { problemText } from '$lib/server/http/results';
import { err } from '$lib/result';
import type { Actions, PageServerLoad } from './$types';

// The page a group's link opens. Anyone may read it (what the group is, what its counsellor will see);
// joining needs an account or an anonymous start (the start panel, which comes back here). Works
// without JavaScript. Unknown codes are counted per address, like share codes.
export const load: PageServerLoad = async ({ params, locals, getClientAddress, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
	const db = getDb();
	const opened = await openGroup(db, params.code, getClientAddress());
	if (opened.state === 'throttled') return { status: 'throttled' as const, minutes: opened.minutes };
	if (opened.state === 'unknown') return { status: 'unknown' as const };
	if (params.code !== (opened.state === 'open' ? opened.group.code : opened.code)) redirect(303, `/g/${opened.state === 'open' ? opened.group.code : opened.code}`);
	if (opened.state === 'closed') return { status: 'closed' as const, name: opened.name };
	const registry = getRegistry();
	const user = locals.user;
	const membership = user?.role === 'client' ? await membershipOf(db, user, opened.group) : null;
	const title = (id: string) => {
		const q = registry.instruments.get(id)?.questionnaire;
		return q ? localize(q.title, locals.locale) : id;
	};
	return {
		status: 'open' as const,
		group: { id: opened.group.id, name: opened.group.name, code: opened.group.code, endsAt: opened.group.ends_at },
		counsellor: opened.counsellorName,
		shareCode: opened.counsellorShareCode,
		member: membership?.member ?? false,
		instruments: (membership?.instruments ?? JSON.parse(opened.group.instruments).map((id: string) => ({ id, finished: false }))).map(
			(i: { id: string; finished: boolean }) => ({ ...i, title: title(i.id), available: registry.instruments.has(i.id) })
		) as { id: string; title: string; finished: boolean; available: boolean }[],
		next: `/g/${opened.group.code}`
	};
};

export const actions: Actions = {
	join: async ({ params, locals, url, getClientAddress }) => {
		const user = requireRole(locals, url, ['client']);
		const db = getDb();
		const opened = await openGroup(db, params.code, getClientAddress());
		if (opened.state === 'throttled') return fail(429, { problem: err('groups.join.throttled', { n: opened.minutes }).error });
		if (opened.state !== 'open') return fail(opened.state === 'closed' ? 410 : 404, { problem: err('groups.join.gone').error });
		const r = await joinGroup(db, user, opened);
		if (!r.ok) error(403, problemText(r.error, locals.locale));
		return { joined: true };
	},
	leave: async ({ params, locals, url, request, getClientAddress }) => {
		const user = requireRole(locals, url, ['client']);
		const db = getDb();
		const opened = await openGroup(db, params.code, getClientAddress());
		const groupId = String((await request.formData()).get('group') ?? '');
		if (opened.state === 'throttled') return fail(429, { problem: err('groups.join.throttled', { n: opened.minutes }).error });
		if (opened.state !== 'open' || opened.group.id !== groupId || !(await leaveGroup(db, user, groupId)))
			return fail(400, { problem: err('groups.join.notMember').error });
		return { left: true };
	}
};
