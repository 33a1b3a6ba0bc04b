import { buildProfile, type CompletedResult, type Profile } from '$lib/core/profile/build';
import type { ScoredResult } from '$lib/core/questionnaire/types';
import type { Db } from '../db';
import { listCompletedResponses } from '../repositories/responses';
import { loadDefinition } from '../questionnaires/definitions';

/** Every completed result of a user, with the definition each was scored by. */
export async function loadCompletedResults(db: Db, userId: string): Promise<CompletedResult[]> {
	const rows = (await listCompletedResponses(db, userId)).filter((r) => r.result && r.completed_at);
	return Promise.all(
		rows.map(async (r) => ({
			responseId: r.id,
			instrumentId: r.instrument_id,
			version: r.version,
			completedAt: r.completed_at as string,
			questionnaire: await loadDefinition(db, r.instrument_version_id),
			result: JSON.parse(r.result as string) as ScoredResult
		}))
	);
}

export async function loadProfile(db: Db, userId: string): Promise<Profile> {
	return buildProfile(await loadCompletedResults(db, userId));
}
