import type { Db } from '../db';

// Everything stored about one person, table by table, for their "download all my data".

export const listAllResponsesOf = (db: Db, userId: string) =>
	db
		.selectFrom('response')
		.innerJoin('instrument_version', 'instrument_version.id', 'response.instrument_version_id')
		.select([
			'response.id',
			'response.instrument_id',
			'instrument_version.version',
			'response.status',
			'response.answers',
			'response.current_page',
			'response.result',
			'response.started_at',
			'response.updated_at',
			'response.completed_at'
		])
		.where('response.user_id', '=', userId)
		.orderBy('response.started_at')
		.execute();

export const listAllSharesOf = (db: Db, userId: string) =>
	db
		.selectFrom('share')
		.innerJoin('user as c', 'c.id', 'share.counsellor_id')
		.innerJoin('user as k', 'k.id', 'share.client_id')
		.select(['share.client_id', 'k.email as client', 'c.email as counsellor', 'share.granted_at', 'share.revoked_at'])
		.where((eb) => eb.or([eb('share.client_id', '=', userId), eb('share.counsellor_id', '=', userId)]))
		.orderBy('share.granted_at')
		.execute();

export const listAllNotesOf = (db: Db, userId: string) =>
	db
		.selectFrom('note')
		.innerJoin('user as a', 'a.id', 'note.author_id')
		.innerJoin('user as k', 'k.id', 'note.client_id')
		.innerJoin('user as c', 'c.id', 'note.counsellor_id')
		.select(['note.client_id', 'note.author_id', 'k.email as client', 'c.email as counsellor', 'a.email as author', 'note.body', 'note.created_at'])
		.where((eb) => eb.or([eb('note.client_id', '=', userId), eb('note.counsellor_id', '=', userId)]))
		.orderBy('note.created_at')
		.execute();

/** The clients who share with `counsellorId` now (not revoked). */
export async function listClientIdsSharingWith(db: Db, counsellorId: string): Promise<string[]> {
	const rows = await db.selectFrom('share').select('client_id').where('counsellor_id', '=', counsellorId).where('revoked_at', 'is', null).execute();
	return rows.map((r) => r.client_id);
}

export const listAllAssignmentsOf = (db: Db, userId: string) =>
	db
		.selectFrom('assignment')
		.innerJoin('user as c', 'c.id', 'assignment.counsellor_id')
		.innerJoin('user as k', 'k.id', 'assignment.client_id')
		.select(['assignment.client_id', 'k.email as client', 'c.email as counsellor', 'assignment.instrument_id', 'assignment.message', 'assignment.created_at', 'assignment.cancelled_at'])
		.where((eb) => eb.or([eb('assignment.client_id', '=', userId), eb('assignment.counsellor_id', '=', userId)]))
		.orderBy('assignment.created_at')
		.execute();

export const listAllApiTokensOf = (db: Db, userId: string) =>
	db
		.selectFrom('api_token')
		.select(['name', 'created_at', 'last_used_at', 'revoked_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();

/** What was done with the person's data (audit events about them), with the actor's email. */
export const listAllAuditAbout = (db: Db, userId: string) =>
	db
		.selectFrom('audit_event')
		.leftJoin('user as a', 'a.id', 'audit_event.actor_id')
		.select(['audit_event.action', 'a.email as actor', 'audit_event.at'])
		.where('audit_event.subject_id', '=', userId)
		.orderBy('audit_event.id')
		.execute();
