import { fail } from '@sveltejs/kit';
import { getDb, getRegistry } from '$lib/server/app';
import { loadOthersSummaries } from '$lib/server/others-summary';
import { othersExercises } from '$lib/server/others-view';
import { requireUser } from '$lib/server/guards';
import { loadProfile } from '$lib/server/profile';
import { profileView } from '$lib/profile-view';
import { MAX_NOTE_LENGTH, checkNoteBody, loadClientThreads, writeClientReply } from '$lib/server/counsellor-notes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const profile = await loadProfile(getDb(), user.id);
	const others = await loadOthersSummaries(getDb(), getRegistry(), user.id, locals.locale);
	const othersStart = user.role === 'client' && others.length === 0 ? (othersExercises(getRegistry())[0]?.questionnaire.id ?? null) : null;
	return {
		results: profileView(profile, locals.locale),
		others,
		othersStart,
		threads: await loadClientThreads(getDb(), user.id),
		noteMaxLength: MAX_NOTE_LENGTH
	};
};

export const actions: Actions = {
	/** The client replies in the notes thread with one counsellor they share with. */
	reply: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const counsellorId = String(form.get('counsellor') ?? '');
		const raw = form.get('body');
		const checked = checkNoteBody(raw);
		if (!checked.ok) return fail(400, { reply: { counsellorId, body: String(raw ?? ''), error: checked } });
		if (!(await writeClientReply(getDb(), user.id, counsellorId, checked.body)))
			return fail(400, { reply: { counsellorId, body: checked.body, error: { key: 'counsellor.notes.error.notShared' as const } } });
		return { reply: { counsellorId, sent: true } };
	}
};
