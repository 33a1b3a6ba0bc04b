// The client controls who sees their data: a counsellor sees a client's data only while an active
// (not revoked) share exists. Every check of a counsellor's access goes through here.
import { error } from '@sveltejs/kit';
import type { Db } from '../db';
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
 * For a counsellor's page or action about one client: 403 unless the user is a counsellor the
 * client shares with now, 404 when there is no such client (so ids cannot be probed).
 */
export async function requireSharedClient(db: Db, user: SessionUser, clientId: string) {
	if (user.role !== 'counsellor') error(403, 'Only counsellors can see client reports.');
	const client = await findUserById(db, clientId);
	if (!client || client.role !== 'client' || !(await hasActiveShare(db, user.id, clientId)))
		error(403, 'This client does not share their profile with you.');
	return client;
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

const CODE = /^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{4}$/;

/** The invitation link a counsellor hands out: `<origin>/share/<code>`. */
export const shareLink = (origin: string, code: string) => `${origin}/share/${encodeURIComponent(code)}`;

export interface CounsellorCard {
	id: string;
	email: string;
	name: string | null;
}

export type CodeLookup =
	| { ok: true; code: string; counsellor: CounsellorCard }
	| { ok: false; code: string; reason: 'empty' | 'format' | 'unknown' | 'too-many' };

/**
 * The counsellor behind what a person typed (or followed), or why there is none. With `asker`,
 * unknown codes count against that person, so codes cannot be found by trying many.
 */
export async function findCounsellorByCode(db: Db, input: string, asker?: string): Promise<CodeLookup> {
	const code = normaliseShareCode(input);
	if (!code) return { ok: false, code, reason: 'empty' };
	if (!CODE.test(code)) return { ok: false, code, reason: 'format' };
	if (asker && (await shareCodeLimiter.blockedFor(db, asker)) > 0) return { ok: false, code, reason: 'too-many' };
	const user = await findUserByShareCode(db, code);
	if (!user) {
		if (asker) await shareCodeLimiter.fail(db, asker);
		return { ok: false, code, reason: 'unknown' };
	}
	return { ok: true, code, counsellor: { id: user.id, email: user.email ?? '', name: user.display_name } };
}

export type GrantResult =
	| { ok: true; already: boolean }
	| { ok: false; reason: 'not-client' | 'self' | 'not-counsellor' };

/**
 * A client shares their profile, results and brainstorm answers with a counsellor. Audited as
 * `share.granted` (actor and subject: the client; detail: the counsellor's id). Sharing again while
 * a share is active changes nothing.
 */
export async function grantShare(
	db: Db,
	client: SessionUser,
	counsellorId: string,
	now = new Date()
): Promise<GrantResult> {
	if (client.role !== 'client') return { ok: false, reason: 'not-client' };
	if (client.id === counsellorId) return { ok: false, reason: 'self' };
	const counsellor = await findUserById(db, counsellorId);
	if (!counsellor || counsellor.role !== 'counsellor') return { ok: false, reason: 'not-counsellor' };
	if (await hasActiveShare(db, counsellorId, client.id)) return { ok: true, already: true };
	await insertShare(db, client.id, counsellorId, now);
	await insertAuditEvent(db, { actorId: client.id, action: 'share.granted', subjectId: client.id, detail: counsellorId, at: now });
	return { ok: true, already: false };
}

/**
 * The client takes access away; from the next request on the counsellor is refused
 * (requireSharedClient reads the share table every time). Audited as `share.revoked`.
 */
export async function withdrawShare(db: Db, client: SessionUser, counsellorId: string, now = new Date()): Promise<boolean> {
	if (!(await revokeShare(db, client.id, counsellorId, now))) return false;
	await insertAuditEvent(db, { actorId: client.id, action: 'share.revoked', subjectId: client.id, detail: counsellorId, at: now });
	return true;
}

/** When `clientId` began sharing with `counsellorId`, or null while they do not share. */
export async function sharedSince(db: Db, clientId: string, counsellorId: string): Promise<string | null> {
	return (await findActiveShare(db, clientId, counsellorId))?.granted_at ?? null;
}

/**
 * The client stops sharing with a counsellor from their account page. The counsellor's name (or
 * e-mail) to confirm it, or null when there is no such counsellor or no active share.
 */
export async function withdrawShareFromAccount(
	db: Db,
	client: SessionUser,
	counsellorId: string,
	now = new Date()
): Promise<{ name: string | null } | null> {
	const counsellor = counsellorId ? await findUserById(db, counsellorId) : undefined;
	if (!counsellor || !(await withdrawShare(db, client, counsellorId, now))) return null;
	return { name: counsellor.display_name ?? counsellor.email };
}
