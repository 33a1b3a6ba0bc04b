// The client's shortlist of opportunities (starred on the matches page, shown on the profile, in the
// export and on the counsellor's report, where the counsellor may comment), and the preparation level
// the client chose for their matches.
import { err, ok, type Result } from '../../result';
import { displayTitle } from '$lib/core/matching/matches-view';
import { localize } from '$lib/core/localize';
import type { OpportunitySet } from '$lib/core/opportunities/types';
import type { ExportShortlistItem } from '$lib/core/profile/export';
import type { Db } from '../db';
import {
	addShortlistItem,
	countShortlist,
	getPreparationLevel,
	listShortlist,
	removeShortlistItem,
	setPreparationLevel,
	setShortlistComment
} from '../repositories/shortlist';
import type { ShortlistItemView } from '../../views/shortlist';
export type { ShortlistItemView } from '../../views/shortlist';

export const MAX_SHORTLIST = 50;
export const MAX_COMMENT_LENGTH = 1000;

/** Stars an opportunity of a loaded set; unknown sets or ids, and a full list, are refused. */
export async function starOpportunity(
	db: Db,
	sets: ReadonlyMap<string, OpportunitySet>,
	userId: string,
	setId: string,
	opportunityId: string,
	now = new Date()
): Promise<Result> {
	const o = sets.get(setId)?.opportunities.find((x) => x.id === opportunityId);
	if (!o) return err('shortlist.unknown');
	if ((await countShortlist(db, userId)) >= MAX_SHORTLIST) return err('shortlist.full', { n: MAX_SHORTLIST });
	await addShortlistItem(db, { userId, setId, opportunityId, title: o.title, now });
	return ok();
}

export const unstarOpportunity = (db: Db, userId: string, setId: string, opportunityId: string) =>
	removeShortlistItem(db, userId, setId, opportunityId);

/** The shortlist as the profile, the report and the export show it. */
export async function loadShortlist(
	db: Db,
	sets: ReadonlyMap<string, OpportunitySet>,
	userId: string,
	locale: string
): Promise<ShortlistItemView[]> {
	const rows = await listShortlist(db, userId);
	return rows.map((r) => {
		const set = sets.get(r.set_id);
		const o = set?.opportunities.find((x) => x.id === r.opportunity_id);
		const shown = set && o ? displayTitle(o, set, locale) : { title: r.title };
		const level = o?.level !== undefined ? set?.levels?.[String(o.level)] : undefined;
		return {
			set: r.set_id,
			id: r.opportunity_id,
			...shown,
			...(level ? { levelLabel: localize(level, locale) } : {}),
			...(o?.url ? { url: o.url } : {}),
			addedAt: r.added_at,
			comment:
				r.comment && r.comment_at
					? { body: r.comment, by: r.commenter_name || r.commenter_email || '', at: r.comment_at }
					: null
		};
	});
}

/** The export's `shortlist` (profile v1 extension). */
export const exportShortlist = (items: ShortlistItemView[]): ExportShortlistItem[] =>
	items.map((i) => ({ set: i.set, id: i.id, title: i.title, addedAt: i.addedAt.replace(/\.\d{3}Z$/, 'Z') }));

/** A counsellor's comment on one item (the caller has checked the share); an empty comment clears it. */
export async function commentOnShortlist(
	db: Db,
	counsellorId: string,
	clientId: string,
	setId: string,
	opportunityId: string,
	raw: FormDataEntryValue | null,
	now = new Date()
): Promise<Result> {
	const body = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : '';
	if ([...body].length > MAX_COMMENT_LENGTH) return err('shortlist.commentTooLong', { n: MAX_COMMENT_LENGTH }, 'comment');
	const done = await setShortlistComment(db, { userId: clientId, setId, opportunityId, comment: body || null, by: counsellorId, now });
	return done ? ok() : err('shortlist.notFound');
}

/** The preparation the client chose: 'all', a level number, or null when not asked yet. */
export async function loadPreparation(db: Db, userId: string): Promise<'all' | number | null> {
	const v = await getPreparationLevel(db, userId);
	if (v === null) return null;
	return /^\d{1,3}$/.test(v) ? Number(v) : 'all';
}

/** Saves the preparation from a form value: 'all' or one of `levels`; anything else is refused. */
export async function savePreparation(
	db: Db,
	userId: string,
	raw: FormDataEntryValue | null,
	levels: readonly number[]
): Promise<Result> {
	const v = typeof raw === 'string' ? raw.trim() : '';
	if (v !== 'all' && !(/^\d{1,3}$/.test(v) && levels.includes(Number(v)))) return err('prep.error', undefined, 'level');
	await setPreparationLevel(db, userId, v);
	return ok();
}
