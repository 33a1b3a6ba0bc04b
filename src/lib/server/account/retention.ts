// The retention job: what is kept only for a while is deleted when the while is over. It runs at
// start and then daily (app.ts); periods come from the configuration (config.ts) and are described
// in docs/privacy.md:
// - anonymous clients unused for ANONYMOUS_RETENTION_DAYS, client accounts unused for
//   CLIENT_RETENTION_DAYS: deleted as if they had deleted themselves (erasure.ts), one account per
//   transaction;
// - audit events (and so access-log entries) older than AUDIT_RETENTION_DAYS, RETENTION_BATCH per
//   statement;
// so that the job never holds SQLite's only write lock for long while people complete questionnaires.
// - ended sessions (with their browser and address) and ended failed-attempt windows.
// Staff accounts are never deleted by the job: an administrator removes them.
import type { Db } from '../db';
import { forgetActivity } from '../profile/activity';
import { deleteInactiveAnonymous } from './anonymous';
import { compactAfterErasure, deleteAccount } from './erasure';
import { sweepEndedWindows } from '../rate-limit';
import { deleteAuditEventsBefore } from '../repositories/audit';
import { deleteEndedResetLinks } from '../repositories/password-resets';
import { deleteEndedSessions as deleteEndedSessionRows } from '../repositories/sessions';
import { deleteEndedPendingSignIns } from '../repositories/two-factor';
import { listInactiveClientIds } from '../repositories/users';

const DAY = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
	anonymousDays: number;
	clientDays: number;
	auditDays: number;
	/** A session unused this long has ended (the session policy's idle timeout). */
	sessionIdleMs: number;
}

export interface RetentionRun {
	anonymousClients: number;
	clients: number;
	auditEvents: number;
	sessions: number;
}

const before = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** Client accounts unused for `days` days, deleted with everything they stored. Returns how many. */
export async function deleteInactiveClients(db: Db, days: number, now = new Date()): Promise<number> {
	const ids = await listInactiveClientIds(db, before(now, days * DAY));
	for (const id of ids) {
		await deleteAccount(db, { id, role: 'client' }, now);
		forgetActivity(id);
	}
	return ids.length;
}

/** How many rows one statement of the job deletes at most: each is a short write transaction. */
export const RETENTION_BATCH = 500;

/** Audit events older than `days` days, RETENTION_BATCH at a time. Returns how many. */
export async function deleteOldAuditEvents(db: Db, days: number, now = new Date(), batch = RETENTION_BATCH): Promise<number> {
	const cutoff = before(now, days * DAY);
	let total = 0;
	for (;;) {
		const n = await deleteAuditEventsBefore(db, cutoff, batch);
		total += n;
		if (n < batch) return total;
	}
}

/** Sessions past their absolute end or unused for longer than the idle timeout. Returns how many. */
export function deleteEndedSessions(db: Db, idleMs: number, now = new Date()): Promise<number> {
	return deleteEndedSessionRows(db, now.toISOString(), before(now, idleMs));
}

/** One run of the job. */
export async function runRetention(db: Db, policy: RetentionPolicy, now = new Date()): Promise<RetentionRun> {
	const run: RetentionRun = {
		anonymousClients: await deleteInactiveAnonymous(db, policy.anonymousDays, now),
		clients: await deleteInactiveClients(db, policy.clientDays, now),
		auditEvents: await deleteOldAuditEvents(db, policy.auditDays, now),
		sessions: await deleteEndedSessions(db, policy.sessionIdleMs, now)
	};
	await sweepEndedWindows(db, now.getTime());
	// Expired password reset links (used ones too, once their time is over): nothing to keep them for.
	await deleteEndedResetLinks(db, now.toISOString());
	await deleteEndedPendingSignIns(db, now.toISOString());
	// Always: it also finishes an emptying of the log that a busy reader kept from finishing before.
	await compactAfterErasure(db);
	return run;
}

/** Runs the job now and then every day; returns the timer (cleared at shutdown). */
export function startRetentionJob(db: Db, policy: RetentionPolicy): ReturnType<typeof setInterval> {
	const once = () =>
		runRetention(db, policy)
			.then((r) => {
				if (r.anonymousClients || r.clients || r.auditEvents)
					console.log(
						`[spejl] retention: deleted ${r.anonymousClients} anonymous clients, ${r.clients} client accounts ` +
							`and ${r.auditEvents} audit events past their periods`
					);
			})
			.catch((e) => console.error('[spejl] the retention job failed', e));
	void once();
	return setInterval(once, DAY).unref();
}
