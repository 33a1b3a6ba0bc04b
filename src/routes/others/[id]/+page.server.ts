import { error, fail } from '@sveltejs/kit';
import { getDb, getRegistry } from '$lib/server/app';
import { requireRole, requireUser } from '$lib/server/http/guards';
import {
	EXPIRY_DAYS,
	MAX_NAME,
	MAX_OPEN_INVITES,
	createInvite,
	deleteOthersExercise,
	inviteState,
	listOthersInvites,
	loadWindow,
	qualityLabels,
	revokeOthersInvite,
	showCode
} from '$lib/server/others/others-view';
import type { Actions, PageServerLoad } from './$types';

function exercise(id: string) {
	const instrument = getRegistry().instruments.get(id);
	if (!instrument?.questionnaire.scoring?.othersView) error(404, 'Not found');
	return instrument;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	if (user.role !== 'client') error(403, 'Only client accounts can do this exercise.');
	const instrument = exercise(params.id);
	const db = getDb();
	const now = new Date();
	const [view, invites] = await Promise.all([loadWindow(db, user.id, instrument), listOthersInvites(db, user.id, params.id)]);
	return {
		id: params.id,
		title: instrument.questionnaire.title,
		definition: view.definition,
		self: { picks: view.self.picks, status: view.self.status },
		labels: qualityLabels(view.themes, locals.locale),
		window: view.window,
		texts: view.texts,
		invites: invites.map((i) => ({
			id: i.id,
			code: showCode(i.code),
			link: `${url.origin}/o/${i.code}`,
			nickname: i.nickname,
			shownName: i.shown_name,
			expiresAt: i.expires_at,
			state: inviteState(i, now)
		})),
		codeAddress: `${url.origin}/o`,
		days: EXPIRY_DAYS,
		maxName: MAX_NAME,
		maxOpen: MAX_OPEN_INVITES,
		defaultName: (user.display_name ?? '').split(/\s+/)[0].slice(0, MAX_NAME)
	};
};

export const actions: Actions = {
	invite: async ({ request, locals, url, params }) => {
		const user = requireRole(locals, url, ['client']);
		const instrument = exercise(params.id);
		const data = await request.formData();
		const form = {
			shownName: String(data.get('shownName') ?? '').slice(0, 200),
			nickname: String(data.get('nickname') ?? '').slice(0, 200),
			days: String(data.get('days') ?? '')
		};
		const made = await createInvite(getDb(), user.id, instrument, form);
		if (!made.ok) return fail(400, { ...form, problems: made.problems ?? [made.error] });
		return { created: made.value.id };
	},
	revoke: async ({ request, locals, url, params }) => {
		const user = requireRole(locals, url, ['client']);
		exercise(params.id);
		const id = String((await request.formData()).get('id') ?? '').slice(0, 64);
		if (!(await revokeOthersInvite(getDb(), user.id, id))) return fail(404, { revokeMissing: true });
		return { revoked: true };
	},
	delete: async ({ request, locals, url, params }) => {
		const user = requireRole(locals, url, ['client']);
		exercise(params.id);
		if ((await request.formData()).get('confirm') !== 'yes') return fail(400, { deleteUnconfirmed: true });
		await deleteOthersExercise(getDb(), user.id, params.id);
		return { deleted: true };
	}
};
