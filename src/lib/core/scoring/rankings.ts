/** Keeping the top of a ranking question (docs/questionnaire-format.md, "exercises" `rankings`). */
import type { Answers, RankingDefinition } from '../questionnaire/types.ts';

/**
 * The first `top` values of a ranking answer, most important first (as strings); [] when unanswered.
 *
 * Reference: docs/questionnaire-format.md, "exercises".
 * @example rankTop({ id: 'v', question: 'values', top: 2 }, { values: ['security', 'pay', 'variety'] }) // → ['security', 'pay']
 */
export function rankTop(def: RankingDefinition, answers: Answers): string[] {
	const value = answers[def.question];
	if (!Array.isArray(value)) return [];
	return value.slice(0, Math.max(0, def.top)).map(String);
}
