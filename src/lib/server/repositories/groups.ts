import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type Db } from '../db';
import type { CounsellorGroup } from '../db/schema';

// Groups and their memberships (groups/groups.ts), and the read model of a group's page: counts and
// the few fields of members' results the aggregate needs, extracted in the database so a page of a
// group of 10,000 reads small rows.

export const insertGroup = (db: Db, g: CounsellorGroup) => db.insertInto('counsellor_group').values(g).execute();

export const findGroupById = (db: Db, id: string) => db.selectFrom('counsellor_group').selectAll().where('id', '=', id).executeTakeFirst();

export const findGroupByCode = (db: Db, code: string) =>
	db
		.selectFrom('counsellor_group')
		.innerJoin('user', 'user.id', 'counsellor_group.counsellor_id')
		.selectAll('counsellor_group')
		.select(['user.display_name as counsellor_name', 'user.email as counsellor_email', 'user.share_code as counsellor_share_code'])
		.where('counsellor_group.code', '=', code)
		.executeTakeFirst();

/** A counsellor's groups, newest first, with how many members each has. */
export const listGroupsOfCounsellor = (db: Db, counsellorId: string) =>
	db
		.selectFrom('counsellor_group as g')
		.select((eb) => [
			'g.id',
			'g.name',
			'g.code',
			'g.ends_at',
			'g.created_at',
			'g.closed_at',
			eb.selectFrom('group_member as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').as('members')
		])
		.where('g.counsellor_id', '=', counsellorId)
		.orderBy('g.created_at', 'desc')
		.orderBy('g.id')
		.execute();

export const updateGroup = (db: Db, id: string, set: { closed_at?: string | null; instruments?: string }) =>
	db.updateTable('counsellor_group').set(set).where('id', '=', id).executeTakeFirst();

/** Deletes the group and its memberships; members' own results are untouched. */
export async function deleteGroup(db: Db, id: string): Promise<number> {
	const members = await db.deleteFrom('group_member').where('group_id', '=', id).executeTakeFirst();
	await db.deleteFrom('counsellor_group').where('id', '=', id).execute();
	return Number(members.numDeletedRows);
}

