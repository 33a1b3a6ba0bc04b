// Groups: a counsellor's class, workshop or outreach campaign. A person joins through the group's
// short code; the counsellor then sees only whether members finished (counted, or by name for members
// who share their profile with them anyway) and totals of their results, protected by
// core/disclosure (no shown number, and no difference of shown numbers, counts 1–4 people). Joining
// never gives the counsellor anyone's answers or results: sharing stays the separate step of
// counsellor/sharing.ts.
import { localize } from '$lib/core/localize';
import { buildGroupAggregate, type InterestRow, type ValueRow } from '$lib/core/groups/aggregate';
import { choiceLabels } from '$lib/core/questionnaire/labels';
import type { ProtectedTable } from '$lib/core/disclosure/protect';
import { csvLine } from '$lib/core/csv/write';
import { translate, type Locale } from '$lib/i18n';
import { err, errs, ok, type Problem, type Result } from '../../result';
import type { Db } from '../db';
import type { CounsellorGroup } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import type { SessionUser } from '../account/auth';
import type { Registry } from '../questionnaires/registry';
import { createRateLimiter } from '../rate-limit';
import { generateShareCode, normaliseShareCode, SHARE_CODE_PATTERN } from '../counsellor/sharing';
import { insertAuditEvent } from '../repositories/audit';
import {
	countFinishedByInstrument,
	countKept,
	countKeptBy,
	countMembers,
	deleteGroup,
	deleteMember,
	findGroupByCode,
	findGroupById,
	findMembership,
	insertGroup,
	insertMember,
	listFinishedOf,
	listGroupsOfCounsellor,
	listGroupsOfMember,
	listResultFields,
	listSharingMembers,
	updateGroup
} from '../repositories/groups';
import type { GroupPageView, GroupSummary, LabelledTable } from '../../views/groups';
export type { GroupPageView, GroupSummary } from '../../views/groups';

/** Unknown group codes per address, as for share codes: 20 in 15 minutes. */
export const groupCodeLimiter = createRateLimiter({ scope: 'group-code', limit: 20, windowMs: 15 * 60_000 });

export const MAX_GROUP_NAME = 100;
/** The longest a group link stays open. */
export const MAX_GROUP_DAYS = 366;
const DAY = 24 * 60 * 60 * 1000;

/** The instruments whose results make the aggregate (when they are among the group's questionnaires). */
export const INTERESTS = 'riasec-48';
export const VALUES = 'work-values';

/** The link a group hands out: `<origin>/g/<code>`. */
export const groupLink = (origin: string, code: string) => `${origin}/g/${encodeURIComponent(code)}`;

const isOpen = (g: Pick<CounsellorGroup, 'closed_at' | 'ends_at'>, now: Date) => g.closed_at === null && g.ends_at > now.toISOString();

const summaryOf = (g: Omit<CounsellorGroup, 'counsellor_id' | 'instruments'>, members: number, now: Date): GroupSummary => ({
	id: g.id,
	name: g.name,
	code: g.code,
	endsAt: g.ends_at,
	createdAt: g.created_at,
	closedAt: g.closed_at,
	members,
	open: isOpen(g, now)
});

const instrumentsOf = (g: CounsellorGroup): string[] => {
	try {
		const ids = JSON.parse(g.instruments);
		return Array.isArray(ids) ? ids.map(String) : [];
	} catch {
		return [];
	}
};

/**
 * Reads the form of a new group: a name (1–100 characters), at least one known questionnaire, and an
 * end date (YYYY-MM-DD) from today up to a year ahead; the link works until the end of that day (UTC).
 */
