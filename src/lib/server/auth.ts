// Sessions as the Lucia guide describes them: the cookie holds a random token, the database
// holds only its SHA-256, sessions last 30 days and are renewed in their last 15.
import { hash, verify } from '@node-rs/argon2';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from './db';
import type { User } from './db/schema';
import {
	deleteSession,
	findSessionWithUser,
	insertSession,
	updateSessionExpiry
} from './repositories/sessions';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'spejl_session';
export const SESSION_DAYS = 30;

export function generateSessionToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Db, token: string, userId: string, now = Date.now()) {
	const session = { id: sessionIdOf(token), user_id: userId, expires_at: now + SESSION_DAYS * DAY };
	await insertSession(db, session);
	return session;
}

export type SessionUser = Pick<User, 'id' | 'email' | 'role' | 'locale' | 'display_name'>;

export async function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): Promise<{ user: SessionUser; expiresAt: number } | null> {
	const id = sessionIdOf(token);
	const row = await findSessionWithUser(db, id);
	if (!row) return null;
	if (now >= row.expires_at) {
		await deleteSession(db, id);
		return null;
	}
	let expiresAt = row.expires_at;
	if (now >= expiresAt - 15 * DAY) {
		expiresAt = now + SESSION_DAYS * DAY;
		await updateSessionExpiry(db, id, expiresAt);
	}
	const { email, role, locale, display_name } = row;
	return { user: { id: row.id, email, role, locale, display_name }, expiresAt };
}

export const invalidateSession = (db: Db, token: string) => deleteSession(db, sessionIdOf(token));

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: number, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

// OWASP's argon2id parameters (m = 19 MiB, t = 2, p = 1).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };
export const hashPassword = (password: string) => hash(password, ARGON);
export const verifyPassword = (hashed: string, password: string) =>
	verify(hashed, password).catch(() => false);

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
