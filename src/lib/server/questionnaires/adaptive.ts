// Taking an adaptive questionnaire (docs/adaptive-testing.md): the server chooses each statement, takes one
// answer at a time, saves it as the response's progress, and completes the response with the adaptive result
// when every scale has stopped. The browser never sees parameters, keys or the rule; a page (SurveyJS or the
// plain form) only ever shows the statement the server chose.
import type { Answers, Questionnaire, ScoredResult } from '$lib/core/questionnaire/types';
import { adaptiveTest } from '$lib/core/irt/adaptive';
import { replayMismatch, resumeCat, seedOf, type CatStep } from '$lib/core/irt/cat';
import { seededRandom } from '$lib/core/irt/random';
import { adaptiveResult } from '$lib/core/irt/result';
import { choiceLabels, questionTitle } from '$lib/core/questionnaire/labels';
import { localize } from '$lib/core/localize';
import type { Db } from '../db';
import { completeResponse, saveResponseProgress } from '../repositories/responses';
import { err, ok } from '../../result';
import type { Instrument } from './registry';
import { canonicalJson, startOrResume, type Outcome } from './responses';

/** Where a test stands: the steps answered so far (in order, with θ and SE) and the statements to show next. */
export interface AdaptiveProgress {
	steps: CatStep[];
	next: string[];
	/** The typical number of statements (the rule's maximum per scale, capped by the bank), for the intro. */
	typical: number;
	total: number;
}

/**
 * The progress of a person's test from their answers alone. The randomesque choices are seeded by the person
 * and the instrument, so the same answers always lead to the same statements (resuming after a pause, or
 * reading the test back).
 */
export function adaptiveProgress(q: Questionnaire, userId: string, answers: Answers): AdaptiveProgress {
	const test = adaptiveTest(q);
	if (!test) throw new Error(`${q.id} is not adaptive`);
	const given = new Map<string, number>();
	for (const [item, value] of Object.entries(answers)) if (typeof value === 'number') given.set(item, value);
	const { steps, next } = resumeCat(test.bank, test.rule, given, seededRandom(seedOf(`${userId}\u0000${q.id}`)));
	const total = test.bank.scales.reduce((s, scale) => s + scale.items.length, 0);
	const typical = test.bank.scales.reduce((s, scale) => s + Math.min(scale.items.length, test.rule.maxItems), 0);
	return { steps, next, typical, total };
}

/** What the page shows of one statement: its name, title and answer choices in the reader's language. */
export function statementView(q: Questionnaire, item: string, locale: string) {
	const labels = choiceLabels(q.survey, item);
	return {
		name: item,
		title: localize(questionTitle(q.survey, item), locale),
		choices: [...labels].map(([value, text]) => ({ value: Number(value), text: localize(text, locale) }))
	};
}

/**
 * Takes the answer to one statement of the person's open test (started here when there is none). An answer to
 * a statement that is not the one due (a second click, an old page) changes nothing: `stale`. When the test is
 * over the response is completed with the adaptive result in the same write.
 */
export async function answerAdaptive(
	db: Db,
	userId: string,
	instrument: Instrument,
	input: { item: string; value: unknown },
	now = new Date()
): Promise<Outcome<{ responseId: string; done: boolean; stale: boolean; result?: ScoredResult }>> {
	const { response, questionnaire: q } = await startOrResume(db, userId, instrument, now);
	const test = adaptiveTest(q);
	if (!test) return err('response.error.missing');
	const answers = JSON.parse(response.answers) as Answers;
	const before = adaptiveProgress(q, userId, answers);
	if (!before.next.includes(input.item)) return ok({ responseId: response.id, done: false, stale: true });
	const value = typeof input.value === 'string' && input.value.trim() !== '' ? Number(input.value) : input.value;
	if (!(typeof value === 'number' && Number.isInteger(value) && value >= test.bank.min && value <= test.bank.max)) {
		return err('response.error.invalid', undefined, input.item);
	}
	answers[input.item] = value;
	const after = adaptiveProgress(q, userId, answers);
	if (after.next.length > 0) {
		const saved = await saveResponseProgress(db, response.id, canonicalJson(answers), after.steps.length, now);
		return saved ? ok({ responseId: response.id, done: false, stale: false }) : err('response.error.completed');
	}
	const result = adaptiveResult(q, test.bank, test.rule, after.steps);
	const stored = await completeResponse(db, { id: response.id, answers: canonicalJson(answers), result: JSON.stringify(result), now });
	return stored ? ok({ responseId: response.id, done: true, stale: false, result }) : err('response.error.completed');
}

/**
 * Reads a stored adaptive result back: recomputes θ and SE after each stored step from the answers alone.
 * Undefined when every step agrees (to the 6 decimals stored); otherwise the first step that differs.
 */
export function replayAdaptiveResult(q: Questionnaire, result: ScoredResult) {
	const test = adaptiveTest(q);
	if (!test || !result.adaptive) throw new Error(`${q.id}: not an adaptive result`);
	return replayMismatch(test.bank, result.adaptive.steps, 1e-6);
}