export function checkGroupForm(
	form: FormData,
	registry: Registry,
	now = new Date()
): Result<{ name: string; instrumentIds: string[]; endsAt: string }> {
	const name = String(form.get('name') ?? '').trim();
	const ids = [...new Set(form.getAll('instrument').map(String))];
	const ends = String(form.get('ends') ?? '').trim();
	const problems: Problem[] = [];
	if (!name) problems.push({ code: 'groups.error.nameEmpty', field: 'name' });
	else if ([...name].length > MAX_GROUP_NAME) problems.push({ code: 'groups.error.nameLong', params: { n: MAX_GROUP_NAME }, field: 'name' });
	if (ids.length === 0) problems.push({ code: 'groups.error.noInstrument', field: 'instruments' });
	else if (ids.some((id) => !registry.instruments.has(id))) problems.push({ code: 'groups.error.unknownInstrument', field: 'instruments' });
	const endsAt = /^\d{4}-\d{2}-\d{2}$/.test(ends) ? new Date(`${ends}T23:59:59.999Z`) : null;
	if (!endsAt || Number.isNaN(endsAt.getTime())) problems.push({ code: 'groups.error.endsFormat', params: { value: ends.slice(0, 30) }, field: 'ends' });
	else if (endsAt.getTime() < now.getTime()) problems.push({ code: 'groups.error.endsPast', params: { value: ends }, field: 'ends' });
	else if (endsAt.getTime() > now.getTime() + MAX_GROUP_DAYS * DAY) problems.push({ code: 'groups.error.endsFar', params: { value: ends, n: MAX_GROUP_DAYS }, field: 'ends' });
	const [first, ...rest] = problems;
	if (first) return errs([first, ...rest]);
	return ok({ name, instrumentIds: ids, endsAt: endsAt!.toISOString() });
}

/** A counsellor creates a group; audited as `group.created` (detail: the group's name). */
export async function createGroup(
	db: Db,
	user: SessionUser,
	input: { name: string; instrumentIds: string[]; endsAt: string },
	now = new Date()
): Promise<Result<{ id: string; code: string }>> {
	if (user.role !== 'counsellor') return err('counsellor.error.onlyCounsellors');
	const id = crypto.randomUUID();
	for (let i = 0; i < 5; i++) {
		const code = generateShareCode();
		try {
			await db.transaction().execute(async (trx) => {
				await insertGroup(trx, {
					id,
					counsellor_id: user.id,
					name: input.name,
					code,
					instruments: JSON.stringify(input.instrumentIds),
					ends_at: input.endsAt,
					created_at: now.toISOString(),
					closed_at: null
				});
				await insertAuditEvent(trx, { actorId: user.id, action: 'group.created', subjectId: null, detail: `${id} ${input.name}`, at: now });
			});
			return ok({ id, code });
		} catch (e) {
			if (!isUniqueViolation(e)) throw e;
		}
	}
	throw new Error('could not create a unique group code');
}

/** A counsellor's groups, newest first. */
export async function listMyGroups(db: Db, user: SessionUser, now = new Date()): Promise<GroupSummary[]> {
	const rows = await listGroupsOfCounsellor(db, user.id);
	return rows.map((g) => summaryOf(g, Number(g.members ?? 0), now));
}

/** The group, when `user` is the counsellor who made it; any other group is refused as missing. */
export async function findOwnGroup(db: Db, user: SessionUser, groupId: string): Promise<Result<CounsellorGroup>> {
	if (user.role !== 'counsellor') return err('counsellor.error.onlyCounsellors');
	const g = groupId.length <= 64 ? await findGroupById(db, groupId) : undefined;
	if (!g || g.counsellor_id !== user.id) return err('groups.error.notFound');
	return ok(g);
}

export type OpenedGroup =
	| { state: 'throttled'; minutes: number }
	| { state: 'unknown' }
	| { state: 'closed'; code: string; name: string }
	| {
			state: 'open';
			group: CounsellorGroup;
			counsellorName: string;
			counsellorShareCode: string | null;
	  };

/**
 * The group behind a link or a typed code. Unknown codes count against `key` (the address), and a
 * key with too many is refused for a while, as for share codes.
 */
