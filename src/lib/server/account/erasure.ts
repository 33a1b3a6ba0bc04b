// Deleting an account erases the person: their rows go (ON DELETE CASCADE from `user`), the audit
// log keeps what happened under a random pseudonym that nothing links back to them, failed sign-in
// counters naming their email go, and on SQLite the freed pages are overwritten (`secure_delete`,
// set when the database is opened) and the write-ahead log is emptied, so that the raw files no
// longer hold the deleted text. See docs/privacy.md.
import { dialectOf, type Db } from '../db';
import type { Role } from '../db/schema';
import { insertAuditEvent, pseudonymiseAuditEventsOf } from '../repositories/audit';
import { truncateWriteAheadLog } from '../repositories/maintenance';
import { countUsersWithRole, deleteUser, findUserById } from '../repositories/users';
import { forgetSignInFailuresOf } from '../rate-limit';
import { err, ok, type Result } from '../../result';

/** Audit actions whose detail is text the person wrote (a token's name); erased with their account. */
const PERSONAL_DETAIL_ACTIONS = ['api.token.created', 'api.token.revoked', 'profile.api.read'];

/** Prefix of the pseudonyms that replace a deleted person's id in the audit log. */
export const PSEUDONYM_PREFIX = 'deleted:';

/** Refused only for the last administrator (`account.deleteLastAdmin`). */
export type DeleteAccountResult = Result;

/**
 * Replaces `userId` everywhere in the audit log (actor, subject, and the detail of share events,
 * which names the counsellor) by one fresh random pseudonym, and drops the text the person wrote.
 * A counsellor's "viewed the report" events stay, so their accountability does, but point at
 * "a deleted person" that no row, backup key or hash leads back to. Every look-up is by index, so
 * the transaction (and on SQLite the write lock) lasts as long as the person's own events take.
 */
async function pseudonymiseAuditEvents(db: Db, userId: string): Promise<void> {
	await pseudonymiseAuditEventsOf(db, userId, `${PSEUDONYM_PREFIX}${crypto.randomUUID()}`, PERSONAL_DETAIL_ACTIONS);
}

/**
 * Deletes an account and everything personal with it: sessions, responses and scale scores, shares,
 * notes, assignments, API tokens, shortlist, decision step, interpretations and invitations with their
 * answers (ON DELETE CASCADE);
 * the audit log is pseudonymised (see above) and records that an account was deleted, not whose.
 * The last administrator cannot delete their account: with no administrator left, /setup would
 * let anyone create one. Call `compactAfterErasure` once the deletions are done.
 */
export async function deleteAccount(db: Db, user: { id: string; role: Role }, now = new Date()): Promise<DeleteAccountResult> {
	return db.transaction().execute(async (trx) => {
		if (user.role === 'admin' && (await countUsersWithRole(trx, 'admin')) <= 1) return err('account.deleteLastAdmin');
		const found = await findUserById(trx, user.id);
		// Already gone (another app server's retention job got there first): nothing to record twice.
		if (!found) return ok();
		await pseudonymiseAuditEvents(trx, user.id);
		if (found.email) await forgetSignInFailuresOf(trx, found.email);
		await deleteUser(trx, user.id);
		await insertAuditEvent(trx, { actorId: null, action: 'account.deleted', subjectId: null, at: now });
		return ok();
	});
}

/**
 * After deletions: on SQLite, copy every page of the write-ahead log into the database file and
 * truncate the log to zero bytes (`wal_checkpoint(TRUNCATE)`), so that the old page images holding
 * deleted rows are gone; `secure_delete` has already zeroed the deleted content in the new pages.
 * It waits for running readers (busy_timeout); returns false when one kept it from finishing (the
 * next run of the retention job tries again). PostgreSQL reclaims dead rows by (auto)vacuum; see
 * docs/privacy.md.
 */
export async function compactAfterErasure(db: Db): Promise<boolean> {
	if (dialectOf(db) !== 'sqlite') return true;
	const done = await truncateWriteAheadLog(db);
	if (!done) console.error('[spejl] the write-ahead log could not be emptied after a deletion (a reader was busy); retrying later');
	return done;
}

/** deleteAccount followed by compactAfterErasure: what a person's own "delete my account" does. */
export async function eraseAccount(db: Db, user: { id: string; role: Role }, now = new Date()): Promise<DeleteAccountResult> {
	const result = await deleteAccount(db, user, now);
	if (result.ok) await compactAfterErasure(db);
	return result;
}
