// Completing a response as the questionnaire page asks for it (the SurveyJS page's JSON request and the
// form action alike): the response the page names, or, when it names none, the open one or one started
// and completed here in one write (responses.ts). Refusals as `complete` gives them; the route picks the
// status and says them in the person's language (completion-refusal.ts).
import type { Db } from '../db';
import type { Instrument } from './registry';
import { ok } from '../../result';
import { complete, completeOpenOrNew, type Outcome } from './responses';

export async function completeFromPage(
	db: Db,
	userId: string,
	instrument: Instrument,
	input: { responseId: string | null; answers: string }
): Promise<Outcome<{ responseId: string; repeated: boolean }>> {
	const instrumentId = instrument.questionnaire.id;
	if (!input.responseId) {
		const r = await completeOpenOrNew(db, userId, instrument, input.answers);
		return r.ok ? ok({ responseId: r.value.responseId, repeated: r.value.repeated }) : r;
	}
	const r = await complete(db, userId, { responseId: input.responseId, instrumentId, answers: input.answers });
	return r.ok ? ok({ responseId: input.responseId, repeated: r.value.repeated }) : r;
}
