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

export const listAuditEventsForSubject = (db: Db, subjectId: string, limit = 100) =>
	db
		.selectFrom('audit_event')
		.selectAll()
		.where('subject_id', '=', subjectId)
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
