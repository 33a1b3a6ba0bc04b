// A page of the plain HTML questionnaire submitted: read it, check it the way SurveyJS checks a page
// (required questions on Next and Complete), save progress on every page, then go where the button
// said. Completing first shows what was skipped; completing is the same `complete` the SurveyJS page uses.
import { readPageAnswers } from '$lib/core/plain-form/read';
import { pageEntries, pagesOf, questionsOf, shownCells } from '$lib/core/plain-form/walk';
import type { Shortfall } from '$lib/core/scoring/shortfalls';
import type { Db } from '../db';
import type { Instrument } from './registry';
import { formModelOf, validateForm, type FormError } from '$lib/form-model';
import type { Translate } from '$lib/i18n';
import { choosePage, plainPage, renderedSurvey, skippedQuestions, surveyString, visibilityOf } from './plain-form';
import { plainErrorMessage } from './plain-messages';
import { refusalMessage } from './completion-refusal';
import type { PlainPage } from '$lib/core/plain-form/view';
import { complete, saveProgress, startOrResume } from './responses';
import { findResponseByCompletionKey } from '../repositories/responses';
import { checkCompletionKey } from './completion-key';

export type PlainOutcome =
	| { kind: 'go'; page: number; more?: string }
	| { kind: 'review' }
	| { kind: 'completed' }
	| { kind: 'invalid'; view: PlainPage; message?: string }
	/** `message` says why, in the person's language. */
	| { kind: 'refused'; message: string; shortfalls?: Shortfall[] };


type Fields = { getAll(name: string): FormDataEntryValue[]; get(name: string): FormDataEntryValue | null };

export async function submitPlainPage(
	db: Db,
	userId: string,
	instrument: Instrument,
	form: Fields,
	locale: string,
	t: Translate
): Promise<PlainOutcome> {
	// The page's idempotency key (a hidden field): a form sent again after it completed (a lost reply,
	// the browser resending it) is answered as the first was, without starting or storing anything.
	const key = checkCompletionKey(form.get('completionKey'));
	if (!key.ok) return { kind: 'refused', message: t(key.error.code, key.error.params) };
	const prior = key.value ? await findResponseByCompletionKey(db, userId, key.value) : undefined;
	if (prior)
		return prior.instrument_id === instrument.questionnaire.id ? { kind: 'completed' } : { kind: 'refused', message: t('response.error.keyUsed') };
	const { response, questionnaire: q } = await startOrResume(db, userId, instrument);
	const stored = JSON.parse(response.answers) as Record<string, unknown>;
	const nav = String(form.get('nav') ?? 'next');
	const answers = { ...stored };
	let index = 0;
	const errors: Record<string, string> = {};
	const model = formModelOf(q.survey);
	// Several problems with one question are shown together, each once.
	const note = (list: FormError[], keys?: Set<string>) => {
		for (const e of list) {
			if (keys && !keys.has(e.name)) continue;
			const text = plainErrorMessage(model, e, locale, t);
			const shown = errors[e.name];
			if (shown === undefined) errors[e.name] = text;
			else if (!shown.split('\n').includes(text)) errors[e.name] = `${shown}\n${text}`;
		}
	};

	// The review page sends no questions, only "complete anyway".
	if (nav !== 'confirm') {
		const survey = renderedSurvey(q);
		const page = (i: number) => pagesOf(survey)[i].elements ?? pagesOf(survey)[i].questions;
		const shownBefore = visibilityOf(survey, stored);
		index = choosePage(shownBefore, Number(form.get('page') ?? 0));
		const entries = pageEntries(page(index), shownBefore);
		const read = readPageAnswers(entries, (f) => form.getAll(f).map(String), { answers: stored, vis: shownBefore });
		for (const [name, value] of Object.entries(read.values)) {
			if (value === undefined) delete answers[name];
			else answers[name] = value;
		}
		for (const [name, problem] of Object.entries(read.problems))
			errors[name] = problem === 'ranking' ? t('plain.ranking') : surveyString('numericError', locale);
		if (Object.keys(errors).length) return { kind: 'invalid', view: plainPage(q, { answers, index, locale, errors }) };

		// Next and Complete check the page's questions with the rules completing uses (required, every
		// row of a grid, validators, lengths, counts), as SurveyJS checks a page before leaving it.
		const vis = visibilityOf(survey, answers);
		const now = pageEntries(page(index), vis);
		if (nav === 'next' || nav === 'complete') {
			const checked = validateForm(model, answers);
			if (!checked.ok) note(checked.errors, new Set(questionsOf(now).map((e) => e.info!.name)));
		}
		// An answer made another question on this page appear: show the page again with it.
		const before = new Set(questionsOf(entries).map((e) => e.id));
		const cellsBefore = shownCells(entries, stored, shownBefore);
		const appeared = questionsOf(now).some((e) => !before.has(e.id)) || [...shownCells(now, answers, vis)].some((id) => !cellsBefore.has(id));
		const stay = Object.keys(errors).length > 0 || appeared || nav.startsWith('add:');
		const before2 = [...vis.pages].reverse().find((p) => p < index) ?? index;
		const after = vis.pages.find((p) => p > index) ?? index;
		const target = stay ? index : nav === 'prev' ? before2 : nav === 'next' ? after : index;

		// Progress is saved on every page, whichever button was pressed.
		const saved = await saveProgress(db, userId, { instrumentId: instrument.questionnaire.id, responseId: response.id, answers: JSON.stringify(answers), page: target });
		if (!saved.ok) {
			note(saved.errors ?? []);
			return { kind: 'invalid', view: plainPage(q, { answers, index, locale, errors }), message: saved.errors ? t('plain.invalid') : t(saved.error.code, saved.error.params) };
		}
		if (Object.keys(errors).length) return { kind: 'invalid', view: plainPage(q, { answers, index, locale, errors }) };
		if (nav.startsWith('add:')) return { kind: 'go', page: index, more: nav.slice(4) };
		if (nav !== 'complete' || appeared) return { kind: 'go', page: target };
		// Tests and self-evaluations are scored, so a skipped item matters; in an open exercise a blank is a choice.
		if (q.kind !== 'exercise' && skippedQuestions(q, answers, locale).length > 0) return { kind: 'review' };
	}
	// Hidden questions' answers are dropped by `complete`, as SurveyJS drops them when it completes.
	const done = await complete(db, userId, {
		instrumentId: instrument.questionnaire.id,
		responseId: response.id,
		answers,
		completionKey: key.value
	});
	if (!done.ok) return { kind: 'refused', message: refusalMessage(q, done, locale, t), shortfalls: done.shortfalls };
	return { kind: 'completed' };
}
