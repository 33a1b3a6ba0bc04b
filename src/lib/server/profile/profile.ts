import { buildProfile, type CompletedResult, type Profile } from '$lib/core/profile/build';
import type { Questionnaire, ScoredResult } from '$lib/core/questionnaire/types';
import type { Db } from '../db';
import { listCompletedResponses } from '../repositories/responses';

/** Every completed result of a user, with the definition each was scored by. */
export async function loadCompletedResults(db: Db, userId: string): Promise<CompletedResult[]> {
	const rows = await listCompletedResponses(db, userId);
	const definitions = new Map<string, Questionnaire>();
	return rows
		.filter((r) => r.result && r.completed_at)
		.map((r) => {
			let q = definitions.get(r.definition);
			if (!q) definitions.set(r.definition, (q = JSON.parse(r.definition) as Questionnaire));
			return {
				responseId: r.id,
				instrumentId: r.instrument_id,
				version: r.version,
				completedAt: r.completed_at as string,
				questionnaire: q,
				result: JSON.parse(r.result as string) as ScoredResult
			};
		});
}

export async function loadProfile(db: Db, userId: string): Promise<Profile> {
	return buildProfile(await loadCompletedResults(db, userId));
}
