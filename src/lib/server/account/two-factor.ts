// Two-factor sign-in with an authenticator app (TOTP, totp.ts), optional for everyone with an email
// and password, required for staff when REQUIRE_TOTP_FOR_STAFF=1. Setting it up: a new key is shown
// (grouped base32 and otpauth:// address) and only switched on once the person types a current code
// from their app; then 10 one-time recovery codes are shown once (only their SHA-256 is kept).
// Switching it off and making new recovery codes need the password again. Every change is in the
// person's access log and ends their other sessions (docs/security.md says why): the change, its
// audit event and the ended sessions are written in one transaction, then this browser signs in again.
import type { Db } from '../db';
import { err, ok, type Result } from '../../result';
import { signIn, type SignInContext } from './accounts';
import { confirmPassword } from './account-sessions';
import { generateResumeCode, resumeCodeHash } from './resume-code';
import { generateTotpSecret, groupedSecret, matchingStep, totpUri } from './totp';
import { insertAuditEvent } from '../repositories/audit';
import { deleteSessionsOf } from '../repositories/sessions';
import {
	claimStep,
	countRecoveryCodes,
	deletePendingSignInsOf,
	deleteTwoFactor,
	findTwoFactor,
	putPendingSecret,
	replaceRecoveryCodes
} from '../repositories/two-factor';

export const RECOVERY_CODE_COUNT = 10;

/** Staff roles that REQUIRE_TOTP_FOR_STAFF applies to. */
export const STAFF_ROLES = ['counsellor', 'author', 'admin'] as const;
export const isStaff = (role: string): boolean => (STAFF_ROLES as readonly string[]).includes(role);

export interface TwoFactorUser {
	id: string;
	email: string | null;
}

export type TwoFactorState =
	| { state: 'off' }
	| { state: 'setting-up'; secret: string; uri: string }
	| { state: 'on'; since: string; codesLeft: number };

/** Whether two-factor sign-in is on for the account. */
export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
	return Boolean((await findTwoFactor(db, userId))?.enabled_at);
}

/** What the two-factor page shows: off, being set up (with the key to type in), or on. */
export async function twoFactorState(db: Db, user: TwoFactorUser): Promise<TwoFactorState> {
	const row = await findTwoFactor(db, user.id);
	if (!row) return { state: 'off' };
	if (!row.enabled_at) return { state: 'setting-up', secret: groupedSecret(row.secret), uri: totpUri(row.secret, user.email ?? user.id) };
	return { state: 'on', since: row.enabled_at, codesLeft: await countRecoveryCodes(db, user.id) };
}

/** Starts setting up: a new key (an earlier one never confirmed is replaced). */
export async function startSetup(db: Db, user: TwoFactorUser, now = new Date()): Promise<Result> {
	if (user.email === null) return err('twoFactor.error.noPassword');
	if (!(await putPendingSecret(db, user.id, generateTotpSecret(), now.toISOString()))) return err('twoFactor.error.alreadyOn');
	return ok();
}

/** Ends every session and pending sign-in of the person (in the change's transaction). */
async function endSessions(trx: Db, userId: string) {
	await deleteSessionsOf(trx, userId);
	await deletePendingSignInsOf(trx, userId);
}

async function issueCodes(trx: Db, userId: string, now: Date): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => generateResumeCode());
	await replaceRecoveryCodes(trx, userId, codes.map(resumeCodeHash), now.toISOString());
	return codes;
}

/** Normalises a typed code: spaces and hyphens do not matter (apps show `123 456`). */
export const cleanCode = (code: string): string => code.slice(0, 100).replace(/[\s\-–—.]/g, '');

/**
 * Switches two-factor sign-in on once `code` is a current code of the key being set up. Returns the
 * recovery codes (shown once). The code's time step counts as used, so it cannot sign in again.
 */
export async function confirmSetup(db: Db, ctx: SignInContext, user: TwoFactorUser, code: string, now = new Date()): Promise<Result<{ codes: string[] }>> {
	const row = await findTwoFactor(db, user.id);
	if (!row) return err('twoFactor.error.notStarted');
	if (row.enabled_at) return err('twoFactor.error.alreadyOn');
	const typed = cleanCode(code);
	if (!typed) return err('twoFactor.error.empty', undefined, 'code');
	if (!/^\d{6}$/.test(typed)) return err('twoFactor.error.format', undefined, 'code');
	const step = matchingStep(row.secret, typed, now.getTime());
	if (step === null) return err('twoFactor.error.wrongSetup', undefined, 'code');
	const codes = await db.transaction().execute(async (trx) => {
		if (!(await claimStep(trx, user.id, step, { enable: now.toISOString() }))) return null;
		const issued = await issueCodes(trx, user.id, now);
		await insertAuditEvent(trx, { actorId: user.id, action: 'account.two-factor.enabled', subjectId: user.id, at: now });
		await endSessions(trx, user.id);
		return issued;
	});
	if (!codes) return err('twoFactor.error.wrongSetup', undefined, 'code');
	await signIn(db, ctx, user.id);
	return ok({ codes });
}

/** Switches two-factor sign-in off (the password again): the key and the recovery codes go. */
export async function turnOff(db: Db, ctx: SignInContext, user: TwoFactorUser, password: string, now = new Date()): Promise<Result> {
	if (!(await hasTwoFactor(db, user.id))) return err('twoFactor.error.notOn');
	const checked = await confirmPassword(db, user.id, password);
	if (!checked.ok) return checked;
	await db.transaction().execute(async (trx) => {
		await deleteTwoFactor(trx, user.id);
		await insertAuditEvent(trx, { actorId: user.id, action: 'account.two-factor.disabled', subjectId: user.id, at: now });
		await endSessions(trx, user.id);
	});
	await signIn(db, ctx, user.id);
	return ok();
}

/** New recovery codes (the password again); the earlier ones stop working at once. */
export async function replaceCodes(db: Db, ctx: SignInContext, user: TwoFactorUser, password: string, now = new Date()): Promise<Result<{ codes: string[] }>> {
	if (!(await hasTwoFactor(db, user.id))) return err('twoFactor.error.notOn');
	const checked = await confirmPassword(db, user.id, password);
	if (!checked.ok) return checked;
	const codes = await db.transaction().execute(async (trx) => {
		const issued = await issueCodes(trx, user.id, now);
		await insertAuditEvent(trx, { actorId: user.id, action: 'account.two-factor.codes-replaced', subjectId: user.id, at: now });
		await endSessions(trx, user.id);
		return issued;
	});
	await signIn(db, ctx, user.id);
	return ok({ codes });
}
