import type { Cookies } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n';
import type { Db } from './db';
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
import { findUserByEmail, insertUser } from './repositories/users';
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
	if (!EMAIL.test(email) || email.length > 254) errors.push({ field: 'email', key: 'auth.error.email' });
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
		if (String(e).includes('UNIQUE')) return { ok: false, taken: true };
		throw e;
	}
	await insertAuditEvent(db, { actorId: id, action: 'account.created', subjectId: id, detail: input.role });
	return { ok: true, id };
}

// Verifying against a throwaway hash when the email is unknown keeps the timing of both answers alike.
let dummyHash: Promise<string> | null = null;

export async function authenticate(db: Db, email: string, password: string) {
	const user = await findUserByEmail(db, email);
	if (!user) {
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
