// The counsellor's written interpretation of a client's profile: one per client and counsellor,
// written on the report page and printed in the report. The caller has checked the share.
import { err, ok, type Result } from '../../result';
import type { Db } from '../db';
import { getInterpretation, putInterpretation } from '../repositories/decision';

export const MAX_INTERPRETATION_LENGTH = 4000;

export async function loadInterpretation(db: Db, counsellorId: string, clientId: string): Promise<{ body: string; updatedAt: string } | null> {
	const row = await getInterpretation(db, clientId, counsellorId);
	return row ? { body: row.body, updatedAt: row.updated_at } : null;
}

/** Saves the interpretation; an empty text deletes it. Too long is refused and changes nothing. */
export async function saveInterpretation(db: Db, counsellorId: string, clientId: string, raw: FormDataEntryValue | null, now = new Date()): Promise<Result> {
	const body = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : '';
	if ([...body].length > MAX_INTERPRETATION_LENGTH) return err('interpretation.tooLong', { n: MAX_INTERPRETATION_LENGTH }, 'interpretation');
	await putInterpretation(db, clientId, counsellorId, body, now);
	return ok();
}
