import type { Cookies } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n';
import type { Db } from './db';
import { isUniqueViolation } from './db/errors';
import type { Role } from './db/schema';
import {
	MAX_PASSWORD_LENGTH,
	MIN_PASSWORD_LENGTH,
	createSession,
	generateSessionToken,
	hashPassword,
	setSessionCookie,
	verifyPassword
} from './auth';
import { countUsersWithRole, deleteUser, findUserByEmail, insertUser } from './repositories/users';
import { insertAuditEvent } from './repositories/audit';

export interface FieldError {
	field: 'email' | 'password' | 'name';
	key: MessageKey;
	params?: Record<string, number>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 100;

export function checkCredentials(email: string, password: string, name = ''): FieldError[] {
	const errors: FieldError[] = [];
	// Length first: EMAIL backtracks quadratically on long input (`a@....@`), so it only sees short strings.
	if (email.length > 254 || !EMAIL.test(email)) errors.push({ field: 'email', key: 'auth.error.email' });
	if (password.length < MIN_PASSWORD_LENGTH)
		errors.push({ field: 'password', key: 'auth.error.passwordShort', params: { n: MIN_PASSWORD_LENGTH } });
	if (password.length > MAX_PASSWORD_LENGTH)
		errors.push({ field: 'password', key: 'auth.error.passwordLong', params: { n: MAX_PASSWORD_LENGTH } });
	if (name.length > MAX_NAME) errors.push({ field: 'name', key: 'auth.error.nameLong', params: { n: MAX_NAME } });
	return errors;
}

/** Creates an account; `taken` when the email is in use. Inputs must have passed checkCredentials. */
export async function createAccount(
	db: Db,
	input: { email: string; password: string; name?: string; role: Role; locale: string | null }
): Promise<{ ok: true; id: string } | { ok: false; taken: true }> {
	if (await findUserByEmail(db, input.email)) return { ok: false, taken: true };
	const id = crypto.randomUUID();
	try {
		await insertUser(db, {
			id,
			email: input.email,
			password_hash: await hashPassword(input.password),
			role: input.role,
			display_name: input.name?.trim() || null,
			locale: input.locale,
			created_at: new Date().toISOString()
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, taken: true };
		throw e;
	}
	await insertAuditEvent(db, { actorId: id, action: 'account.created', subjectId: id, detail: input.role });
	return { ok: true, id };
}

// Verifying against a throwaway hash when the email is unknown keeps the timing of both answers alike.
let dummyHash: Promise<string> | null = null;

export async function authenticate(db: Db, email: string, password: string) {
	const user = await findUserByEmail(db, email);
	if (!user?.password_hash) {
		dummyHash ??= hashPassword('not-a-real-password-0000');
		await verifyPassword(await dummyHash, password);
		return null;
	}
	return (await verifyPassword(user.password_hash, password)) ? user : null;
}

export async function signIn(db: Db, cookies: Cookies, userId: string, secure: boolean) {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionCookie(cookies, token, session.expires_at, secure);
}

/** Audit actions whose detail is text the person wrote (a token's name); erased with their account. */
const PERSONAL_DETAIL_ACTIONS = ['api.token.created', 'api.token.revoked', 'profile.api.read'];

export type DeleteAccountResult = { ok: true } | { ok: false; reason: 'last-admin' };

/**
 * Deletes an account and everything personal with it: sessions, responses and scale scores, shares,
 * notes, assignments and API tokens (ON DELETE CASCADE), and the token names in the audit log. The
 * log keeps that the account was deleted, not who it was. The last administrator cannot delete
 * their account: with no administrator left, /setup would let anyone create one.
 */
export async function deleteAccount(
	db: Db,
	user: { id: string; role: Role },
	now = new Date()
): Promise<DeleteAccountResult> {
	return db.transaction().execute(async (trx) => {
		if (user.role === 'admin' && (await countUsersWithRole(trx, 'admin')) <= 1) return { ok: false, reason: 'last-admin' } as const;
		await trx
			.updateTable('audit_event')
			.set({ detail: null })
			.where('subject_id', '=', user.id)
			.where('action', 'in', PERSONAL_DETAIL_ACTIONS)
			.execute();
		await deleteUser(trx, user.id);
		await insertAuditEvent(trx, { actorId: null, action: 'account.deleted', subjectId: null, at: now });
		return { ok: true } as const;
	});
}
