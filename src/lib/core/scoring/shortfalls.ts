/** What keeps a set of answers from giving a result: scales below `minAnswered`, unsorted card sorts. */
import type { Answers, LocalizedString, Questionnaire } from '../questionnaire/types.ts';
import { rawItemAnswer } from './items.ts';

export type Shortfall =
	| { kind: 'scale'; scale: string; title: LocalizedString; answered: number; needed: number; items: number; unanswered: string[] }
	| { kind: 'ranking'; ranking: string; question: string };

const isMissing = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Every reason these answers would be stored as an empty or partial result: a scale with fewer
 * answered items than its `minAnswered` (default: all of them) would have no score, and a ranking
 * (card sort) whose question was never sorted would rank nothing. Completing is refused while any
 * remains, so a result never silently says "No score". Each shortfall names what is missing.
 *
 * Reference: the `minAnswered` rule of the questionnaire format (docs/ and questionnaires/schema.json).
 * @example findShortfalls({ …, scoring: { scales: [{ id: 's', items: ['a', 'b'], minAnswered: 2, … }] } }, { a: 3 })
 * // → [{ kind: 'scale', scale: 's', answered: 1, needed: 2, items: 2, unanswered: ['b'], … }]
 */
export function findShortfalls(q: Questionnaire, answers: Answers): Shortfall[] {
	const out: Shortfall[] = [];
	for (const s of q.scoring?.scales ?? []) {
		// Items may be matrix rows or cells (`plan.week`): read them where SurveyJS stores them.
		const unanswered = s.items.filter((i) => isMissing(rawItemAnswer(i, answers)));
		const answered = s.items.length - unanswered.length;
		const needed = Math.max(1, s.minAnswered ?? s.items.length);
		if (answered < needed) out.push({ kind: 'scale', scale: s.id, title: s.title, answered, needed, items: s.items.length, unanswered });
	}
	for (const r of q.scoring?.rankings ?? []) {
		if (isMissing(answers[r.question])) out.push({ kind: 'ranking', ranking: r.id, question: r.question });
	}
	return out;
}
