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

/**
 * The values at `paths` in the JSON column `response.result` (alias r) as one JSON array, reading
 * each result once (a result is several kilobytes; one extraction per path would read it again for
 * every path), in this database's own syntax.
 */
function jsonFields(db: Db, paths: (string | number)[][]): RawBuilder<string | null> {
	if (dialectOf(db) === 'postgres') {
		const picks = paths.map((p) => sql`j #>> ${sql.lit(`{${p.join(',')}}`)}`);
		return sql<string | null>`(SELECT json_build_array(${sql.join(picks)})::text FROM (SELECT r.result::json AS j) AS x)`;
	}
	const picks = paths.map((p) => sql.lit(`$${p.map((k) => (typeof k === 'number' ? `[${k}]` : `."${k}"`)).join('')}`));
	// json_extract with several paths returns one JSON array; with one it would return the bare value.
	return sql<string | null>`json_extract(r.result, ${sql.join([...picks, sql.lit('$.__none')])})`;
}

const fieldsKey = (paths: (string | number)[][]) => paths.map((p) => p.join('.')).join('|');

/**
 * The members' completed responses of an instrument, in completion order, each with the fields at
 * `paths` of its result (as text). A member who completed it twice has two rows. The fields are
 * taken out of each result once and kept in `result_summary`: this first summarises the responses
 * that have no summary yet, then reads the small rows.
 */
export async function listResultFields(db: Db, groupId: string, instrumentId: string, paths: (string | number)[][]) {
	const key = fieldsKey(paths);
	const missing = await db
		.selectFrom('group_member as m')
		.innerJoin('response as r', 'r.user_id', 'm.user_id')
		.leftJoin('result_summary as s', (j) => j.onRef('s.response_id', '=', 'r.id').on('s.fields_key', '=', key))
		.select(['r.id', 'r.user_id', 'r.completed_at'])
		.select(jsonFields(db, paths).as('fields'))
		.where('m.group_id', '=', groupId)
		.where('r.instrument_id', '=', instrumentId)
		.where('r.status', '=', 'completed')
		.where('s.response_id', 'is', null)
		.execute();
	for (let i = 0; i < missing.length; i += 500) {
		const rows = missing.slice(i, i + 500).map((r) => ({
			response_id: r.id,
			fields_key: key,
			user_id: r.user_id,
			instrument_id: instrumentId,
			completed_at: r.completed_at ?? '',
			fields: r.fields ?? '[]'
		}));
		// Two pages at once may summarise the same response: the first row stays.
		await db.insertInto('result_summary').values(rows).onConflict((oc) => oc.columns(['response_id', 'fields_key']).doNothing()).execute();
	}
	const rows = await db
		.selectFrom('group_member as m')
		.innerJoin('result_summary as s', 's.user_id', 'm.user_id')
		.select(['s.user_id', 's.fields'])
		.where('m.group_id', '=', groupId)
		.where('s.instrument_id', '=', instrumentId)
		.where('s.fields_key', '=', key)
		.orderBy('s.completed_at')
		.orderBy('s.response_id')
		.execute();
	return rows.map((r) => {
		const values = JSON.parse(r.fields) as unknown[];
		return { userId: r.user_id, fields: paths.map((_, i) => (values[i] === null || values[i] === undefined ? null : String(values[i]))) };
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
