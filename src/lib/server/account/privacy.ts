// The privacy notice (/privacy) and people's agreement to it. A client agrees when registering or
// starting without an account; the version and time are stored on their account. When the notice
// changes, PRIVACY_NOTICE_VERSION changes with it, and every client is asked again at their next
// page (hooks.server.ts) before they can go on; until then counsellors do not see them.
// Staff accounts are not asked: they use Spejl for their work, not as clients. See docs/privacy.md.
import type { Problem } from '../../result';
import type { Db } from '../db';
import type { User } from '../db/schema';
import { insertAuditEvent } from '../repositories/audit';
import { updateUser } from '../repositories/users';

/** Bump (the date of the change) whenever the meaning of the notice changes. */
export const PRIVACY_NOTICE_VERSION = '2026-12-01';

/** The form field of the "I agree" checkbox, and the value it sends. */
export const AGREE_FIELD = 'privacy';
export const AGREE_VALUE = 'agree';

/** Whether this person must (still) agree to the current notice before going on. */
export const mustAgree = (user: Pick<User, 'role'> & { privacy_version?: string | null }): boolean =>
	user.role === 'client' && user.privacy_version !== PRIVACY_NOTICE_VERSION;

/** The problem (about the field `privacy`) when the checkbox was not ticked, or null. */
export function checkAgreement(form: FormData): Problem | null {
	return form.get(AGREE_FIELD) === AGREE_VALUE ? null : { code: 'privacy.error.agree', field: AGREE_FIELD };
}

/** The columns that record agreement to the current notice now. */
export const agreement = (now = new Date()) => ({ privacy_version: PRIVACY_NOTICE_VERSION, privacy_agreed_at: now.toISOString() });

export async function recordAgreement(db: Db, userId: string, now = new Date()): Promise<void> {
	await updateUser(db, userId, agreement(now));
}

/** A signed-in person agrees to the current notice (asked again after a change); in their log too. */
export async function agreeToNotice(db: Db, userId: string, now = new Date()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await recordAgreement(trx, userId, now);
		await insertAuditEvent(trx, { actorId: userId, action: 'privacy.agreed', subjectId: userId, detail: PRIVACY_NOTICE_VERSION, at: now });
	});
}
