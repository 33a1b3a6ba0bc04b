// The retention job: what is kept only for a while is deleted when the while is over. It runs at
// start and then daily (app.ts); periods come from the configuration (config.ts) and are described
// in docs/privacy.md:
// - anonymous clients unused for ANONYMOUS_RETENTION_DAYS, client accounts unused for
//   CLIENT_RETENTION_DAYS: deleted as if they had deleted themselves (erasure.ts);
// - audit events (and so access-log entries) older than AUDIT_RETENTION_DAYS;
// - ended sessions (with their browser and address) and ended failed-attempt windows.
// Staff accounts are never deleted by the job: an administrator removes them.
import type { Db } from '../db';
import { forgetActivity } from '../profile/activity';
import { deleteInactiveAnonymous } from './anonymous';
import { compactAfterErasure, deleteAccount } from './erasure';
import { sweepEndedWindows } from '../rate-limit';
import { deleteEndedResetLinks } from '../repositories/password-resets';
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

/** Audit events older than `days` days. Returns how many. */
export async function deleteOldAuditEvents(db: Db, days: number, now = new Date()): Promise<number> {
	const r = await db.deleteFrom('audit_event').where('at', '<', before(now, days * DAY)).executeTakeFirst();
	return Number(r.numDeletedRows);
}

/** Sessions past their absolute end or unused for longer than the idle timeout. Returns how many. */
export async function deleteEndedSessions(db: Db, idleMs: number, now = new Date()): Promise<number> {
	const r = await db
		.deleteFrom('session')
		.where((eb) =>
			eb.or([
				eb('expires_at', '<=', now.toISOString()),
				eb(eb.fn.coalesce('last_used_at', 'created_at'), '<=', before(now, idleMs))
			])
		)
		.executeTakeFirst();
	return Number(r.numDeletedRows);
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