export async function openGroup(db: Db, input: string, key: string, now = new Date()): Promise<OpenedGroup> {
	const k = key.slice(0, 64);
	const minutes = await groupCodeLimiter.blockedFor(db, k, now.getTime());
	if (minutes > 0) return { state: 'throttled', minutes };
	const code = normaliseShareCode(input.slice(0, 40));
	const g = SHARE_CODE_PATTERN.test(code) ? await findGroupByCode(db, code) : undefined;
	if (!g) {
		await groupCodeLimiter.fail(db, k, now.getTime());
		return { state: 'unknown' };
	}
	if (!isOpen(g, now)) return { state: 'closed', code: g.code, name: g.name };
	const { counsellor_name, counsellor_email, counsellor_share_code, ...group } = g;
	return { state: 'open', group, counsellorName: counsellor_name || counsellor_email || '', counsellorShareCode: counsellor_share_code };
}

/** The audit detail of a membership: the group and its counsellor, as the member's access log shows them. */
const membershipDetail = (name: string, counsellor: string) => `${name} · ${counsellor}`;

/**
 * A client joins an open group. Audited as `group.joined` (subject: the member, so it is in their
 * access log). Joining again changes nothing (`already`).
 */
export async function joinGroup(
	db: Db,
	user: SessionUser,
	opened: Extract<OpenedGroup, { state: 'open' }>,
	now = new Date()
): Promise<Result<{ already: boolean }>> {
	if (user.role !== 'client') return err('groups.error.onlyClients');
	return db.transaction().execute(async (trx) => {
		if (!(await insertMember(trx, opened.group.id, user.id, now))) return ok({ already: true });
		await insertAuditEvent(trx, {
			actorId: user.id,
			action: 'group.joined',
			subjectId: user.id,
			detail: membershipDetail(opened.group.name, opened.counsellorName),
			at: now
		});
		return ok({ already: false });
	});
}

/** A member leaves a group (audited as `group.left`); false when they were not in it. */
export async function leaveGroup(db: Db, user: SessionUser, groupId: string, now = new Date()): Promise<boolean> {
	const g = groupId.length <= 64 ? await findGroupById(db, groupId) : undefined;
	if (!g) return false;
	return db.transaction().execute(async (trx) => {
		if (!(await deleteMember(trx, groupId, user.id))) return false;
		await insertAuditEvent(trx, { actorId: user.id, action: 'group.left', subjectId: user.id, detail: g.name, at: now });
		return true;
	});
}

/** Whether `user` is in the group, and which of its questionnaires they finished. */
export async function membershipOf(db: Db, user: SessionUser, group: CounsellorGroup) {
	const member = await findMembership(db, group.id, user.id);
	const ids = instrumentsOf(group);
	const finished = member ? new Set((await listFinishedOf(db, [user.id], ids)).map((r) => r.instrument_id)) : new Set<string>();
	return { member: !!member, instruments: ids.map((id) => ({ id, finished: finished.has(id) })) };
}

/** The groups a person is in (their account page): each shows its counsellor only totals. */
export async function listMemberships(db: Db, userId: string) {
	const rows = await listGroupsOfMember(db, userId);
	return rows.map((r) => ({ id: r.id, name: r.name, joinedAt: r.joined_at, counsellor: r.counsellor_name || r.counsellor_email || '', open: isOpen(r, new Date()) }));
}

/** The counsellor closes the group: the link stops taking members; members and totals stay. Audited. */
export async function closeGroup(db: Db, user: SessionUser, groupId: string, now = new Date()): Promise<Result> {
	const g = await findOwnGroup(db, user, groupId);
	if (!g.ok) return g;
	if (g.value.closed_at) return ok();
	await db.transaction().execute(async (trx) => {
		await updateGroup(trx, groupId, { closed_at: now.toISOString() });
		await insertAuditEvent(trx, { actorId: user.id, action: 'group.closed', detail: `${groupId} ${g.value.name}`, at: now });
	});
	return ok();
}

/**
 * The counsellor deletes the group: its memberships go with it (and so does its aggregate, which is
 * computed from them); members keep their own results. Audited as `group.deleted` with the count.
 */
