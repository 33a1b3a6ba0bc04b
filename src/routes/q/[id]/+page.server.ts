import { error, fail } from '@sveltejs/kit';
import { localize } from '$lib/core/localize';
import { getDb, getRegistry } from '$lib/server/app';
import { requireUser } from '$lib/server/guards';
import { complete, questionnaireOf, saveProgress, startOrResume } from '$lib/server/responses';
import { findInProgressResponse } from '$lib/server/repositories/responses';
import { sanitizeSurvey } from '$lib/server/sanitize-survey';
import type { Questionnaire } from '$lib/core/questionnaire/types';
import { translator, type Locale } from '$lib/i18n';
import { shortfallMessage } from '$lib/shortfalls-text';
import type { Actions, PageServerLoad } from './$types';

function instrumentOf(id: string) {
	const instrument = getRegistry().instruments.get(id);
	if (!instrument) error(404, `There is no questionnaire called “${id}”.`);
	return instrument;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const instrument = instrumentOf(params.id);
	// Not signed in: offer to start at once (anonymously), continue with a code, or sign in.
	if (!locals.user) return { start: true as const, instrument: describe(instrument.questionnaire, locals.locale) };
	const user = locals.user;
	const db = getDb();
	const open = await findInProgressResponse(db, user.id, params.id);
	// A response is resumed on the definition it was started with.
	const q = open ? await questionnaireOf(db, open) : instrument.questionnaire;
	return {
		start: false as const,
		instrument: describe(q, locals.locale),
		// Where completing leads: the profile, or the page of an exercise that goes on (How others see me).
		doneUrl: q.scoring?.othersView ? `/others/${q.id}` : `/profile#${q.id}`,
		// Only the form goes to the browser: never the scoring key, norms or reverse keys.
		survey: sanitizeSurvey(q.survey),
		answers: open ? (JSON.parse(open.answers) as Record<string, unknown>) : {},
		page: open?.current_page ?? 0,
		responseId: open?.id ?? null
	};
};

function describe(q: Questionnaire, locale: Locale) {
	return {
		id: q.id,
		version: q.version,
		kind: q.kind,
		title: localize(q.title, locale),
		description: q.description ? localize(q.description, locale) : '',
		minutes: q.minutes ?? null,
		citation: q.source?.citation ?? null,
		licence: q.source?.licence ?? null,
		translationDraft: q.translations?.[locale]?.validated === false
	};
}

async function ensureResponse(userId: string, instrumentId: string, responseId: FormDataEntryValue | null) {
	if (typeof responseId === 'string' && responseId) return responseId;
	const { response } = await startOrResume(getDb(), userId, instrumentOf(instrumentId));
	return response.id;
}

export const actions: Actions = {
	save: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const responseId = await ensureResponse(user.id, params.id, form.get('responseId'));
		const r = await saveProgress(getDb(), user.id, {
			responseId,
			answers: String(form.get('answers') ?? '{}'),
			page: form.get('page')
		});
		if (!r.ok) return fail(r.status, { message: r.message, errors: r.errors ?? [] });
		return { responseId, savedAt: r.value.savedAt };
	},
	complete: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const responseId = await ensureResponse(user.id, params.id, form.get('responseId'));
		const r = await complete(getDb(), user.id, { responseId, answers: String(form.get('answers') ?? '{}') });
		if (!r.ok) {
			const message = r.shortfalls ? shortfallMessage(translator(locals.locale), r.shortfalls, locals.locale) : r.message;
			return fail(r.status, { message, errors: r.errors ?? [] });
		}
		return { responseId, completed: true, repeated: r.value.repeated };
	}
};
