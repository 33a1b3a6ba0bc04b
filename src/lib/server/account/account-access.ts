// What the Account page shows about access to a person's data: who they share with and what those
// counsellors have looked at.
import type { Db } from '../db';
import { listActiveSharesOfClient } from '../repositories/shares';
import { countAuditEntriesAbout, listAuditEntriesAbout, summariseActionsAbout } from '../repositories/audit';
import { paging } from '../http/paging';

export interface SharedWith {
	counsellorId: string;
	email: string;
	name: string | null;
	since: string;
	/** What this counsellor did with the client's data (all time), most recent first. */
	activity: { action: string; times: number; lastAt: string }[];
}

export async function listSharedWith(db: Db, clientId: string): Promise<SharedWith[]> {
	const shares = await listActiveSharesOfClient(db, clientId);
	const activity = await summariseActionsAbout(db, clientId, shares.map((s) => s.counsellor_id));
	return shares.map((s) => ({
		counsellorId: s.counsellor_id,
		email: s.email ?? '',
		name: s.display_name,
		since: s.granted_at,
		activity: activity
			.filter((a) => a.actor_id === s.counsellor_id)
			.map((a) => ({ action: a.action, times: Number(a.times), lastAt: String(a.last_at) }))
	}));
}

/** One page of what was done with a person's account and data (their access log), newest first. */
export async function loadAccessLog(db: Db, userId: string, q: { page: string | null; perPage: number }) {
	const logPage = paging(q.page, await countAuditEntriesAbout(db, userId), q.perPage);
	return { log: await listAuditEntriesAbout(db, userId, { limit: logPage.size, offset: logPage.offset }), logPage };
}
