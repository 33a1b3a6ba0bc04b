import type { Db } from '../db';
import { containsText } from '../db/text';
import type { NewUser, Role, User, UserUpdate } from '../db/schema';

export const findUserByEmail = (db: Db, email: string): Promise<User | undefined> =>
	db.selectFrom('user').selectAll().where('email', '=', email.normalize('NFC').trim().toLowerCase()).executeTakeFirst();

export const findUserById = (db: Db, id: string): Promise<User | undefined> =>
	db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(db: Db, user: NewUser): Promise<void> {
	await db.insertInto('user').values({ ...user, email: user.email?.normalize('NFC').trim().toLowerCase() ?? null }).execute();
}

export async function updateUser(db: Db, id: string, changes: UserUpdate): Promise<void> {
	await db.updateTable('user').set(changes).where('id', '=', id).execute();
}

export async function countUsersWithRole(db: Db, role: Role): Promise<number> {
	const row = await db
		.selectFrom('user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', role)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Deletes the user; sessions, responses and scale scores go with them (ON DELETE CASCADE). */
export async function deleteUser(db: Db, id: string): Promise<void> {
	await db.deleteFrom('user').where('id', '=', id).execute();
}

export const findUserByResumeCodeHash = (db: Db, hash: string): Promise<User | undefined> =>
	db.selectFrom('user').selectAll().where('resume_code_hash', '=', hash).where('email', 'is', null).executeTakeFirst();

/** Anonymous clients (no email) last active before `cutoff` (ISO time); never used clients count from creation. */
export const listInactiveAnonymousIds = async (db: Db, cutoff: string): Promise<string[]> =>
	(
		await db
			.selectFrom('user')
			.select('id')
			.where('email', 'is', null)
			.where('role', '=', 'client')
			.where((eb) => eb(eb.fn.coalesce('last_active_at', 'created_at'), '<', cutoff))
			.execute()
	).map((r) => r.id);

export interface AccountRow {
	id: string;
	/** null for an anonymous client. */
	email: string | null;
	display_name: string | null;
	role: Role;
	created_at: string;
}

/** Accounts whose email contains `search` (all when empty), newest first. */
export const listAccounts = (db: Db, q: { search: string; limit: number; offset: number }): Promise<AccountRow[]> =>
	db
		.selectFrom('user')
		.select(['id', 'email', 'display_name', 'role', 'created_at'])
		.$if(!!q.search.trim(), (qb) => qb.where((eb) => containsText(eb.ref('email'), q.search.trim())))
		.orderBy('created_at', 'desc')
		.orderBy('email')
		.limit(q.limit)
		.offset(q.offset)
		.execute();

export async function countAccounts(db: Db, search: string): Promise<number> {
	const row = await db
		.selectFrom('user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.$if(!!search.trim(), (qb) => qb.where((eb) => containsText(eb.ref('email'), search.trim())))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Client accounts (with an email) last active before `cutoff` (ISO time). */
export const listInactiveClientIds = async (db: Db, cutoff: string): Promise<string[]> =>
	(
		await db
			.selectFrom('user')
			.select('id')
			.where('email', 'is not', null)
			.where('role', '=', 'client')
			.where((eb) => eb(eb.fn.coalesce('last_active_at', 'created_at'), '<', cutoff))
			.execute()
	).map((r) => r.id);
