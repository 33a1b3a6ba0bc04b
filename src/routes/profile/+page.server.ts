import { fail } from '@sveltejs/kit';
import { localize } from '$lib/core/localize';
import { getDb, getOpportunitySets, getRegistry } from '$lib/server/app';
import { loadOthersSummaries } from '$lib/server/others/others-summary';
import { othersExercises } from '$lib/server/others/others-view';
import { requireUser } from '$lib/server/http/guards';
import { loadProfile } from '$lib/server/profile/profile';
import { INSTRUMENT_ORDER, profileView, summaryView } from '$lib/profile-view';
import { MAX_NOTE_LENGTH, checkNoteBody, loadClientThreads, writeClientReply } from '$lib/server/counsellor/counsellor-notes';
import { loadShortlist, unstarOpportunity } from '$lib/server/profile/shortlist';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const [profile, threads, shortlist, others] = await Promise.all([
		loadProfile(db, user.id),
		loadClientThreads(db, user.id),
		loadShortlist(db, getOpportunitySets().sets, user.id, locals.locale),
		loadOthersSummaries(db, getRegistry(), user.id, locals.locale)
	]);
	const othersStart = user.role === 'client' && others.length === 0 ? (othersExercises(getRegistry())[0]?.questionnaire.id ?? null) : null;
	// "What next": the instruments not taken yet, in the profile's order.
	const done = new Set(profile.latest.map((r) => r.instrumentId));
	const rank = (id: string) => (INSTRUMENT_ORDER.includes(id) ? INSTRUMENT_ORDER.indexOf(id) : INSTRUMENT_ORDER.length);
	const missing = [...getRegistry().instruments.values()]
		.map(({ questionnaire: q }) => ({ id: q.id, title: localize(q.title, locals.locale), minutes: q.minutes ?? null }))
		.filter((i) => !done.has(i.id) && !othersExercises(getRegistry()).some((o) => o.questionnaire.id === i.id))
		.sort((a, b) => rank(a.id) - rank(b.id) || a.title.localeCompare(b.title, locals.locale));
	return {
		// An own-picks response of How others see me has no score: its window below stands for it.
		results: profileView(profile, locals.locale).filter((r) => !others.some((o) => o.id === r.instrumentId)),
		summary: summaryView(profile, locals.locale),
		next: { missing, canMatch: 'riasec.R' in profile.dimensions, sharing: threads.length > 0 },
		shortlist,
		others,
		othersStart,
		threads,
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
		if (!checked.ok) return fail(400, { reply: { counsellorId, body: String(raw ?? ''), error: checked.error } });
		if (!(await writeClientReply(getDb(), user.id, counsellorId, checked.value)))
			return fail(400, { reply: { counsellorId, body: checked.value, error: { code: 'counsellor.notes.error.notShared' as const } } });
		return { reply: { counsellorId, sent: true } };
	},
	/** Removes an occupation from the client's own shortlist. */
	unstar: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		await unstarOpportunity(getDb(), user.id, String(form.get('set') ?? ''), String(form.get('id') ?? ''));
		return { unstarred: true };
	}
};
