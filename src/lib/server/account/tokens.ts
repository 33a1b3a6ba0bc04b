// API tokens a client creates for a matching service (docs/profile-export.md `/api/v1/profile`). Like sessions, the
// database keeps only the SHA-256 of a token: the token itself is shown once, when it is created.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Db } from '../db';
import type { ApiToken, User } from '../db/schema';
import { sessionIdOf } from './auth';
import { insertAuditEvent } from '../repositories/audit';
import {
	countActiveApiTokens,
	findApiToken,
	insertApiToken,
	listActiveApiTokens,
	revokeApiToken,
	revokeApiTokensOf,
	touchApiToken
} from '../repositories/api-tokens';
import { findUserById } from '../repositories/users';
import { err, ok, type Result } from '../../result';

/** A recognisable prefix, so secret scanners and people can tell what a leaked string is. */
export const API_TOKEN_PREFIX = 'spejl_';
export const MAX_TOKEN_NAME = 60;
export const MAX_ACTIVE_TOKENS = 20;

/** `spejl_` + 160 random bits in base32 (32 characters). */
export function generateApiToken(): string {
	return API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/** The stored id of a token: its SHA-256 in hex (the same hash as session ids). */
export const apiTokenIdOf = (token: string): string => sessionIdOf(token);

/**
 * Creates a named token for the user and records it in their access log, in one transaction. Refused
 * (field `name`) without a name, with a name too long, or when the person has MAX_ACTIVE_TOKENS.
 */
export async function createApiToken(db: Db, userId: string, rawName: string, now = new Date()): Promise<Result<{ token: string; row: ApiToken }>> {
	const name = rawName.trim().replace(/\s+/g, ' ');
	if (name === '') return err('matching.tokens.error.name-empty', undefined, 'name');
	if (name.length > MAX_TOKEN_NAME) return err('matching.tokens.error.name-long', { n: MAX_TOKEN_NAME }, 'name');
	const token = generateApiToken();
	const row: ApiToken = {
		id: apiTokenIdOf(token),
		user_id: userId,
		name,
		created_at: now.toISOString(),
		last_used_at: null,
		revoked_at: null
	};
	return db.transaction().execute(async (trx) => {
		if ((await countActiveApiTokens(trx, userId)) >= MAX_ACTIVE_TOKENS) return err('matching.tokens.error.too-many', { n: MAX_ACTIVE_TOKENS }, 'name');
		await insertApiToken(trx, row);
		await insertAuditEvent(trx, { actorId: userId, action: 'api.token.created', subjectId: userId, detail: name, at: now });
		return ok({ token, row });
	});
}

/**
 * Revokes one of the user's own tokens and records it in their access log, in one transaction; the
 * value is the token's name. Refused when the token is not theirs or already revoked.
 */
export async function revokeOwnApiToken(db: Db, userId: string, id: string, now = new Date()): Promise<Result<{ name: string }>> {
	return db.transaction().execute(async (trx) => {
		const row = await revokeApiToken(trx, userId, id, now.toISOString());
		if (!row) return err('matching.tokens.notFound');
		await insertAuditEvent(trx, { actorId: userId, action: 'api.token.revoked', subjectId: userId, detail: row.name, at: now });
		return ok({ name: row.name });
	});
}

/** How many of the user's tokens still work (pages offer to end them). */
export const countWorkingApiTokens = (db: Db, userId: string): Promise<number> => countActiveApiTokens(db, userId);

/**
 * Revokes every API token of the user that still works, each recorded in their access log like a
 * revocation on /account/tokens; call it inside the transaction of what ends them (account recovery,
 * a reset link, a password change or "sign out everywhere" when asked). Returns how many.
 */
export async function revokeAllApiTokens(trx: Db, userId: string, now = new Date()): Promise<number> {
	const rows = await revokeApiTokensOf(trx, userId, now.toISOString());
	for (const row of rows) await insertAuditEvent(trx, { actorId: userId, action: 'api.token.revoked', subjectId: userId, detail: row.name, at: now });
	return rows.length;
}

/**
 * Checks an `Authorization: Bearer <token>` header (RFC 6750): `api.error.noToken` without one (or with
 * another scheme), `api.error.invalidToken` for an unknown or revoked token or one whose owner is gone. A valid token's
 * `last_used_at` is set to `now`.
 */
export async function authenticateBearer(db: Db, authorization: string | null, now = new Date()): Promise<Result<{ user: User; token: ApiToken }>> {
	const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
	if (!match) return err('api.error.noToken');
	const token = await findApiToken(db, apiTokenIdOf(match[1]));
	if (!token || token.revoked_at !== null) return err('api.error.invalidToken');
	const user = await findUserById(db, token.user_id);
	if (!user) return err('api.error.invalidToken');
	await touchApiToken(db, token.id, now.toISOString());
	return ok({ user, token: { ...token, last_used_at: now.toISOString() } });
}

/** The person's tokens that still work, as the tokens page lists them. The id is the token's SHA-256, not the token. */
export async function listOwnApiTokens(db: Db, userId: string) {
	const tokens = await listActiveApiTokens(db, userId);
	return tokens.map((t) => ({ id: t.id, name: t.name, createdAt: t.created_at, lastUsedAt: t.last_used_at }));
}
