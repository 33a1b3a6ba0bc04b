// Completing a response as the questionnaire page asks for it (the SurveyJS page's JSON request and the
// form action alike): the response the page names, or, when it names none, the open one or one started
// and completed here in one write (responses.ts). Refusals as `complete` gives them; the route picks the
// status and says them in the person's language (completion-refusal.ts).
//
// With the page's idempotency key (completion-key.ts) a completion is stored once: a request whose key
// is already stored with one of the person's responses answers as the first did (that response's id,
// completed, `repeated: true`) and stores nothing; two at the same moment store one row, because the
// key is unique per person in the database.
import type { Db } from '../db';
import type { Instrument } from './registry';
import { ok } from '../../result';
import { complete, completedWithKey, completeOpenOrNew, type AnswersInput, type Outcome } from './responses';

export async function completeFromPage(
	db: Db,
	userId: string,
	instrument: Instrument,
	input: { responseId: string | null; answers: AnswersInput; completionKey?: string | null }
): Promise<Outcome<{ responseId: string; repeated: boolean }>> {
	const instrumentId = instrument.questionnaire.id;
	const key = input.completionKey ?? null;
	if (key) {
		const prior = await completedWithKey(db, userId, instrument, input.answers, key);
		if (prior) return prior.ok ? ok({ responseId: prior.value.responseId, repeated: prior.value.repeated }) : prior;
	}
	if (!input.responseId) {
		const r = await completeOpenOrNew(db, userId, instrument, input.answers, new Date(), key);
		return r.ok ? ok({ responseId: r.value.responseId, repeated: r.value.repeated }) : r;
	}
	const r = await complete(db, userId, { responseId: input.responseId, instrumentId, answers: input.answers, completionKey: key });
	return r.ok ? ok({ responseId: r.value.responseId, repeated: r.value.repeated }) : r;
}
