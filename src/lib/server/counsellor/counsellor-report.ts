// A counsellor opens one client's data: the share is checked and the opening is written to the
// audit log (the client sees it in their access log) before anything is read.
import { profileView, summaryView } from '$lib/profile-view';
import { buildMatchesView } from '$lib/core/matching/matches-view';
import { rankedWorkValues } from '$lib/core/matching/work-values';
import type { OpportunitySets } from '../profile/opportunities';
import type { SessionUser } from '../account/auth';
import type { Db } from '../db';
import type { Registry } from '../questionnaires/registry';
import { loadProfile } from '../profile/profile';
import { loadOthersSummaries } from '../others/others-summary';
import { findSharedClient } from './sharing';
import { ok } from '../../result';
import { insertAuditEvent } from '../repositories/audit';
import { findActiveShare } from '../repositories/shares';
import { MAX_NOTE_LENGTH, loadThread } from './counsellor-notes';
import { MAX_COMMENT_LENGTH, loadPreparation, loadShortlist } from '../profile/shortlist';
import { MAX_ASSIGNMENT_MESSAGE, assignableInstruments, loadPairAssignments } from './counsellor-assignments';

export const REPORT_VIEWED = 'client.report.viewed';

/** The whole report of a client for a counsellor they share with (refused otherwise), audited. */
/** `opportunities`: the loaded sets, for the same top matches the client sees on /matches. */
export async function openClientReport(
	db: Db,
	registry: Registry,
	user: SessionUser,
	clientId: string,
	locale: string,
	opportunities?: OpportunitySets
) {
	const shared = await findSharedClient(db, user, clientId);
	if (!shared.ok) return shared;
	const client = shared.value;
	await insertAuditEvent(db, { actorId: user.id, action: REPORT_VIEWED, subjectId: client.id });
	const [profile, share, notes, assignments, others, shortlist, preparation] = await Promise.all([
		loadProfile(db, client.id),
		findActiveShare(db, client.id, user.id),
		loadThread(db, user.id, client.id),
		loadPairAssignments(db, registry, user.id, client.id, locale),
		loadOthersSummaries(db, registry, client.id, locale),
		loadShortlist(db, opportunities?.sets ?? new Map(), client.id, locale),
		loadPreparation(db, client.id)
	]);
	return ok({
		client: { id: client.id, email: client.email, name: client.display_name, sharedSince: share?.granted_at ?? null },
		// An own-picks response of How others see me has no score: its window stands for it.
		results: profileView(profile, locale).filter((r) => !others.some((o) => o.id === r.instrumentId)),
		summary: summaryView(profile, locale),
		shortlist,
		// The same top matches the client sees: at the preparation level they chose on /matches.
		matches: opportunities
			? buildMatchesView({
					dimensions: profile.dimensions,
					workValues: rankedWorkValues(profile.latest),
					sets: [...opportunities.sets.values()],
					defaultId: opportunities.defaultId,
					level: typeof preparation === 'number' ? preparation : null,
					locale,
					limit: 10
				})
			: null,
		preparation,
		others,
		notes,
		assignments,
		instruments: assignableInstruments(registry, locale),
		limits: { note: MAX_NOTE_LENGTH, message: MAX_ASSIGNMENT_MESSAGE, comment: MAX_COMMENT_LENGTH }
	});
}
