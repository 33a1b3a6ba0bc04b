import type { Db } from '../db';

/** Adds a note to the thread between a client and a counsellor; `authorId` is either of them. */
export async function insertNote(
	db: Db,
	n: { clientId: string; counsellorId: string; authorId: string; body: string; now: Date }
): Promise<number> {
	const row = await db
		.insertInto('note')
		.values({
			client_id: n.clientId,
			counsellor_id: n.counsellorId,
			author_id: n.authorId,
			body: n.body,
			created_at: n.now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The thread between one client and one counsellor, oldest first. */
export const listThread = (db: Db, clientId: string, counsellorId: string) =>
	db
		.selectFrom('note')
		.select(['id', 'author_id', 'body', 'created_at'])
		.where('client_id', '=', clientId)
		.where('counsellor_id', '=', counsellorId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();

/** Every note of a client with the counsellors they share with now, oldest first. */
export const listNotesWithActiveCounsellors = (db: Db, clientId: string) =>
	db
		.selectFrom('note')
		.innerJoin('share', (j) =>
			j
				.onRef('share.client_id', '=', 'note.client_id')
				.onRef('share.counsellor_id', '=', 'note.counsellor_id')
				.on('share.revoked_at', 'is', null)
		)
		.select(['note.id', 'note.counsellor_id', 'note.author_id', 'note.body', 'note.created_at'])
		.where('note.client_id', '=', clientId)
		.orderBy('note.created_at')
		.orderBy('note.id')
		.execute();
