// The notes thread between a client and each counsellor they share with (co-careering): the
// counsellor writes on the client's report, the client reads and replies on their profile.
import { err, ok, type Result } from '../../result';
import type { Db } from '../db';
import { hasActiveShare } from './sharing';
import { insertNote, listNotesWithActiveCounsellors, listThread } from '../repositories/notes';
import { listActiveSharesOfClient } from '../repositories/shares';
import type { ClientThread, NoteView } from '../../views/counsellor';
export type { ClientThread, NoteView } from '../../views/counsellor';

export const MAX_NOTE_LENGTH = 2000;

/** A note's text from a form field: trimmed, not empty, at most MAX_NOTE_LENGTH characters. */
export function checkNoteBody(raw: FormDataEntryValue | null): Result<string> {
	const body = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : '';
	if (!body) return err('counsellor.notes.error.empty', undefined, 'body');
	if ([...body].length > MAX_NOTE_LENGTH) return err('counsellor.notes.error.tooLong', { n: MAX_NOTE_LENGTH }, 'body');
	return ok(body);
}

const toView = (counsellorId: string) => (n: { id: number; author_id: string; body: string; created_at: string }): NoteView => ({
	id: n.id,
	byCounsellor: n.author_id === counsellorId,
	body: n.body,
	createdAt: n.created_at
});

/** The thread as the counsellor sees it on the report (the caller has checked the share). */
export async function loadThread(db: Db, counsellorId: string, clientId: string): Promise<NoteView[]> {
	return (await listThread(db, clientId, counsellorId)).map(toView(counsellorId));
}

/** The client's threads: one per counsellor they share with now, newest share first. */
export async function loadClientThreads(db: Db, clientId: string): Promise<ClientThread[]> {
	const [shares, notes] = await Promise.all([
		listActiveSharesOfClient(db, clientId),
		listNotesWithActiveCounsellors(db, clientId)
	]);
	return shares.map((s) => ({
		counsellorId: s.counsellor_id,
		counsellorName: s.display_name || s.email || '',
		notes: notes.filter((n) => n.counsellor_id === s.counsellor_id).map(toView(s.counsellor_id))
	}));
}

/** A counsellor's note on a client's profile (the caller has checked the share). */
export async function writeCounsellorNote(db: Db, counsellorId: string, clientId: string, body: string, now = new Date()) {
	return insertNote(db, { clientId, counsellorId, authorId: counsellorId, body, now });
}

/** A client's reply to a counsellor; only to a counsellor the client shares with now. */
export async function writeClientReply(
	db: Db,
	clientId: string,
	counsellorId: string,
	body: string,
	now = new Date()
): Promise<boolean> {
	if (!(await hasActiveShare(db, counsellorId, clientId))) return false;
	await insertNote(db, { clientId, counsellorId, authorId: clientId, body, now });
	return true;
}
