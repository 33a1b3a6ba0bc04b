import type { Cookies } from '@sveltejs/kit';
import type { Locale, MessageKey } from '$lib/i18n';
import trustMessages from '$lib/i18n/trust.en';
import { passwordStrength } from './password-strength';
import { agreement } from './privacy';
import { hasAnyControlCharacter } from '../http/request-guard';
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import type { Role } from '../db/schema';
import {
	MAX_PASSWORD_LENGTH,
	MIN_PASSWORD_LENGTH,
	readSessionToken,
	cookieExpiry,
	createSession,
	invalidateSession,
	sessionPolicy,
	generateSessionToken,
	hashPassword,
	setSessionCookie,
	verifyPassword
} from './auth';
import { findUserByEmail, insertUser, updateUser } from '../repositories/users';
import { insertAuditEvent } from '../repositories/audit';
import { err, ok, type Problem, type Result } from '../../result';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 100;

/**
 * An email as stored and looked up: Unicode NFC, no surrounding space, lower case (the domain is
 * case-insensitive by definition; Spejl treats the local part so too, as it always has).
 */
export function normalizeEmail(email: string): string {
	return email.normalize('NFC').trim().toLowerCase();
}

/** The strength explanation as problems: why it is weak, zxcvbn's hints, and the passphrase tip. */
function weakPasswordProblems(warning: string | null, suggestions: string[]): Problem[] {
	const known = (key: string) => key in trustMessages;
	const keys = [
		'trust.error.weakPassword',
		...(warning ? [`trust.zxcvbn.warning.${warning}`] : []),
		...suggestions.map((s) => `trust.zxcvbn.suggestion.${s}`),
		'trust.error.passphrase'
	].filter(known);
	return keys.map((key) => ({ code: key as MessageKey, field: 'password' }));
}

/**
 * Problems with a new password, about the field `password` (src/lib/result.ts): too short or long,
 * control characters, or too easy to guess (zxcvbn-ts, see password-strength.ts). `related` are
 * things the person typed elsewhere (email, name), which a password must not lean on.
 */
export function checkPassword(password: string, related: string[] = []): Problem[] {
	if (hasAnyControlCharacter(password)) return [{ code: 'trust.error.control', field: 'password' }];
	if (password.length < MIN_PASSWORD_LENGTH)
		return [{ code: 'auth.error.passwordShort', params: { n: MIN_PASSWORD_LENGTH }, field: 'password' }];
	if (password.length > MAX_PASSWORD_LENGTH)
		return [{ code: 'auth.error.passwordLong', params: { n: MAX_PASSWORD_LENGTH }, field: 'password' }];
	const strength = passwordStrength(password, related.filter(Boolean));
	return strength.ok ? [] : weakPasswordProblems(strength.warning, strength.suggestions);
}

/** Problems with an email (none or one), about the field `email`. `email` must already be normalised (normalizeEmail). */
export function checkEmail(email: string): Problem[] {
	if (hasAnyControlCharacter(email)) return [{ code: 'trust.error.control', field: 'email' }];
	// Length first: EMAIL backtracks quadratically on long input (`a@....@`), so it only sees short strings.
	if (email.length > 254 || !EMAIL.test(email)) return [{ code: 'auth.error.email', field: 'email' }];
	return [];
}

/** Problems with registration input, in the order of the fields. `email` must already be normalised (normalizeEmail). */
export function checkCredentials(email: string, password: string, name = ''): Problem[] {
	const problems: Problem[] = [...checkEmail(email)];
	problems.push(...checkPassword(password, [email, name]));
	if (hasAnyControlCharacter(name)) problems.push({ code: 'trust.error.control', field: 'name' });
	else if (name.length > MAX_NAME) problems.push({ code: 'auth.error.nameLong', params: { n: MAX_NAME }, field: 'name' });
	return problems;
}

/**
 * Creates an account with its audit event `account.created`, in one transaction; refused with
 * `auth.error.taken` (field `email`) when the email is in use. Inputs must have passed checkCredentials.
 */
export async function createAccount(
	db: Db,
	input: { email: string; password: string; name?: string; role: Role; locale: string | null; agreedToPrivacy?: boolean }
): Promise<Result<{ id: string }>> {
	// Hash first, taken or not: otherwise a taken email would answer faster than a new one. And
	// before the transaction, which holds the database while it runs.
	const passwordHash = await hashPassword(input.password);
	const taken = err('auth.error.taken', undefined, 'email');
	try {
		const id = await db.transaction().execute((trx) => insertAccount(trx, { ...input, passwordHash }));
		return id ? ok({ id }) : taken;
	} catch (e) {
		if (isUniqueViolation(e)) return taken;
		throw e;
	}
}

/**
 * Stores a new account with its `account.created` audit event; null when the email is in use. A
 * second account with the same email inserted at the same moment throws a unique violation, so a
 * caller inside a transaction sees it roll back. Run inside the caller's transaction (`db` is one),
 * so the account and its event are written together: the slow password hash is made before
 * (hashPassword), never while a transaction holds the database.
 */
export async function insertAccount(
	db: Db,
	input: { email: string; passwordHash: string; name?: string; role: Role; locale: string | null; agreedToPrivacy?: boolean }
): Promise<string | null> {
	if (await findUserByEmail(db, input.email)) return null;
	const id = crypto.randomUUID();
	await insertUser(db, {
		id,
		email: input.email,
		password_hash: input.passwordHash,
		role: input.role,
		display_name: input.name?.trim() || null,
		locale: input.locale,
		created_at: new Date().toISOString(),
		...(input.agreedToPrivacy ? agreement() : {})
	});
	await insertAuditEvent(db, { actorId: id, action: 'account.created', subjectId: id, detail: input.role });
	return id;
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

/** What signing in needs: the cookies to set, whether the site is https, the browser and address. */
export interface SignInContext {
	cookies: Cookies;
	secure: boolean;
	userAgent?: string | null;
	address?: string | null;
}

/** The sign-in context of a request. */
export const signInContext = (event: {
	cookies: Cookies;
	url: URL;
	request: Request;
	getClientAddress: () => string;
}): SignInContext => ({
	cookies: event.cookies,
	secure: event.url.protocol === 'https:',
	userAgent: event.request.headers.get('user-agent'),
	address: event.getClientAddress()
});

/**
 * Starts a new session for `userId` on this browser. The session that was in use before (whoever it
 * belonged to) ends, so a token planted or left behind on a shared computer stops working.
 */
export async function signIn(db: Db, ctx: SignInContext, userId: string) {
	const policy = sessionPolicy();
	const previous = readSessionToken(ctx.cookies, ctx.secure);
	if (previous) await invalidateSession(db, previous);
	const token = generateSessionToken();
	const session = await createSession(db, token, userId, policy, { userAgent: ctx.userAgent, address: ctx.address });
	setSessionCookie(ctx.cookies, token, cookieExpiry(Date.now(), session.expires_at, policy), ctx.secure);
	return session;
}


/**
 * Signs in a person who gave their password on the sign-in page, and records it in their access
 * log: the session and the audit event `account.signed-in` in one transaction.
 */
export async function signInWithPassword(db: Db, ctx: SignInContext, userId: string) {
	return db.transaction().execute(async (trx) => {
		await insertAuditEvent(trx, { actorId: userId, action: 'account.signed-in', subjectId: userId });
		return signIn(trx, ctx, userId);
	});
}

/** Remembers the language a signed-in person chose: their exports and API reads use it too. */
export const saveLocale = (db: Db, userId: string, locale: Locale) => updateUser(db, userId, { locale });
