// The questionnaire without JavaScript: the server renders the current page of the SurveyJS JSON as
// a plain HTML form and reads the submitted page back into the same answers SurveyJS stores. What is
// shown and required comes from the form model (SurveyJS's own expression engine), and buttons and
// "Response required." are SurveyJS's own words in the person's language, so both paths say the same.
import { formModelOf, formState, rowStates, visiblePages as modelPages, type FormNode, type VisibleElement } from '$lib/form-model';
import type { Json } from '$lib/core/questionnaire/checks';
import type { LocalizedString, Questionnaire } from '$lib/core/questionnaire/types';
import { localize } from '$lib/core/localize';
import { buildPageView, type FormStrings, type PlainPage } from '$lib/core/plain-form/view';
import { pageEntries, pagesOf, questionsOf, type Visibility } from '$lib/core/plain-form/walk';
import { sanitizeSurvey } from './sanitize-survey';
import { emptyIsAnswer, type OptionalCheck } from '$lib/core/questionnaire/optional';
import { surveyString } from './plain-messages';

export { surveyString };

const strings = (locale: string): FormStrings => ({
	placeholder: surveyString('placeholder', locale),
	otherItemText: surveyString('otherItemText', locale),
	booleanCheckedLabel: surveyString('booleanCheckedLabel', locale),
	booleanUncheckedLabel: surveyString('booleanUncheckedLabel', locale),
	addRow: surveyString('addRow', locale),
	addPanel: surveyString('addPanel', locale)
});

export const isEmptyAnswer = (v: unknown) =>
	v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** What is shown and required with these answers, from the compiled form model of this survey. */
export function visibilityOf(survey: Record<string, unknown>, answers: Record<string, unknown>): Visibility {
	const model = formModelOf(survey);
	const pages = modelPages(model, answers);
	const shown = new Set<object>();
	const required = new Set<object>();
	const locked = new Set<object>();
	const dynamic = new Map<object, FormNode>();
	const add = (list: VisibleElement[]) => {
		for (const e of list) {
			shown.add(e.node.json);
			if (e.required) required.add(e.node.json);
			if (!e.enabled) locked.add(e.node.json);
			if (e.node.type === 'paneldynamic' || e.node.type === 'matrixdynamic') dynamic.set(e.node.json, e.node);
			add(e.children);
		}
	};
	for (const p of pages) add(p.elements);
	let values: Record<string, unknown> | undefined;
	return {
		pages: pages.map((p) => p.index),
		shown: (el: Json) => shown.has(el),
		required: (el: Json) => required.has(el),
		enabled: (el: Json) => !locked.has(el),
		// Cells of dynamic rows and panels: their conditions on `{panel.x}` / `{row.x}`, per row.
		cell: (question, name, row, index) => {
			const node = dynamic.get(question);
			const state = node && rowStates(node, (values ??= formState(model, answers).values), row, index).get(name);
			return state ? { shown: state.visible, required: state.required, enabled: state.enabled } : { shown: true, required: false, enabled: true };
		}
	};
}

/** The visible page nearest to `wanted` (the next one when it is hidden, the last when out of range). */
export function choosePage(vis: Visibility, wanted: number): number {
	if (vis.pages.includes(wanted)) return wanted;
	return vis.pages.find((p) => p > wanted) ?? vis.pages[vis.pages.length - 1] ?? 0;
}

const numbersOn = (survey: Record<string, unknown>) => survey.showQuestionNumbers !== 'off' && survey.showQuestionNumbers !== false;
const loc = (v: unknown, locale: string) => (v === undefined || v === null ? '' : localize(v as LocalizedString, locale));

/** The form's survey as rendered: authors' HTML cleaned, exactly as on the SurveyJS page. */
export const renderedSurvey = (q: Questionnaire) => sanitizeSurvey(q.survey);

/** The view of page `index` (or the nearest visible one) with these answers and errors. */
export function plainPage(
	q: Questionnaire,
	input: { answers: Record<string, unknown>; index: number; locale: string; errors?: Record<string, string>; blankRows?: Record<string, number> }
): PlainPage {
	const survey = renderedSurvey(q);
	const { answers, locale } = input;
	const vis = visibilityOf(survey, answers);
	const index = choosePage(vis, input.index);
	const pages = pagesOf(survey);
	const page = pages[index] ?? { elements: [] };
	const at = Math.max(0, vis.pages.indexOf(index));
	// Numbers run on across pages, as SurveyJS numbers them.
	let before = 0;
	for (const p of vis.pages.slice(0, at)) before += questionsOf(pageEntries(pages[p].elements ?? pages[p].questions, vis)).length;
	const entries = pageEntries(page.elements ?? page.questions, vis);
	const last = at === vis.pages.length - 1;
	return {
		index,
		number: at + 1,
		count: vis.pages.length,
		title: loc(page.title, locale),
		description: loc(page.description, locale),
		progress: surveyString('progressText', locale).replace('{0}', String(at + 1)).replace('{1}', String(vis.pages.length)),
		elements: buildPageView(entries, { locale, answers, errors: input.errors ?? {}, strings: strings(locale), blankRows: input.blankRows, firstNumber: numbersOn(survey) ? before + 1 : null, cell: vis.cell, enabled: vis.enabled }),
		prev: at > 0 ? loc(survey.pagePrevText, locale) || surveyString('pagePrevText', locale) : null,
		next: last ? null : loc(survey.pageNextText, locale) || surveyString('pageNextText', locale),
		complete: last ? loc(survey.completeText, locale) || surveyString('completeText', locale) : null
	};
}

export interface SkippedQuestion {
	name: string;
	title: string;
	/** Page index, and its 1-based number among the visible pages. */
	page: number;
	pageNumber: number;
	/** Field id on its page, for a link straight to it. */
	id: string;
}

/** Questions on visible pages left without an answer, in order (lists that may stay empty are not skips). */
export function skippedQuestions(q: Questionnaire, answers: Record<string, unknown>, locale: string): SkippedQuestion[] {
	const survey = renderedSurvey(q);
	const vis = visibilityOf(survey, answers);
	const pages = pagesOf(survey);
	return vis.pages.flatMap((p, i) =>
		questionsOf(pageEntries(pages[p].elements ?? pages[p].questions, vis))
			.filter((e) => isEmptyAnswer(answers[e.info!.name]) && !emptyIsAnswer(e.json as unknown as OptionalCheck))
			.map((e) => ({ name: e.info!.name, title: loc(e.json.title, locale) || e.info!.name, page: p, pageNumber: i + 1, id: e.id }))
	);
}
