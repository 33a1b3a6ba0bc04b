// The client controls who sees their data: a counsellor sees a client's data only while an active
// (not revoked) share exists. Every check of a counsellor's access goes through here.
import { error } from '@sveltejs/kit';
import type { Db } from './db';
import type { SessionUser } from './auth';
import { findActiveShare, setShareCode } from './repositories/shares';
import { findUserById } from './repositories/users';

/** True while `clientId` shares with `counsellorId`. */
export async function hasActiveShare(db: Db, counsellorId: string, clientId: string): Promise<boolean> {
	return (await findActiveShare(db, clientId, counsellorId)) !== undefined;
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
			if (!String(e).includes('UNIQUE')) throw e;
		}
	}
	throw new Error('could not create a unique share code');
}
