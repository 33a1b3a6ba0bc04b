// The shortlist and the preparation level against a real, migrated database (SQLite in memory, or
// PostgreSQL with TEST_DATABASE_URL, tests/support/db.ts) and the shipped O*NET set: unknown ids
// refused, starring twice keeps one row, Danish titles on read, the counsellor's comment, a full
// list refused, and only known levels saved.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Db } from '../db';
import { closeTestDb, createTestDb } from '../../../../tests/support/db';
import { insertUser } from '../repositories/users';
import { loadOpportunitySets } from './opportunities';
import {
	MAX_SHORTLIST,
	commentOnShortlist,
	exportShortlist,
	loadPreparation,
	loadShortlist,
	savePreparation,
	starOpportunity,
	unstarOpportunity
} from './shortlist';

const { sets } = loadOpportunitySets(resolve(__dirname, '../../../../opportunities'));
let db: Db;
const T0 = new Date('2026-11-30T10:00:00.000Z');

beforeAll(() => expect(sets.get('onet-29-3')).toBeDefined());
beforeEach(async () => {
	db = await createTestDb();
	for (const [id, role, name] of [['c', 'client', 'Ann'], ['k', 'counsellor', 'Kim Counsellor']] as const) {
		await insertUser(db, { id, email: `${id}@example.org`, password_hash: 'x', role, display_name: name, locale: null, created_at: T0.toISOString() });
	}
});
afterEach(() => closeTestDb(db));

describe('shortlist', () => {
	it('stars known occupations once each, in order, with the Danish title on a Danish read', async () => {
		expect(await starOpportunity(db, sets, 'c', 'onet-29-3', '11-1011.00', T0)).toEqual({ ok: true, value: undefined });
		expect(await starOpportunity(db, sets, 'c', 'onet-29-3', '47-2082.00', new Date(T0.getTime() + 1000))).toEqual({ ok: true, value: undefined });
		expect(await starOpportunity(db, sets, 'c', 'onet-29-3', '11-1011.00', new Date(T0.getTime() + 2000))).toEqual({ ok: true, value: undefined });
		const da = await loadShortlist(db, sets, 'c', 'da');
		expect(da.map((i) => [i.id, i.title, i.untranslated ?? false])).toEqual([
			['11-1011.00', 'Administrerende direktør', false],
			['47-2082.00', 'Tapers', true] // no Danish title in the crosswalk: the English one, marked
		]);
		expect(da[0]).toMatchObject({ originalTitle: 'Chief Executives', levelLabel: 'Omfattende forberedelse', addedAt: T0.toISOString() });
		const en = await loadShortlist(db, sets, 'c', 'en');
		expect(en.map((i) => i.title)).toEqual(['Chief Executives', 'Tapers']);
		expect(exportShortlist(da)[0]).toEqual({ set: 'onet-29-3', id: '11-1011.00', title: 'Administrerende direktør', addedAt: '2026-11-30T10:00:00Z' });
		await unstarOpportunity(db, 'c', 'onet-29-3', '11-1011.00');
		expect((await loadShortlist(db, sets, 'c', 'en')).map((i) => i.id)).toEqual(['47-2082.00']);
	});

	it('refuses an unknown set or id and changes nothing', async () => {
		expect(await starOpportunity(db, sets, 'c', 'onet-29-3', '99-9999.99')).toEqual({ ok: false, error: { code: 'shortlist.unknown' } });
		expect(await starOpportunity(db, sets, 'c', 'nope', '11-1011.00')).toEqual({ ok: false, error: { code: 'shortlist.unknown' } });
		expect(await loadShortlist(db, sets, 'c', 'en')).toEqual([]);
	});

	it(`refuses a ${MAX_SHORTLIST + 1}st item`, async () => {
		const ids = sets.get('onet-29-3')!.opportunities.slice(0, MAX_SHORTLIST + 1).map((o) => o.id);
		for (const id of ids.slice(0, MAX_SHORTLIST)) expect((await starOpportunity(db, sets, 'c', 'onet-29-3', id)).ok).toBe(true);
		expect(await starOpportunity(db, sets, 'c', 'onet-29-3', ids[MAX_SHORTLIST])).toEqual({ ok: false, error: { code: 'shortlist.full', params: { n: MAX_SHORTLIST } } });
		expect(await loadShortlist(db, sets, 'c', 'en')).toHaveLength(MAX_SHORTLIST);
	});

	it('keeps a counsellor comment with its author and time, clears it when emptied, and refuses a missing item or a long text', async () => {
		await starOpportunity(db, sets, 'c', 'onet-29-3', '11-1011.00', T0);
		const at = new Date('2026-11-30T12:00:00.000Z');
		expect(await commentOnShortlist(db, 'k', 'c', 'onet-29-3', '11-1011.00', '  Talk about\r\nleadership  ', at)).toEqual({ ok: true, value: undefined });
		expect((await loadShortlist(db, sets, 'c', 'en'))[0].comment).toEqual({ body: 'Talk about\nleadership', by: 'Kim Counsellor', at: at.toISOString() });
		expect(await commentOnShortlist(db, 'k', 'c', 'onet-29-3', '47-2082.00', 'x')).toEqual({ ok: false, error: { code: 'shortlist.notFound' } });
		expect(await commentOnShortlist(db, 'k', 'c', 'onet-29-3', '11-1011.00', 'x'.repeat(1001))).toMatchObject({ ok: false, error: { code: 'shortlist.commentTooLong', field: 'comment' } });
		expect((await loadShortlist(db, sets, 'c', 'en'))[0].comment?.body).toBe('Talk about\nleadership');
		expect(await commentOnShortlist(db, 'k', 'c', 'onet-29-3', '11-1011.00', '   ')).toEqual({ ok: true, value: undefined });
		expect((await loadShortlist(db, sets, 'c', 'en'))[0].comment).toBeNull();
	});
});

describe('preparation level', () => {
	it('is null until chosen, then the level or "all"; an unknown level is refused and changes nothing', async () => {
		expect(await loadPreparation(db, 'c')).toBeNull();
		expect(await savePreparation(db, 'c', '3', [1, 2, 3, 4, 5])).toEqual({ ok: true, value: undefined });
		expect(await loadPreparation(db, 'c')).toBe(3);
		expect(await savePreparation(db, 'c', '9', [1, 2, 3, 4, 5])).toEqual({ ok: false, error: { code: 'prep.error', field: 'level' } });
		expect(await savePreparation(db, 'c', null, [1, 2, 3, 4, 5])).toEqual({ ok: false, error: { code: 'prep.error', field: 'level' } });
		expect(await loadPreparation(db, 'c')).toBe(3);
		expect(await savePreparation(db, 'c', 'all', [1, 2, 3, 4, 5])).toEqual({ ok: true, value: undefined });
		expect(await loadPreparation(db, 'c')).toBe('all');
	});
});
