// "Download all my data": every row Spejl keeps about a person, in one JSON document, so they can
// see it, keep it or take it elsewhere. Secrets (password hash, session and token hashes) are left
// out: they are not information about the person and would only weaken their account. A counsellor
// whose client has revoked the share keeps only what the counsellor wrote (their notes and
// assignments, when the share began and ended), with no client identity and none of the client's
// text: revoking cuts the counsellor off from the client's data, downloads included.
import type { Db } from '../db';
import { findUserById } from '../repositories/users';
import { insertAuditEvent } from '../repositories/audit';
import {
	listAllApiTokensOf,
	listAllAssignmentsOf,
	listAllAuditAbout,
	listAllNotesOf,
	listAllResponsesOf,
	listAllSharesOf,
	listClientIdsSharingWith
} from '../repositories/personal-data';
import { listShortlist } from '../repositories/shortlist';
import { listAllOthersInvitesOf } from '../repositories/others-view';
import { listGroupsOfCounsellor, listGroupsOfMember } from '../repositories/groups';
import { getDecision, listInterpretationsAbout } from '../repositories/decision';

export const PERSONAL_DATA_FORMAT = 'spejl-personal-data-v1';

export async function collectPersonalData(db: Db, userId: string, now: Date) {
	const user = await findUserById(db, userId);
	if (!user) throw new Error(`no user ${userId}`);
	const [decision, interpretations] = await Promise.all([getDecision(db, userId), listInterpretationsAbout(db, userId)]);
	const [responses, shares, notes, assignments, tokens, accessLog, othersInvites, shortlist, sharing, memberships, ownGroups] = await Promise.all([
		listAllResponsesOf(db, userId),
		listAllSharesOf(db, userId),
		listAllNotesOf(db, userId),
		listAllAssignmentsOf(db, userId),
		listAllApiTokensOf(db, userId),
		listAllAuditAbout(db, userId),
		listAllOthersInvitesOf(db, userId),
		listShortlist(db, userId),
		listClientIdsSharingWith(db, userId),
		listGroupsOfMember(db, userId),
		listGroupsOfCounsellor(db, userId)
	]);
	// A client's identity is shown to the person themself and to a counsellor they share with now.
	const sharingNow = new Set([userId, ...sharing]);
	const clientOf = (row: { client_id: string; client: string | null }) => (sharingNow.has(row.client_id) ? row.client : null);
	return {
		format: PERSONAL_DATA_FORMAT,
		generatedAt: now.toISOString(),
		account: {
			id: user.id,
			email: user.email,
			name: user.display_name,
			role: user.role,
			locale: user.locale,
			createdAt: user.created_at,
			shareCode: user.share_code,
			// The preparation level chosen on the matches page: null = not asked yet, 'all', or a level number.
			preparationLevel: user.preparation_level
		},
		responses: responses.map((r) => ({
			id: r.id,
			instrument: r.instrument_id,
			version: r.version,
			status: r.status,
			startedAt: r.started_at,
			updatedAt: r.updated_at,
			completedAt: r.completed_at,
			currentPage: r.current_page,
			answers: JSON.parse(r.answers) as unknown,
			result: r.result ? (JSON.parse(r.result) as unknown) : null
		})),
		shares: shares.map((s) => ({ client: clientOf(s), counsellor: s.counsellor, grantedAt: s.granted_at, revokedAt: s.revoked_at })),
		// After a revocation the counsellor keeps their own notes only; the client's replies go.
		notes: notes
			.filter((n) => sharingNow.has(n.client_id) || n.author_id === userId)
			.map((n) => ({ client: clientOf(n), counsellor: n.counsellor, author: n.author, body: n.body, createdAt: n.created_at })),
		assignments: assignments.map((a) => ({
			client: clientOf(a),
			counsellor: a.counsellor,
			instrument: a.instrument_id,
			message: a.message,
			createdAt: a.created_at,
			cancelledAt: a.cancelled_at
		})),
		// The occupations starred on the matches page, with a counsellor's comment where there is one.
		shortlist: shortlist.map((s) => ({
			set: s.set_id,
			id: s.opportunity_id,
			title: s.title,
			addedAt: s.added_at,
			comment: s.comment,
			commentBy: s.commenter_email,
			commentAt: s.comment_at
		})),
		// The decision step as stored (balance sheets, ratings, plan) with a counsellor's comment on it.
		decision: decision
			? {
					data: JSON.parse(decision.data) as unknown,
					updatedAt: decision.updated_at,
					comment: decision.comment,
					commentBy: decision.commenter_email,
					commentAt: decision.comment_at
				}
			: null,
		// What counsellors wrote as their interpretation of the profile, for the report.
		interpretations: interpretations.map((i) => ({ counsellor: i.counsellor, body: i.body, updatedAt: i.updated_at })),
		apiTokens: tokens.map((t) => ({ name: t.name, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at })),
		accessLog: accessLog.map((e) => ({ action: e.action, by: e.actor, at: e.at })),
		// How others see me: the links. The answers themselves are in the window on the profile:
		// listed per link they would tell who said what.
		othersViewLinks: othersInvites.map((i) => ({
			exercise: i.instrument_id,
			code: i.code,
			shownName: i.shown_name,
			nickname: i.nickname,
			createdAt: i.created_at,
			expiresAt: i.expires_at,
			revokedAt: i.revoked_at
		})),
		// The groups the person joined (their counsellor sees only totals), and a counsellor's own groups.
		groups: memberships.map((g) => ({ name: g.name, counsellor: g.counsellor_email, joinedAt: g.joined_at })),
		ownGroups: ownGroups.map((g) => ({ name: g.name, code: g.code, createdAt: g.created_at, endsAt: g.ends_at, closedAt: g.closed_at, members: Number(g.members ?? 0) }))
	};
}

/** The download of everything stored about a person; logged first, so it is in the access log it contains. */
export async function downloadPersonalData(db: Db, userId: string, now: Date) {
	await insertAuditEvent(db, { actorId: userId, action: 'account.data.downloaded', subjectId: userId, at: now });
	return collectPersonalData(db, userId, now);
}
