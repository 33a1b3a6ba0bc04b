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
import { hasAuditEventSince, insertAuditEvent } from '../repositories/audit';
import { findActiveShare } from '../repositories/shares';
import { MAX_NOTE_LENGTH, loadThread } from './counsellor-notes';
import { MAX_COMMENT_LENGTH, loadPreparation, loadShortlist } from '../profile/shortlist';
import { loadDecision } from '../profile/decision';
import { MAX_INTERPRETATION_LENGTH, loadInterpretation } from './interpretation';
import { MAX_ASSIGNMENT_MESSAGE, assignableInstruments, loadPairAssignments } from './counsellor-assignments';

export const REPORT_VIEWED = 'client.report.viewed';

/**
 * One visit to a client's report is one entry in the client's access log: opening the report again
 * (a reload, a comment saved, printing) within this many minutes of the last logged view is not
 * logged again. A counsellor who reads for longer gets a new entry every 30 minutes (docs/privacy.md).
 */
export const REPORT_VISIT_MINUTES = 30;

/** Writes the report view, unless this counsellor's last logged view of this client is under REPORT_VISIT_MINUTES old. */
async function logReportView(db: Db, counsellorId: string, clientId: string, now: Date) {
	const since = new Date(now.getTime() - REPORT_VISIT_MINUTES * 60_000);
	if (await hasAuditEventSince(db, { actorId: counsellorId, action: REPORT_VIEWED, subjectId: clientId, since })) return;
	await insertAuditEvent(db, { actorId: counsellorId, action: REPORT_VIEWED, subjectId: clientId, at: now });
}

/** The whole report of a client for a counsellor they share with (refused otherwise), audited once per visit. */
/** `opportunities`: the loaded sets, for the same top matches the client sees on /matches. */
export async function openClientReport(
	db: Db,
	registry: Registry,
	user: SessionUser,
	clientId: string,
	locale: string,
	opportunities?: OpportunitySets,
	now = new Date()
) {
	const shared = await findSharedClient(db, user, clientId);
	if (!shared.ok) return shared;
	const client = shared.value;
	await logReportView(db, user.id, client.id, now);
	const [decision, interpretation] = await Promise.all([
		loadDecision(db, opportunities?.sets ?? new Map(), client.id, locale),
		loadInterpretation(db, user.id, client.id)
	]);
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
		decision,
		interpretation,
		counsellorName: user.display_name ?? user.email ?? '',
		others,
		notes,
		assignments,
		instruments: assignableInstruments(registry, locale),
		limits: { note: MAX_NOTE_LENGTH, message: MAX_ASSIGNMENT_MESSAGE, comment: MAX_COMMENT_LENGTH, interpretation: MAX_INTERPRETATION_LENGTH }
	});
}