/** True when the person joined now, false when they were a member already. */
export async function insertMember(db: Db, groupId: string, userId: string, now: Date): Promise<boolean> {
	const r = await db
		.insertInto('group_member')
		.values({ group_id: groupId, user_id: userId, joined_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
		.executeTakeFirst();
	return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteMember(db: Db, groupId: string, userId: string): Promise<boolean> {
	const r = await db.deleteFrom('group_member').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
	return Number(r.numDeletedRows) > 0;
}

export const findMembership = (db: Db, groupId: string, userId: string) =>
	db.selectFrom('group_member').selectAll().where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();

/** The groups a person is in, with their counsellor (the account page). */
export const listGroupsOfMember = (db: Db, userId: string) =>
	db
		.selectFrom('group_member as m')
		.innerJoin('counsellor_group as g', 'g.id', 'm.group_id')
		.innerJoin('user as c', 'c.id', 'g.counsellor_id')
		.select(['g.id', 'g.name', 'g.code', 'g.closed_at', 'g.ends_at', 'm.joined_at', 'c.display_name as counsellor_name', 'c.email as counsellor_email'])
		.where('m.user_id', '=', userId)
		.orderBy('m.joined_at', 'desc')
		.execute();

export async function countMembers(db: Db, groupId: string): Promise<number> {
	const row = await db
		.selectFrom('group_member')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('group_id', '=', groupId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * The members who share their profile with the group's counsellor now (and agreed to a privacy
 * notice): the only members the counsellor may see one by one.
 */
export const listSharingMembers = (db: Db, groupId: string, counsellorId: string) =>
	db
		.selectFrom('group_member as m')
		.innerJoin('share as s', (j) => j.onRef('s.client_id', '=', 'm.user_id').on('s.counsellor_id', '=', counsellorId).on('s.revoked_at', 'is', null))
		.innerJoin('user as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.display_name', 'u.email'])
		.where('m.group_id', '=', groupId)
		.where('u.privacy_agreed_at', 'is not', null)
		.orderBy('u.display_name')
		.orderBy('u.email')
		.execute();

/** Per instrument, how many members have completed it. */
export const countFinishedByInstrument = (db: Db, groupId: string, instrumentIds: string[]) =>
	instrumentIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('group_member as m')
				.innerJoin('response as r', 'r.user_id', 'm.user_id')
				.select((eb) => ['r.instrument_id', eb.fn.count<number>('r.user_id').distinct().as('n')])
				.where('m.group_id', '=', groupId)
				.where('r.status', '=', 'completed')
				.where('r.instrument_id', 'in', instrumentIds)
				.groupBy('r.instrument_id')
				.execute();

/** Which of the given members completed which of the instruments. */
export const listFinishedOf = (db: Db, userIds: string[], instrumentIds: string[]) =>
	userIds.length === 0 || instrumentIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('response')
				.select(['user_id', 'instrument_id'])
				.distinct()
				.where('user_id', 'in', userIds)
				.where('instrument_id', 'in', instrumentIds)
				.where('status', '=', 'completed')
				.execute();

/** The text at a path in the JSON column `response.result` (alias r), in this database's own syntax. */
function jsonText(db: Db, path: (string | number)[]): RawBuilder<string | number | null> {
	if (dialectOf(db) === 'postgres') return sql<string | null>`(r.result::jsonb #>> ${sql.lit(`{${path.join(',')}}`)})`;
	const p = path.map((k) => (typeof k === 'number' ? `[${k}]` : `."${k}"`)).join('');
	return sql<string | number | null>`json_extract(r.result, ${sql.lit(`$${p}`)})`;
}

/**
 * The members' completed responses of an instrument, in completion order, each with the fields at
 * `paths` of its result (as text or number). A member who completed it twice has two rows.
 */
export async function listResultFields(db: Db, groupId: string, instrumentId: string, paths: (string | number)[][]) {
	const rows = await db
		.selectFrom('group_member as m')
		.innerJoin('response as r', 'r.user_id', 'm.user_id')
		.select(['r.user_id', 'r.completed_at'])
		.select(paths.map((p, i) => jsonText(db, p).as(`f${i}`)))
		.where('m.group_id', '=', groupId)
		.where('r.instrument_id', '=', instrumentId)
		.where('r.status', '=', 'completed')
		.orderBy('r.completed_at')
		.orderBy('r.id')
		.execute();
	return rows.map((r) => {
		const row = r as unknown as Record<string, string | number | null>;
		return { userId: String(row.user_id), fields: paths.map((_, i) => (row[`f${i}`] === null || row[`f${i}`] === undefined ? null : String(row[`f${i}`]))) };
	});
}

/** The opportunities on members' shortlists: how many members kept each. */
export const countKept = (db: Db, groupId: string) =>
	db
		.selectFrom('group_member as m')
		.innerJoin('shortlist_item as s', 's.user_id', 'm.user_id')
		.select((eb) => ['s.set_id', 's.opportunity_id', eb.fn.max('s.title').as('title'), eb.fn.countAll<number>().as('n')])
		.where('m.group_id', '=', groupId)
		.groupBy(['s.set_id', 's.opportunity_id'])
		.execute();

/** The same, counting only the given members (those who share). */
export const countKeptBy = (db: Db, groupId: string, userIds: string[]) =>
	userIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('group_member as m')
				.innerJoin('shortlist_item as s', 's.user_id', 'm.user_id')
				.select((eb) => ['s.set_id', 's.opportunity_id', eb.fn.countAll<number>().as('n')])
				.where('m.group_id', '=', groupId)
				.where('m.user_id', 'in', userIds)
				.groupBy(['s.set_id', 's.opportunity_id'])
				.execute();
