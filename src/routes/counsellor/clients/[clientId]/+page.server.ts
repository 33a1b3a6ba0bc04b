import { fail } from '@sveltejs/kit';
import { getDb, getOpportunitySets, getRegistry } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { findSharedClient } from '$lib/server/counsellor/sharing';
import { valueOr } from '$lib/server/http/results';
import { openClientReport } from '$lib/server/counsellor/counsellor-report';
import { checkNoteBody, writeCounsellorNote } from '$lib/server/counsellor/counsellor-notes';
import { commentOnShortlist } from '$lib/server/profile/shortlist';
import { commentOnDecision } from '$lib/server/profile/decision';
import { saveInterpretation } from '$lib/server/counsellor/interpretation';
import { assignInstruments, cancelClientAssignment, checkAssignForm } from '$lib/server/counsellor/counsellor-assignments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireRole(locals, url, ['counsellor']);
	return valueOr(await openClientReport(getDb(), getRegistry(), user, params.clientId, locals.locale, getOpportunitySets()), 403, locals.locale);
};

/** Every action: a counsellor the client shares with now (403 otherwise). */
async function counsellorOfClient(locals: App.Locals, url: URL, clientId: string) {
	const user = requireRole(locals, url, ['counsellor']);
	const client = valueOr(await findSharedClient(getDb(), user, clientId), 403, locals.locale);
	return { user, client };
}

export const actions: Actions = {
	note: async ({ locals, url, params, request }) => {
		const { user, client } = await counsellorOfClient(locals, url, params.clientId);
		const raw = (await request.formData()).get('body');
		const checked = checkNoteBody(raw);
		if (!checked.ok) return fail(400, { note: { body: String(raw ?? ''), error: checked.error } });
		await writeCounsellorNote(getDb(), user.id, client.id, checked.value);
		return { noteSaved: true };
	},
	/** The counsellor's comment on one item of the client's shortlist (empty clears it). */
	comment: async ({ locals, url, params, request }) => {
		const { user, client } = await counsellorOfClient(locals, url, params.clientId);
		const form = await request.formData();
		const result = await commentOnShortlist(getDb(), user.id, client.id, String(form.get('set') ?? ''), String(form.get('id') ?? ''), form.get('comment'));
		if (!result.ok) return fail(400, { commentError: result.error });
		return { commentSaved: true };
	},
	/** The counsellor's comment on the client's decision step (empty clears it). */
	decisionComment: async ({ locals, url, params, request }) => {
		const { user, client } = await counsellorOfClient(locals, url, params.clientId);
		const raw = (await request.formData()).get('comment');
		const result = await commentOnDecision(getDb(), user.id, client.id, raw);
		if (!result.ok) return fail(400, { decisionCommentError: result.error, decisionCommentBody: String(raw ?? '') });
		return { decisionCommentSaved: true };
	},
	/** The counsellor's written interpretation, printed in the report (empty deletes it). */
	interpretation: async ({ locals, url, params, request }) => {
		const { user, client } = await counsellorOfClient(locals, url, params.clientId);
		const raw = (await request.formData()).get('interpretation');
		const result = await saveInterpretation(getDb(), user.id, client.id, raw);
		if (!result.ok) return fail(400, { interpretationError: result.error, interpretationBody: String(raw ?? '') });
		return { interpretationSaved: true };
	},
	assign: async ({ locals, url, params, request }) => {
		const { user, client } = await counsellorOfClient(locals, url, params.clientId);
		const form = await request.formData();
		const checked = checkAssignForm(form, getRegistry());
		if (!checked.ok)
			return fail(400, {
				assign: { errors: checked.problems ?? [checked.error], message: String(form.get('message') ?? ''), chosen: form.getAll('instrument').map(String) }
			});
		await assignInstruments(getDb(), { counsellorId: user.id, clientId: client.id, ...checked.value });
		return { assigned: true };
	},
	cancel: async ({ locals, url, params, request }) => {
		const { user, client } = await counsellorOfClient(locals, url, params.clientId);
		const id = Number((await request.formData()).get('assignment'));
		const done =
			Number.isSafeInteger(id) &&
			(await cancelClientAssignment(getDb(), { id, counsellorId: user.id, clientId: client.id }));
		if (!done) return fail(400, { cancelError: true });
		return { cancelled: true };
	}
};
