import type { Db } from '../db';
import type { NewUser, Role, User, UserUpdate } from '../db/schema';

export const findUserByEmail = (db: Db, email: string): Promise<User | undefined> =>
	db.selectFrom('user').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();

export const findUserById = (db: Db, id: string): Promise<User | undefined> =>
	db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(db: Db, user: NewUser): Promise<void> {
	await db.insertInto('user').values({ ...user, email: user.email.trim().toLowerCase() }).execute();
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
