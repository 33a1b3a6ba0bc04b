// Two-factor sign-in rows: the person's TOTP key, their one-time recovery codes (hashed) and the
// pending sign-ins between a correct password and the second step (hashed tokens).
import type { Db } from '../db';

export const findTwoFactor = (db: Db, userId: string) =>
	db.selectFrom('two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();

/** A new key being set up (replacing a key that was never confirmed); an enabled key is left alone. */
export async function putPendingSecret(db: Db, userId: string, secret: string, at: string): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		await tx.deleteFrom('two_factor').where('user_id', '=', userId).where('enabled_at', 'is', null).execute();
		await tx
			.insertInto('two_factor')
			.values({ user_id: userId, secret, created_at: at, enabled_at: null, last_step: null })
			.onConflict((oc) => oc.column('user_id').doNothing())
			.execute();
		const row = await tx.selectFrom('two_factor').select('secret').where('user_id', '=', userId).executeTakeFirst();
		return row?.secret === secret;
	});
}

/**
 * Accepts a code of time step `step`: only if no code of this step or a later one was accepted
 * before, in one statement, so of two requests with the same code exactly one succeeds. `enable`
 * also switches two-factor sign-in on (the confirmation while setting up).
 */
export async function claimStep(db: Db, userId: string, step: number, options: { enable?: string } = {}): Promise<boolean> {
	let q = db
		.updateTable('two_factor')
		.set(options.enable ? { last_step: step, enabled_at: options.enable } : { last_step: step })
		.where('user_id', '=', userId)
		.where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]));
	q = options.enable ? q.where('enabled_at', 'is', null) : q.where('enabled_at', 'is not', null);
	const r = await q.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/**
 * Switches two-factor sign-in off: the key and every recovery code go. Two statements: the service
 * runs them in its transaction (with the audit event).
 */
export async function deleteTwoFactor(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('two_factor_recovery').where('user_id', '=', userId).execute();
	await db.deleteFrom('two_factor').where('user_id', '=', userId).execute();
}

/**
 * Replaces every recovery code of the person by these (SHA-256 hex). Two statements: the service
 * runs them in its transaction (with the audit event).
 */
export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[], at: string): Promise<void> {
	await db.deleteFrom('two_factor_recovery').where('user_id', '=', userId).execute();
	if (hashes.length)
		await db
			.insertInto('two_factor_recovery')
			.values(hashes.map((id) => ({ id, user_id: userId, created_at: at })))
			.execute();
}

/** Uses up a recovery code: true only for the one request that deleted it. */
export async function claimRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
	const r = await db.deleteFrom('two_factor_recovery').where('id', '=', hash).where('user_id', '=', userId).executeTakeFirst();
	return Number(r.numDeletedRows) === 1;
}

export async function countRecoveryCodes(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('two_factor_recovery')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertPendingSignIn(db: Db, row: { id: string; user_id: string; created_at: string; expires_at: string }): Promise<void> {
	// Ended ones are dropped on the way (they are useless, and name the account).
	await db.deleteFrom('sign_in_pending').where('expires_at', '<=', row.created_at).execute();
	await db.insertInto('sign_in_pending').values(row).execute();
}

export const findPendingSignIn = (db: Db, id: string) =>
	db.selectFrom('sign_in_pending').selectAll().where('id', '=', id).executeTakeFirst();

/** Ends a pending sign-in: true only for the one request that deleted it. */
export async function claimPendingSignIn(db: Db, id: string): Promise<boolean> {
	const r = await db.deleteFrom('sign_in_pending').where('id', '=', id).executeTakeFirst();
	return Number(r.numDeletedRows) === 1;
}

/** Deletes pending sign-ins that ended before `cutoff` (the retention job). */
export async function deleteEndedPendingSignIns(db: Db, cutoff: string): Promise<void> {
	await db.deleteFrom('sign_in_pending').where('expires_at', '<=', cutoff).execute();
}

export async function deletePendingSignInsOf(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('sign_in_pending').where('user_id', '=', userId).execute();
}
