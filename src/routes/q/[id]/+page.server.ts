import { error, fail, redirect } from '@sveltejs/kit';
import { plainPage, renderedSurvey, skippedQuestions, visibilityOf } from '$lib/server/questionnaires/plain-form';
import { submitPlainPage } from '$lib/server/questionnaires/plain-submit';
import { localize } from '$lib/core/localize';
import { getDb, getRegistry } from '$lib/server/app';
import { requireUser } from '$lib/server/http/guards';
import { findOpenResponse, saveProgress, startOrResume } from '$lib/server/questionnaires/responses';
import { completeFromPage } from '$lib/server/questionnaires/page-completion';
import { checkCompletionKey } from '$lib/server/questionnaires/completion-key';
import { sanitizeSurvey } from '$lib/server/questionnaires/sanitize-survey';
import { refusalMessage } from '$lib/server/questionnaires/completion-refusal';
import type { Questionnaire } from '$lib/core/questionnaire/types';
import { translator, type Locale } from '$lib/i18n';
import { problemText, statusFor } from '$lib/server/http/results';
import type { Actions, PageServerLoad } from './$types';
import { RESPONSE_STATUS } from './statuses';
import { adaptiveProgress, answerAdaptive, statementView } from '$lib/server/questionnaires/adaptive';

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
	const open = await findOpenResponse(db, user.id, params.id);
	// A response is resumed on the definition it was started with.
	const q = open ? open.questionnaire : instrument.questionnaire;
	const answers = open ? open.answers : {};
	const wanted = url.searchParams.has('page') ? Number(url.searchParams.get('page')) : (open?.currentPage ?? 0);
	const more = url.searchParams.get('more');
	const plain = plainPage(q, { answers, index: Number.isInteger(wanted) ? wanted : 0, locale: locals.locale, blankRows: more ? { [more]: 3 } : undefined });
	return {
		start: false as const,
		instrument: describe(q, locals.locale),
		// Where completing leads: the profile, or the page of an exercise that goes on (How others see me).
		doneUrl: q.scoring?.othersView ? `/others/${q.id}` : `/profile#${q.id}`,
		// Only the form goes to the browser: never the scoring key, norms or reverse keys.
		survey: sanitizeSurvey(q.survey),
		answers,
		page: plain.index,
		responseId: open?.id ?? null,
		// The idempotency key of a completion from this page (made now, as the page opens): sent with
		// the SurveyJS page's completion and in the plain form, so a completion sent twice is stored once.
		completionKey: crypto.randomUUID(),
		// "Welcome back" greets a person coming back to an open response, not every page they move to
		// (`?page=`), nor a page shown again after an action (`?/plain`).
		resumed: Boolean(open) && url.search === '',
		plain,
		review: open && url.searchParams.has('review') ? reviewOf(q, answers, locals.locale) : null,
		adaptive: q.adaptive ? adaptiveOf(q, user.id, answers, locals.locale, url.searchParams.has('stale')) : null
	};
};

/** The statement an adaptive test shows next (the server chooses it), and where the test stands. */
function adaptiveOf(q: Questionnaire, userId: string, answers: Record<string, unknown>, locale: Locale, stale: boolean) {
	const progress = adaptiveProgress(q, userId, answers);
	const next = progress.next[0];
	return {
		step: progress.steps.length + 1,
		typical: progress.typical,
		total: progress.total,
		statement: next ? statementView(q, next, locale) : null,
		stale
	};
}

/** What was skipped, with a link to each question (the first 30; the rest counted). */
function reviewOf(q: Questionnaire, answers: Record<string, unknown>, locale: Locale) {
	const skipped = skippedQuestions(q, answers, locale);
	const pages = visibilityOf(renderedSurvey(q), answers).pages;
	return {
		count: skipped.length,
		shown: skipped.slice(0, 30).map((s) => ({ title: s.title, href: `?page=${s.page}#q-${s.id}`, page: s.pageNumber })),
		lastPage: pages[pages.length - 1] ?? 0
	};
}

function describe(q: Questionnaire, locale: Locale) {
	return {
		id: q.id,
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
	// One answer to an adaptive test (plain form, or SurveyJS posting the same form): the server takes it and
	// chooses the next statement, or completes the test.
	adaptive: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const t = translator(locals.locale);
		const instrument = instrumentOf(params.id);
		if (!instrument.questionnaire.adaptive) error(404, `“${params.id}” is not an adaptive test.`);
		const form = await request.formData();
		const value = form.get('value');
		if (value === null || value === '') return fail(400, { adaptiveMessage: t('adaptive.choose') });
		const r = await answerAdaptive(getDb(), user.id, instrument, { item: String(form.get('item') ?? ''), value: String(value) });
		if (!r.ok) return fail(statusFor(r.error, RESPONSE_STATUS), { adaptiveMessage: problemText(r.error, locals.locale) });
		if (r.value.done) redirect(303, `/profile#${params.id}`);
		redirect(303, `/q/${params.id}${r.value.stale ? '?stale' : ''}`);
	},
	// The plain HTML form (no JavaScript): one page at a time.
	plain: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const t = translator(locals.locale);
		const form = await request.formData();
		const instrument = instrumentOf(params.id);
		const r = await submitPlainPage(getDb(), user.id, instrument, form, locals.locale, t);
		const here = `/q/${params.id}`;
		if (r.kind === 'go') redirect(303, `${here}?page=${r.page}${r.more ? `&more=${encodeURIComponent(r.more)}` : ''}`);
		if (r.kind === 'review') redirect(303, `${here}?review`);
		if (r.kind === 'completed') redirect(303, `/profile#${params.id}`);
		if (r.kind === 'invalid') return fail(400, { plain: r.view, message: r.message ?? '' });
		return fail(400, { refused: r.message });
	},
	save: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const responseId = await ensureResponse(user.id, params.id, form.get('responseId'));
		const r = await saveProgress(getDb(), user.id, {
			instrumentId: params.id,
			responseId,
			answers: String(form.get('answers') ?? '{}'),
			page: form.get('page')
		});
		if (!r.ok) return fail(statusFor(r.error, RESPONSE_STATUS), { message: problemText(r.error, locals.locale), errors: r.errors ?? [] });
		return { responseId, savedAt: r.value.savedAt };
	},
	// Completing by form post (for scripts); the SurveyJS page posts JSON to ./complete instead (+server.ts there).
	complete: async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const given = form.get('responseId');
		const instrument = instrumentOf(params.id);
		const key = checkCompletionKey(form.get('completionKey'));
		const r = key.ok
			? await completeFromPage(getDb(), user.id, instrument, {
					responseId: typeof given === 'string' && given ? given : null,
					answers: String(form.get('answers') ?? '{}'),
					completionKey: key.value
				})
			: key;
		// The page shows `message` (in the person's language); `errors` name each problem for programs.
		if (!r.ok) return fail(statusFor(r.error, RESPONSE_STATUS), { message: refusalMessage(instrument.questionnaire, r, locals.locale, translator(locals.locale)), errors: r.errors ?? [] });
		return { responseId: r.value.responseId, completed: true, repeated: r.value.repeated };
	}
};