export async function removeGroup(db: Db, user: SessionUser, groupId: string, now = new Date()): Promise<Result<{ name: string }>> {
	const g = await findOwnGroup(db, user, groupId);
	if (!g.ok) return g;
	await db.transaction().execute(async (trx) => {
		const members = await deleteGroup(trx, groupId);
		await insertAuditEvent(trx, { actorId: user.id, action: 'group.deleted', detail: `${groupId} ${g.value.name} (${members})`, at: now });
	});
	return ok({ name: g.value.name });
}

/** Adds a questionnaire to the group's list: every member is asked to take it. Audited as `group.assigned`. */
export async function assignToGroup(
	db: Db,
	registry: Registry,
	user: SessionUser,
	groupId: string,
	instrumentId: string,
	now = new Date()
): Promise<Result<{ already: boolean }>> {
	const g = await findOwnGroup(db, user, groupId);
	if (!g.ok) return g;
	if (!registry.instruments.has(instrumentId)) return err('groups.error.unknownInstrument', undefined, 'instrument');
	const ids = instrumentsOf(g.value);
	if (ids.includes(instrumentId)) return ok({ already: true });
	await db.transaction().execute(async (trx) => {
		await updateGroup(trx, groupId, { instruments: JSON.stringify([...ids, instrumentId]) });
		await insertAuditEvent(trx, { actorId: user.id, action: 'group.assigned', detail: `${groupId} ${instrumentId}`, at: now });
	});
	return ok({ already: false });
}

const titleOf = (registry: Registry, id: string, locale: string) => {
	const q = registry.instruments.get(id)?.questionnaire;
	return q ? localize(q.title, locale) : id;
};

/** Keeps, per member, the last of their rows, in the order of their first (so a retake does not reorder). */
function lastPerMember<T extends { userId: string }>(rows: T[]): T[] {
	const byUser = new Map<string, T>();
	for (const r of rows) byUser.set(r.userId, r);
	return [...byUser.values()];
}

const labelled = <K>(title: string, t: ProtectedTable<K>, label: (k: K) => string): LabelledTable => ({
	title,
	total: t.total,
	cells: t.cells.map((c) => ({ key: String(c.key), label: label(c.key), count: c.count }))
});

