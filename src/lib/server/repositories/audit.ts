import type { Db } from '../db';

export interface AuditInput {
	actorId: string | null;
	action: string;
	subjectId?: string | null;
	detail?: string | null;
	at?: Date;
}

export async function insertAuditEvent(db: Db, e: AuditInput): Promise<void> {
	await db
		.insertInto('audit_event')
		.values({
			actor_id: e.actorId,
			action: e.action,
			subject_id: e.subjectId ?? null,
			detail: e.detail ?? null,
			at: (e.at ?? new Date()).toISOString()
		})
		.execute();
}

/** Whether `actorId` has an event `action` about `subjectId` at or after `since`. */
export async function hasAuditEventSince(db: Db, e: { actorId: string; action: string; subjectId: string; since: Date }): Promise<boolean> {
	const row = await db
		.selectFrom('audit_event')
		.select('id')
		.where('actor_id', '=', e.actorId)
		.where('action', '=', e.action)
		.where('subject_id', '=', e.subjectId)
		.where('at', '>=', e.since.toISOString())
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export const listAuditEventsForSubject = (db: Db, subjectId: string, limit = 100) =>
	db
		.selectFrom('audit_event')
		.selectAll()
		.where('subject_id', '=', subjectId)
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();

/** One audit event with the email addresses of its actor, its subject and (when the detail is a user id) that user. */
export interface AuditEntry {
	id: number;
	action: string;
	at: string;
	actor_id: string | null;
	actor_email: string | null;
	subject_id: string | null;
	subject_email: string | null;
	detail: string | null;
	detail_email: string | null;
}

/** The actions whose detail is a user id (the counsellor shared with); other details are free text. */
const USER_DETAIL_ACTIONS = ['share.granted', 'share.revoked'];

// Left joins: the people in an event may have deleted their account since; the event stays. The detail
// is looked up as a user only for USER_DETAIL_ACTIONS: a token named after someone's id must not
// show that person's email.
const entries = (db: Db) =>
	db
		.selectFrom('audit_event as e')
		.leftJoin('user as a', 'a.id', 'e.actor_id')
		.leftJoin('user as s', 's.id', 'e.subject_id')
		.leftJoin('user as d', (j) => j.onRef('d.id', '=', 'e.detail').on('e.action', 'in', USER_DETAIL_ACTIONS))
		.select([
			'e.id',
			'e.action',
			'e.at',
			'e.actor_id',
			'a.email as actor_email',
			'e.subject_id',
			's.email as subject_email',
			'e.detail',
			'd.email as detail_email'
		]);

export interface AuditQuery {
	/** Only events with exactly this action. */
	action?: string | null;
	limit: number;
	offset: number;
}

/** Every audit event, newest first (admins). */
export const listAuditEntries = (db: Db, q: AuditQuery): Promise<AuditEntry[]> =>
	entries(db)
		.$if(!!q.action, (qb) => qb.where('e.action', '=', q.action!))
		.orderBy('e.id', 'desc')
		.limit(q.limit)
		.offset(q.offset)
		.execute();

export async function countAuditEntries(db: Db, action?: string | null): Promise<number> {
	const row = await db
		.selectFrom('audit_event')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.$if(!!action, (qb) => qb.where('action', '=', action!))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The distinct actions in the log, for a filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
	const rows = await db.selectFrom('audit_event').select('action').distinct().orderBy('action').execute();
	return rows.map((r) => r.action);
}

/** What happened to one person's data, newest first: every event whose subject they are. */
export const listAuditEntriesAbout = (db: Db, subjectId: string, q: { limit: number; offset: number }) =>
	entries(db)
		.where('e.subject_id', '=', subjectId)
		.orderBy('e.id', 'desc')
		.limit(q.limit)
		.offset(q.offset)
		.execute();

export async function countAuditEntriesAbout(db: Db, subjectId: string): Promise<number> {
	const row = await db
		.selectFrom('audit_event')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('subject_id', '=', subjectId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * What these actors did with one person's data (their subject), counted per actor and action, with
 * the last time: "your counsellor viewed your report 3 times, last on …".
 */
export const summariseActionsAbout = (db: Db, subjectId: string, actorIds: string[]) =>
	actorIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('audit_event')
				.select((eb) => [
					'actor_id',
					'action',
					eb.fn.countAll<number>().as('times'),
					eb.fn.max('at').as('last_at')
				])
				.where('subject_id', '=', subjectId)
				.where('actor_id', 'in', actorIds)
				.groupBy(['actor_id', 'action'])
				.orderBy('last_at', 'desc')
				.execute();

/**
 * Replaces a deleted person's id in the audit log by `pseudonym` — as actor, as subject, and as the
 * detail (the counsellor of share events) — and drops the detail of `personalDetailActions` about
 * them (text they wrote). Each statement finds its rows by index (audit_subject, audit_actor,
 * audit_detail), so its cost follows the person's events, not the size of the log.
 */
export async function pseudonymiseAuditEventsOf(db: Db, userId: string, pseudonym: string, personalDetailActions: readonly string[]): Promise<void> {
	await db
		.updateTable('audit_event')
		.set({ detail: null })
		.where('subject_id', '=', userId)
		.where('action', 'in', [...personalDetailActions])
		.execute();
	await db.updateTable('audit_event').set({ actor_id: pseudonym }).where('actor_id', '=', userId).execute();
	await db.updateTable('audit_event').set({ subject_id: pseudonym }).where('subject_id', '=', userId).execute();
	await db.updateTable('audit_event').set({ detail: pseudonym }).where('detail', '=', userId).execute();
}

/**
 * Deletes the oldest audit events before `before` (ISO time), about `batch` of them: those up to the
 * time of the `batch`-th oldest (a few more when several share that time), or all that are left when
 * fewer remain. Both statements read a range of the index audit_at. Returns how many went; the caller
 * repeats until fewer than `batch` did, so that no one statement holds SQLite's write lock for long.
 */
export async function deleteAuditEventsBefore(db: Db, before: string, batch: number): Promise<number> {
	const bound = await db
		.selectFrom('audit_event')
		.select('at')
		.where('at', '<', before)
		.orderBy('at')
		.offset(batch - 1)
		.limit(1)
		.executeTakeFirst();
	let q = db.deleteFrom('audit_event').where('at', '<', before);
	if (bound) q = q.where('at', '<=', bound.at);
	const r = await q.executeTakeFirst();
	return Number(r.numDeletedRows);
}
