// Anonymous clients: start a test without an account, come back with a resume code, later add an
// email and password and keep everything. An anonymous client is a client without an email; their
// resume code is stored only as its SHA-256. Unused anonymous clients are deleted after a while.
import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import type { Db } from '../db';
import { checkCredentials, signIn } from './accounts';
import { err, errs, ok, type Result } from '../../result';
import { isUniqueViolation } from '../db/errors';
import { deleteAccount } from './erasure';
import { forgetActivity } from '../profile/activity';
import { agreement } from './privacy';
import { hashPassword } from './auth';
import { generateResumeCode, parseResumeCode, resumeCodeHash } from './resume-code';
import { anonymousStartLimiter, resumeCodeLimiter } from '../rate-limit';
import { insertAuditEvent } from '../repositories/audit';
import {
	findUserByEmail,
	findUserById,
	findUserByResumeCodeHash,
	insertUser,
	listInactiveAnonymousIds,
	updateUser
} from '../repositories/users';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Creates an anonymous client, signs them in and returns their resume code (shown once, never
 * stored). The account, its audit event `account.created` and the session are written in one
 * transaction. Refused with `start.tooMany` (`n` minutes, `retryAfter` seconds) when this address has
 * started too many.
 */
export async function startAnonymous(
	db: Db,
	cookies: Cookies,
	input: { locale: Locale; address: string; secure: boolean },
	now = new Date()
): Promise<Result<{ code: string }>> {
	const minutes = await anonymousStartLimiter.blockedFor(db, input.address, now.getTime());
	if (minutes > 0) return err('start.tooMany', { n: minutes, retryAfter: minutes * 60 });
	await anonymousStartLimiter.fail(db, input.address, now.getTime());
	const id = crypto.randomUUID();
	const code = generateResumeCode();
	await db.transaction().execute(async (trx) => {
		await insertUser(trx, {
		id,
		email: null,
		password_hash: null,
		role: 'client',
		display_name: null,
		locale: input.locale,
		created_at: now.toISOString(),
		resume_code_hash: resumeCodeHash(code),
		last_active_at: now.toISOString(),
			// The caller checked the "I agree" box (privacy.ts checkAgreement).
			...agreement(now)
		});
		await insertAuditEvent(trx, { actorId: id, action: 'account.created', subjectId: id, detail: 'anonymous', at: now });
		await signIn(trx, { cookies, secure: input.secure, address: input.address }, id);
	});
	return ok({ code });
}

/**
 * Signs in the anonymous client whose code this is. Wrong codes are counted per address. The time of
 * use, the audit event `account.resumed` and the session are written in one transaction. Refusals,
 * about the field `code`: a badly typed code (`resume.error.empty`, `.length`, `.character`, see
 * parseResumeCode), `resume.error.unknown`, and `resume.error.tooMany` (`n` minutes) after too many
 * wrong codes from the address.
 */
export async function resumeWithCode(
	db: Db,
	cookies: Cookies,
	input: { code: string; address: string; secure: boolean },
	now = new Date()
): Promise<Result<{ userId: string }>> {
	const key = input.address.slice(0, 64);
	const minutes = await resumeCodeLimiter.blockedFor(db, key, now.getTime());
	if (minutes > 0) return err('resume.error.tooMany', { n: minutes }, 'code');
	const parsed = parseResumeCode(input.code.slice(0, 100));
	if (!parsed.ok) return parsed;
	const user = await findUserByResumeCodeHash(db, resumeCodeHash(parsed.value));
	if (!user) {
		await resumeCodeLimiter.fail(db, key, now.getTime());
		return err('resume.error.unknown', undefined, 'code');
	}
	await resumeCodeLimiter.reset(db, key);
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { last_active_at: now.toISOString() });
		await insertAuditEvent(trx, { actorId: user.id, action: 'account.resumed', subjectId: user.id, at: now });
		await signIn(trx, { cookies, secure: input.secure, address: input.address }, user.id);
	});
	return ok({ userId: user.id });
}

/**
 * A new resume code for an anonymous client; the old one stops working at once. The new code and the
 * audit event are written in one transaction. Null for an account with an email (it has no code).
 */
export async function replaceResumeCode(db: Db, userId: string, now = new Date()): Promise<string | null> {
	const user = await findUserById(db, userId);
	if (!user || user.email !== null) return null;
	const code = generateResumeCode();
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, userId, { resume_code_hash: resumeCodeHash(code), last_active_at: now.toISOString() });
		await insertAuditEvent(trx, { actorId: userId, action: 'account.resume-code.replaced', subjectId: userId, at: now });
	});
	return code;
}

/**
 * Turns an anonymous client into an ordinary one with email and password; responses, results, shares
 * and notes stay, because the account stays. The resume code stops working: from now on they sign in.
 * The email, password and audit event `account.credentials-added` are written in one transaction.
 * Refused with the input's problems (checkCredentials), or `auth.error.taken` about `email`.
 */
export async function addCredentials(
	db: Db,
	userId: string,
	input: { email: string; password: string; name?: string },
	now = new Date()
): Promise<Result> {
	const [first, ...rest] = checkCredentials(input.email, input.password, input.name);
	if (first) return errs([first, ...rest]);
	const taken = err('auth.error.taken', undefined, 'email');
	const user = await findUserById(db, userId);
	if (!user || user.email !== null) return taken;
	if (await findUserByEmail(db, input.email)) return taken;
	// The slow hash before the transaction, which holds the database while it runs.
	const passwordHash = await hashPassword(input.password);
	try {
		await db.transaction().execute(async (trx) => {
			await updateUser(trx, userId, {
				email: input.email.trim().toLowerCase(),
				password_hash: passwordHash,
				resume_code_hash: null,
				...(input.name?.trim() ? { display_name: input.name.trim() } : {})
			});
			await insertAuditEvent(trx, { actorId: userId, action: 'account.credentials-added', subjectId: userId, at: now });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return taken;
		throw e;
	}
	return ok();
}

/** Deletes anonymous clients unused for `days` days, with everything they stored. Returns how many. */
export async function deleteInactiveAnonymous(db: Db, days: number, now = new Date()): Promise<number> {
	const cutoff = new Date(now.getTime() - days * DAY).toISOString();
	const ids = await listInactiveAnonymousIds(db, cutoff);
	for (const id of ids) {
		await deleteAccount(db, { id, role: 'client' }, now);
		forgetActivity(id);
	}
	return ids.length;
}
