// The client controls who sees their data: a counsellor sees a client's data only while an active
// (not revoked) share exists. Every check of a counsellor's access goes through here.
import type { Db } from '../db';
import type { User } from '../db/schema';
import { err, ok, type Result } from '../../result';
import { isUniqueViolation } from '../db/errors';
import type { SessionUser } from '../account/auth';
import { findActiveShare, findUserByShareCode, findVisibleShare, insertShare, revokeShare, setShareCode } from '../repositories/shares';
import { findUserById } from '../repositories/users';
import { shareCodeLimiter } from '../rate-limit';
import { insertAuditEvent } from '../repositories/audit';

/**
 * True while `clientId` shares with `counsellorId` and has agreed to a privacy notice (privacy.ts):
 * a client who never agreed (an account from before notices were recorded) is not shown.
 */
export async function hasActiveShare(db: Db, counsellorId: string, clientId: string): Promise<boolean> {
	return (await findVisibleShare(db, clientId, counsellorId)) !== undefined;
}

/**
 * For a counsellor's page or action about one client: the client, when the user is a counsellor the
 * client shares with now. A client who does not exist is refused the same way as one who does not
 * share, so ids cannot be probed.
 */
export async function findSharedClient(db: Db, user: SessionUser, clientId: string): Promise<Result<User>> {
	if (user.role !== 'counsellor') return err('counsellor.error.onlyCounsellors');
	const client = await findUserById(db, clientId);
	if (!client || client.role !== 'client' || !(await hasActiveShare(db, user.id, clientId))) return err('counsellor.error.notShared');
	return ok(client);
}

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random share code like `K7M-Q2XF`. */
export function generateShareCode(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(7));
	const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
	return `${chars.slice(0, 3)}-${chars.slice(3)}`;
}

/** Normalises what a person typed: upper case, no spaces, the dash put back. */
export function normaliseShareCode(input: string): string {
	const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
	return raw.length === 7 ? `${raw.slice(0, 3)}-${raw.slice(3)}` : raw;
}

/** The counsellor's share code, created the first time it is needed. */
export async function ensureShareCode(db: Db, counsellorId: string): Promise<string> {
	const user = await findUserById(db, counsellorId);
	if (user?.share_code) return user.share_code;
	for (let i = 0; i < 5; i++) {
		const code = generateShareCode();
		try {
			await setShareCode(db, counsellorId, code);
			return code;
		} catch (e) {
			if (!isUniqueViolation(e)) throw e;
		}
	}
	throw new Error('could not create a unique share code');
}

/** The one spelling of a share code (also used by group codes, groups/groups.ts). */
export const SHARE_CODE_PATTERN = /^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{4}$/;
const CODE = SHARE_CODE_PATTERN;

/** The invitation link a counsellor hands out: `<origin>/share/<code>`. */
export const shareLink = (origin: string, code: string) => `${origin}/share/${encodeURIComponent(code)}`;

export interface CounsellorCard {
	id: string;
	email: string;
	name: string | null;
}

/**
 * The counsellor behind what a person typed (or followed), with the code in its one spelling, or why
 * there is none (the code as typed is the problem's `code` parameter). With `asker`, unknown codes
 * count against that person, so codes cannot be found by trying many.
 */
export async function findCounsellorByCode(
	db: Db,
	input: string,
	asker?: string
): Promise<Result<{ code: string; counsellor: CounsellorCard }>> {
	const code = normaliseShareCode(input);
	if (!code) return err('counsellor.share.error.empty', { code }, 'code');
	if (!CODE.test(code)) return err('counsellor.share.error.format', { code }, 'code');
	if (asker && (await shareCodeLimiter.blockedFor(db, asker)) > 0) return err('counsellor.share.error.tooMany', { code }, 'code');
	const user = await findUserByShareCode(db, code);
	if (!user) {
		if (asker) await shareCodeLimiter.fail(db, asker);
		return err('counsellor.share.error.unknown', { code }, 'code');
	}
	return ok({ code, counsellor: { id: user.id, email: user.email ?? '', name: user.display_name } });
}

/**
 * A client shares their profile, results and brainstorm answers with a counsellor. Audited as
 * `share.granted` (actor and subject: the client; detail: the counsellor's id) in the same
 * transaction as the share. Sharing again while a share is active changes nothing (`already`).
 */
export async function grantShare(
	db: Db,
	client: SessionUser,
	counsellorId: string,
	now = new Date()
): Promise<Result<{ already: boolean }>> {
	if (client.role !== 'client') return err('counsellor.share.error.notClient');
	if (client.id === counsellorId) return err('counsellor.share.error.self');
	const counsellor = await findUserById(db, counsellorId);
	if (!counsellor || counsellor.role !== 'counsellor') return err('counsellor.share.error.notCounsellor');
	return db.transaction().execute(async (trx) => {
		// Two grants at once (a double click): the unique index lets one insert; only that one is audited.
		if (!(await insertShare(trx, client.id, counsellorId, now))) return ok({ already: true });
		await insertAuditEvent(trx, { actorId: client.id, action: 'share.granted', subjectId: client.id, detail: counsellorId, at: now });
		return ok({ already: false });
	});
}

/**
 * The client takes access away; from the next request on the counsellor is refused
 * (findSharedClient reads the share table every time). Audited as `share.revoked` in the same
 * transaction. False when there was no active share.
 */
export async function withdrawShare(db: Db, client: SessionUser, counsellorId: string, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		if (!(await revokeShare(trx, client.id, counsellorId, now))) return false;
		await insertAuditEvent(trx, { actorId: client.id, action: 'share.revoked', subjectId: client.id, detail: counsellorId, at: now });
		return true;
	});
}

/** When `clientId` began sharing with `counsellorId`, or null while they do not share. */
export async function sharedSince(db: Db, clientId: string, counsellorId: string): Promise<string | null> {
	return (await findActiveShare(db, clientId, counsellorId))?.granted_at ?? null;
}

/**
 * The client stops sharing with a counsellor from their account page. The counsellor's name (or
 * e-mail) to confirm it; refused when there is no such counsellor or no active share.
 */
export async function withdrawShareFromAccount(
	db: Db,
	client: SessionUser,
	counsellorId: string,
	now = new Date()
): Promise<Result<{ name: string | null }>> {
	const counsellor = counsellorId ? await findUserById(db, counsellorId) : undefined;
	if (!counsellor || !(await withdrawShare(db, client, counsellorId, now))) return err('counsellor.share.error.notSharing');
	return ok({ name: counsellor.display_name ?? counsellor.email });
}
