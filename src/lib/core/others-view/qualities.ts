/** The qualities of a "How others see me" exercise, read from its survey's checkbox questions. */
import type { Questionnaire } from '../questionnaire/types.ts';
import type { LocalizedString } from '../questionnaire/types.ts';
import type { QualityTheme } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every element of a SurveyJS JSON with a name, depth first (pages and panels opened). */
function namedElements(survey: unknown): Map<string, Json> {
	const found = new Map<string, Json>();
	const visit = (list: unknown) => {
		if (!Array.isArray(list)) return;
		for (const el of list) {
			if (!isObject(el)) continue;
			if (typeof el.name === 'string' && !found.has(el.name) && el.type !== 'panel') found.set(el.name, el);
			visit(el.elements);
		}
	};
	if (isObject(survey)) {
		visit(survey.pages);
		visit(survey.elements);
	}
	return found;
}

/**
 * The themes (one per question named in `scoring.othersView.questions`, in that order) with their
 * qualities (the questions' choices: a plain value, or `{ value, text }`). Empty when the
 * questionnaire has no `othersView`.
 *
 * @example othersViewThemes(q)[0] // → { id: 'others_R', title: {…}, qualities: [{ id: 'handy', text: {…} }, …] }
 */
export function othersViewThemes(q: Questionnaire): QualityTheme[] {
	const def = q.scoring?.othersView;
	if (!def) return [];
	const elements = namedElements(q.survey);
	return def.questions.map((name) => {
		const el = elements.get(name) ?? {};
		const choices = Array.isArray(el.choices) ? el.choices : [];
		return {
			id: name,
			title: (el.title as LocalizedString | undefined) ?? name,
			qualities: choices.map((c) =>
				isObject(c)
					? { id: String(c.value), text: (c.text as LocalizedString | undefined) ?? String(c.value) }
					: { id: String(c), text: String(c) }
			)
		};
	});
}

/**
 * The client's own picks: every string answer to the exercise's questions that is one of its
 * qualities, without repeats, in theme order.
 *
 * @example selfPicks(themes, { others_R: ['handy'], others_S: ['patient', 'nope'] }) // → ['handy', 'patient']
 */
export function selfPicks(themes: QualityTheme[], answers: Record<string, unknown>): string[] {
	const picks: string[] = [];
	for (const theme of themes) {
		const value = answers[theme.id];
		if (!Array.isArray(value)) continue;
		const known = new Set(theme.qualities.map((x) => x.id));
		for (const v of value) if (typeof v === 'string' && known.has(v) && !picks.includes(v)) picks.push(v);
	}
	return picks;
}
