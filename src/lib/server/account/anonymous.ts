// Anonymous clients: start a test without an account, come back with a resume code, later add an
// email and password and keep everything. An anonymous client is a client without an email; their
// resume code is stored only as its SHA-256. Unused anonymous clients are deleted after a while.
import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import type { Db } from '../db';
import { checkCredentials, signIn, type FieldError } from './accounts';
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

export type StartResult = { ok: true; code: string } | { ok: false; minutes: number };

/** Creates an anonymous client, signs them in and returns their resume code (shown once, never stored). */
export async function startAnonymous(
	db: Db,
	cookies: Cookies,
	input: { locale: Locale; address: string; secure: boolean },
	now = new Date()
): Promise<StartResult> {
	const minutes = await anonymousStartLimiter.blockedFor(db, input.address, now.getTime());
	if (minutes > 0) return { ok: false, minutes };
	await anonymousStartLimiter.fail(db, input.address, now.getTime());
	const id = crypto.randomUUID();
	const code = generateResumeCode();
	await insertUser(db, {
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
	await insertAuditEvent(db, { actorId: id, action: 'account.created', subjectId: id, detail: 'anonymous', at: now });
	await signIn(db, { cookies, secure: input.secure, address: input.address }, id);
	return { ok: true, code };
}

export type ResumeProblem =
	| { key: 'resume.error.empty' }
	| { key: 'resume.error.length'; params: { n: number } }
	| { key: 'resume.error.character'; params: { c: string } }
	| { key: 'resume.error.unknown' }
	| { key: 'resume.error.tooMany'; params: { n: number } };

/** Signs in the anonymous client whose code this is. Wrong codes are counted per address. */
export async function resumeWithCode(
	db: Db,
	cookies: Cookies,
	input: { code: string; address: string; secure: boolean },
	now = new Date()
): Promise<{ ok: true; userId: string } | { ok: false; problem: ResumeProblem }> {
	const key = input.address.slice(0, 64);
	const minutes = await resumeCodeLimiter.blockedFor(db, key, now.getTime());
	if (minutes > 0) return { ok: false, problem: { key: 'resume.error.tooMany', params: { n: minutes } } };
	const parsed = parseResumeCode(input.code.slice(0, 100));
	if (!parsed.ok) return { ok: false, problem: { key: parsed.error.code, params: parsed.error.params } as ResumeProblem };
	const user = await findUserByResumeCodeHash(db, resumeCodeHash(parsed.value));
	if (!user) {
		await resumeCodeLimiter.fail(db, key, now.getTime());
		return { ok: false, problem: { key: 'resume.error.unknown' } };
	}
	await resumeCodeLimiter.reset(db, key);
	await updateUser(db, user.id, { last_active_at: now.toISOString() });
	await signIn(db, { cookies, secure: input.secure, address: input.address }, user.id);
	await insertAuditEvent(db, { actorId: user.id, action: 'account.resumed', subjectId: user.id, at: now });
	return { ok: true, userId: user.id };
}

/** A new resume code for an anonymous client; the old one stops working at once. */
export async function replaceResumeCode(db: Db, userId: string, now = new Date()): Promise<string | null> {
	const user = await findUserById(db, userId);
	if (!user || user.email !== null) return null;
	const code = generateResumeCode();
	await updateUser(db, userId, { resume_code_hash: resumeCodeHash(code), last_active_at: now.toISOString() });
	await insertAuditEvent(db, { actorId: userId, action: 'account.resume-code.replaced', subjectId: userId, at: now });
	return code;
}

/**
 * Turns an anonymous client into an ordinary one with email and password; responses, results, shares
 * and notes stay, because the account stays. The resume code stops working: from now on they sign in.
 */
export async function addCredentials(
	db: Db,
	userId: string,
	input: { email: string; password: string; name?: string },
	now = new Date()
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
	const errors = checkCredentials(input.email, input.password, input.name);
	if (errors.length) return { ok: false, errors };
	const user = await findUserById(db, userId);
	if (!user || user.email !== null) return { ok: false, errors: [{ field: 'email', key: 'auth.error.taken' }] };
	if (await findUserByEmail(db, input.email)) return { ok: false, errors: [{ field: 'email', key: 'auth.error.taken' }] };
	try {
		await updateUser(db, userId, {
			email: input.email.trim().toLowerCase(),
			password_hash: await hashPassword(input.password),
			resume_code_hash: null,
			...(input.name?.trim() ? { display_name: input.name.trim() } : {})
		});
	} catch (e) {
		if (String(e).toLowerCase().includes('unique')) return { ok: false, errors: [{ field: 'email', key: 'auth.error.taken' }] };
		throw e;
	}
	await insertAuditEvent(db, { actorId: userId, action: 'account.credentials-added', subjectId: userId, at: now });
	return { ok: true };
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
