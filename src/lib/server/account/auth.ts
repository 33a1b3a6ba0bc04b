// Sessions as the Lucia guide describes them (the cookie holds a random token, the database holds
// only its SHA-256), with an idle timeout and an absolute lifetime instead of endless renewal: a
// session ends when it has not been used for `idleMs`, and in any case `maxMs` after signing in.
import { hash as digest } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { DEFAULTS } from '../config';
import type { Db } from '../db';
import type { User } from '../db/schema';
import { deleteSession, findSessionWithUser, insertSession, touchSession } from '../repositories/sessions';

const MINUTE = 60 * 1000;
export const SESSION_COOKIE = 'spejl_session';

export interface SessionPolicy {
	/** A session unused this long ends. */
	idleMs: number;
	/** A session ends this long after signing in, however busy. */
	maxMs: number;
}

/** 60 minutes idle, 12 hours at most (configurable: SESSION_IDLE_MINUTES, SESSION_MAX_HOURS; see ./config.ts). */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
	idleMs: DEFAULTS.sessionIdleMinutes * MINUTE,
	maxMs: DEFAULTS.sessionMaxHours * 60 * MINUTE
};

let activePolicy = DEFAULT_SESSION_POLICY;
/** Sets the policy new sessions get (at start, from the environment). */
export const useSessionPolicy = (policy: SessionPolicy) => void (activePolicy = policy);
export const sessionPolicy = (): SessionPolicy => activePolicy;

/**
 * How stale `last_used_at` may get before a request writes it again: one write a minute at most,
 * more often only when the idle timeout itself is that short.
 */
const touchEvery = (policy: SessionPolicy) => Math.min(MINUTE, policy.idleMs / 4);

export function generateSessionToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/** The session's id: the hex SHA-256 of its token (node:crypto, native: this runs on every request). */
export function sessionIdOf(token: string): string {
	return digest('sha256', token, 'hex');
}

export interface SessionOrigin {
	userAgent?: string | null;
	address?: string | null;
}

export async function createSession(
	db: Db,
	token: string,
	userId: string,
	policy: SessionPolicy,
	origin: SessionOrigin = {},
	now = Date.now()
) {
	const at = new Date(now).toISOString();
	const session = {
		id: sessionIdOf(token),
		user_id: userId,
		expires_at: now + policy.maxMs,
		created_at: at,
		last_used_at: at,
		user_agent: origin.userAgent?.slice(0, 300) || null,
		address: origin.address?.slice(0, 64) || null
	};
	await insertSession(db, session);
	return session;
}

/** The signed-in person; the privacy agreement is always filled in by validateSessionToken. */
export type SessionUser = Pick<User, 'id' | 'email' | 'role' | 'locale' | 'display_name'> &
	Partial<Pick<User, 'privacy_version' | 'privacy_agreed_at' | 'must_set_password'>>;

/** When the cookie should expire: at the idle timeout from the last use, or the absolute end if sooner. */
export const cookieExpiry = (lastUsed: number, absoluteEnd: number, policy: SessionPolicy) =>
	Math.min(lastUsed + policy.idleMs, absoluteEnd);

export async function validateSessionToken(
	db: Db,
	token: string,
	policy: SessionPolicy,
	now = Date.now()
): Promise<{ user: SessionUser; sessionId: string; expiresAt: number } | null> {
	const id = sessionIdOf(token);
	const row = await findSessionWithUser(db, id);
	if (!row) return null;
	const lastUsed = row.last_used_at ? Date.parse(row.last_used_at) : now;
	if (now >= row.expires_at || now - lastUsed >= policy.idleMs) {
		await deleteSession(db, id);
		return null;
	}
	if (now - lastUsed >= touchEvery(policy) || !row.last_used_at) await touchSession(db, id, new Date(now).toISOString());
	const { email, role, locale, display_name, privacy_version, privacy_agreed_at, must_set_password } = row;
	return {
		user: { id: row.id, email, role, locale, display_name, privacy_version, privacy_agreed_at, must_set_password },
		sessionId: id,
		expiresAt: cookieExpiry(now, row.expires_at, policy)
	};
}

export const invalidateSession = (db: Db, token: string) => deleteSession(db, sessionIdOf(token));

/**
 * The session cookie's name: on https with the `__Host-` prefix, so a browser accepts it only when
 * it is Secure, for path /, and set by this host itself (no Domain: a neighbouring subdomain cannot
 * plant or overwrite it). Plain http (localhost, a test server) keeps the plain name, which browsers
 * would refuse with the prefix.
 */
export const sessionCookieName = (secure: boolean) => (secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

/** The session token this browser sent, if any. */
export const readSessionToken = (cookies: Cookies, secure: boolean) => cookies.get(sessionCookieName(secure));

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: number, secure: boolean) {
	cookies.set(sessionCookieName(secure), token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

// OWASP's argon2id parameters (m = 19 MiB, t = 2, p = 1).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };
export const hashPassword = (password: string) => hash(password, ARGON);
export const verifyPassword = (hashed: string, password: string) =>
	verify(hashed, password).catch(() => false);

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