/** Everything the counsellor's group page shows (the caller has checked the group is theirs). */
export async function loadGroupPage(db: Db, registry: Registry, group: CounsellorGroup, origin: string, locale: Locale, now = new Date()): Promise<GroupPageView> {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
	const ids = instrumentsOf(group);
	const [members, finished, sharingRows] = await Promise.all([
		countMembers(db, group.id),
		countFinishedByInstrument(db, group.id, ids),
		listSharingMembers(db, group.id, group.counsellor_id)
	]);
	const known = new Set(sharingRows.map((r) => r.id));
	const sharingFinished = await listFinishedOf(db, [...known], ids);

	// Interests: the first letter of the Holland code and each scale's band.
	const interestQ = ids.includes(INTERESTS) ? registry.instruments.get(INTERESTS)?.questionnaire : undefined;
	const scales = interestQ?.scoring?.scales ?? [];
	const codeDef = interestQ?.scoring?.codes?.find((c) => c.id === 'holland');
	const letters = codeDef?.letters ?? [];
	const bandCount = Math.max(0, ...scales.map((s) => s.bands?.length ?? 0));
	let interests: InterestRow[] = [];
	if (interestQ && codeDef) {
		const paths = [['codes', 'holland', 'code'], ...scales.flatMap((_, i) => [['scales', i, 'id'], ['scales', i, 'band', 'index']])];
		const rows = lastPerMember(await listResultFields(db, group.id, INTERESTS, paths));
		interests = rows.map((r) => ({
			known: known.has(r.userId),
			letter: r.fields[0]?.charAt(0) || null,
			bands: scales.map((s, i) => (r.fields[1 + 2 * i] === s.id && r.fields[2 + 2 * i] !== null ? Number(r.fields[2 + 2 * i]) : null))
		}));
	}
	// Values: the value ranked first.
	const valuesQ = ids.includes(VALUES) ? registry.instruments.get(VALUES)?.questionnaire : undefined;
	const ranking = valuesQ?.scoring?.rankings?.[0];
	const valueLabels = valuesQ && ranking ? choiceLabels(valuesQ.survey, ranking.question) : new Map();
	let values: ValueRow[] = [];
	if (valuesQ && ranking) {
		const rows = lastPerMember(await listResultFields(db, group.id, VALUES, [['rankings', ranking.id, 0]]));
		values = rows.map((r) => ({ known: known.has(r.userId), first: r.fields[0] }));
	}
	// Occupations kept: every member's shortlist (the base is all members).
	const [kept, keptKnown] = await Promise.all([countKept(db, group.id), countKeptBy(db, group.id, [...known])]);
	const knownOf = new Map(keptKnown.map((k) => [`${k.set_id}/${k.opportunity_id}`, Number(k.n)]));

	const agg = buildGroupAggregate({
		letters,
		scaleIds: scales.map((s) => s.id),
		bandCount,
		valueIds: [...valueLabels.keys()],
		interests,
		values,
		kept: kept.map((k) => {
			const key = `${k.set_id}/${k.opportunity_id}`;
			return { key, title: String(k.title), count: Number(k.n), known: knownOf.get(key) ?? 0 };
		}),
		members: { count: members, known: known.size }
	});
	const none = t('groups.aggregate.none');
	const letterTitle = (l: string) => {
		const s = scales[letters.indexOf(l)];
		return s ? `${l} · ${localize(s.title, locale)}` : l;
	};
	const bandLabel = (s: (typeof scales)[number], b: number | 'none') => (b === 'none' ? none : s.bands?.[b] ? localize(s.bands[b].label, locale) : String(b + 1));
	const finishedOf = new Map(finished.map((f) => [f.instrument_id, Number(f.n)]));
	return {
		group: {
			...summaryOf(group, members, now),
			instruments: ids.map((id) => ({ id, title: titleOf(registry, id, locale), finished: finishedOf.get(id) ?? 0 }))
		},
		link: groupLink(origin, group.code),
		sharing: sharingRows.map((r) => ({
			id: r.id,
			name: r.display_name || r.email || '',
			finished: sharingFinished.filter((f) => f.user_id === r.id).map((f) => f.instrument_id)
		})),
		notSharing: members - known.size,
		aggregate: {
			interestsCounted: agg.interestsCounted,
			valuesCounted: agg.valuesCounted,
			holland: interestQ ? labelled(t('groups.aggregate.holland'), agg.holland, (k) => (k === 'none' ? none : letterTitle(k))) : null,
			scales: agg.scales.map((st, i) => labelled(localize(scales[i].title, locale), st.table, (b) => bandLabel(scales[i], b))),
			values: valuesQ ? labelled(t('groups.aggregate.values'), agg.values, (k) => (k === 'none' ? none : localize(valueLabels.get(k), locale))) : null,
			kept: agg.kept.map(({ title, count }) => ({ title, count }))
		},
		assignable: [...registry.instruments.values()]
			.map(({ questionnaire: q }) => ({ id: q.id, title: localize(q.title, locale) }))
			.filter((q) => !ids.includes(q.id))
			.sort((a, b) => a.title.localeCompare(b.title, locale))
	};
}

/**
 * The aggregate as CSV: table, category, count (empty where hidden), the table's total. The same
 * protected numbers as the page, nothing more.
 */
export function groupAggregateCsv(view: GroupPageView, locale: Locale): string {
	const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
	const lines = [csvLine(['table', 'category', 'count', 'total'])];
	const tables = [view.aggregate.holland, ...view.aggregate.scales, view.aggregate.values].filter((x): x is LabelledTable => x !== null);
	for (const table of tables) {
		if (table.total === null) {
			lines.push(csvLine([table.title, null, null, null]));
			continue;
		}
		for (const c of table.cells) lines.push(csvLine([table.title, c.label, c.count, table.total]));
	}
	for (const k of view.aggregate.kept) lines.push(csvLine([t('groups.aggregate.kept'), k.title, k.count, view.group.members]));
	return lines.join('\r\n') + '\r\n';
}
