// Groups against a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL) with the shipped
// questionnaires: joining, progress, the protected aggregate and its CSV, closing and deleting,
// the members' access log, and throttled codes.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import type { Role } from '../db/schema';
import { loadRegistry, type Registry } from '../questionnaires/registry';
import { insertUser } from '../repositories/users';
import { insertShare } from '../repositories/shares';
import { listAuditEntriesAbout, listAuditEntries } from '../repositories/audit';
import { completeOpenOrNew } from '../questionnaires/responses';
import type { SessionUser } from '../account/auth';
import { collectPersonalData } from '../account/personal-data';
import {
	assignToGroup,
	checkGroupForm,
	closeGroup,
	createGroup,
	findOwnGroup,
	groupAggregateCsv,
	joinGroup,
	listMemberships,
	loadGroupPage,
	openGroup,
	removeGroup,
	type OpenedGroup
} from './groups';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');
let db: Db;
let registry: Registry;
const T0 = new Date('2027-03-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function addUser(id: string, role: Role, name: string | null = null): Promise<SessionUser> {
	const email = `${id}@example.org`;
	await insertUser(db, { id, email, password_hash: 'x', role, display_name: name, locale: 'en', created_at: T0.toISOString(), share_code: null, privacy_version: '2026-12-01', privacy_agreed_at: '2026-01-01T00:00:00.000Z' });
	return { id, email, role, locale: 'en', display_name: name };
}

/** riasec-48 answers with every item of `top` at 5 and every other item at 1: code starts with `top`. */
const riasec = (top: string) => JSON.stringify(Object.fromEntries('RIASEC'.split('').flatMap((l) => Array.from({ length: 8 }, (_, i) => [`${l}${i + 1}`, l === top ? 5 : 1]))));

let counsellor: SessionUser;
let other: SessionUser;
let groupId: string;
let opened: Extract<OpenedGroup, { state: 'open' }>;
beforeEach(async () => {
	db = await createTestDb();
	registry = await loadRegistry(db, QUESTIONNAIRES);
	counsellor = await addUser('vera', 'counsellor', 'Vera Vejleder');
	other = await addUser('bo', 'counsellor', 'Bo');
	const created = await createGroup(db, counsellor, { name: '9B', instrumentIds: ['riasec-48'], endsAt: '2027-03-31T23:59:59.999Z' }, T0);
	if (!created.ok) throw new Error('not created');
	groupId = created.value.id;
	const o = await openGroup(db, created.value.code, '10.0.0.1', T0);
	if (o.state !== 'open') throw new Error('not open');
	opened = o;
});
afterEach(async () => db.destroy());

async function member(id: string, top: string | null, minute: number, shares = false): Promise<SessionUser> {
	const u = await addUser(id, 'client', id);
	expect((await joinGroup(db, u, opened, at(minute))).ok).toBe(true);
	if (shares) await insertShare(db, u.id, counsellor.id, at(minute));
	if (top) expect((await completeOpenOrNew(db, u.id, registry.instruments.get('riasec-48')!, riasec(top), at(minute + 1))).ok).toBe(true);
	return u;
}

const page = async () => {
	const g = await findOwnGroup(db, counsellor, groupId);
	if (!g.ok) throw new Error('not own');
	return loadGroupPage(db, registry, g.value, 'https://spejl.example', 'en', at(500));
};
const hollandCounts = (view: Awaited<ReturnType<typeof page>>) => Object.fromEntries(view.aggregate.holland!.cells.map((c) => [c.key, c.count]));

describe('checkGroupForm', () => {
	const form = (o: Record<string, string | string[]>) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(o)) for (const x of [v].flat()) f.append(k, x);
		return f;
	};
	it('names every problem with its field, and changes nothing', () => {
		const r = checkGroupForm(form({ name: ' ', ends: '31-03-2027' }), registry, T0);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems!.map((p) => [p.code, p.field])).toEqual([
			['groups.error.nameEmpty', 'name'],
			['groups.error.noInstrument', 'instruments'],
			['groups.error.endsFormat', 'ends']
		]);
		const past = checkGroupForm(form({ name: 'x', instrument: 'nope', ends: '2027-02-01' }), registry, T0);
		if (!past.ok) expect(past.problems!.map((p) => p.code)).toEqual(['groups.error.unknownInstrument', 'groups.error.endsPast']);
	});
	it('accepts a name, questionnaires and a date up to a year ahead (end of that day)', () => {
		expect(checkGroupForm(form({ name: ' 9B ', instrument: ['riasec-48', 'riasec-48'], ends: '2027-03-31' }), registry, T0)).toEqual({
			ok: true,
			value: { name: '9B', instrumentIds: ['riasec-48'], endsAt: '2027-03-31T23:59:59.999Z' }
		});
	});
});

describe('a group', () => {
	it('shows progress at once and the aggregate only once 5 unknown members have finished', async () => {
		await member('m1', 'S', 1);
		await member('m2', 'S', 2);
		await member('m3', 'A', 3);
		await member('m4', 'S', 4);
		await member('m5', null, 5);
		let view = await page();
		expect(view.group.members).toBe(5);
		expect(view.group.instruments).toEqual([{ id: 'riasec-48', title: expect.any(String), finished: 4 }]);
		expect(view.aggregate.holland!.total).toBeNull();
		expect(view.aggregate.scales.every((s) => s.total === null)).toBe(true);

		await member('m6', 'S', 6);
		view = await page();
		// 5 finished: S 4, A 1 → A hidden, and S with it (5 − 4 = 1 would show the A).
		expect(view.aggregate.interestsCounted).toBe(5);
		expect(view.aggregate.holland!.total).toBe(5);
		expect(hollandCounts(view)).toEqual({ R: 0, I: 0, A: null, S: null, E: 0, C: 0, none: 0 });

		for (let i = 7; i <= 11; i++) await member(`m${i}`, i < 10 ? 'E' : 'A', i);
		view = await page();
		// 10 counted: S 4, A 3, E 3 → all three are 1–4 and hidden (h = 10).
		expect(view.aggregate.interestsCounted).toBe(10);
		expect(hollandCounts(view)).toEqual({ R: 0, I: 0, A: null, S: null, E: null, C: 0, none: 0 });

		for (let i = 12; i <= 16; i++) await member(`m${i}`, 'S', i);
		view = await page();
		// 15 counted: S 9, A 3, E 3 → A and E hidden (h = 6), S shown: 15 − 9 = 6 covers both hidden cells.
		expect(hollandCounts(view)).toEqual({ R: 0, I: 0, A: null, S: 9, E: null, C: 0, none: 0 });
		const csv = groupAggregateCsv(view, 'en');
		expect(csv).toContain('Holland code (first letter),S · Social,9,15\r\n');
		expect(csv).toContain('Holland code (first letter),A · Artistic,,15\r\n');
	});

	it('counts members who share as known: the rest must still be 0 or at least 5', async () => {
		// 6 finished, 2 of them share: 4 unknown → nothing shown, though 6 ≥ 5.
		for (let i = 1; i <= 6; i++) await member(`m${i}`, 'S', i, i <= 2);
		let view = await page();
		expect(view.aggregate.holland!.total).toBeNull();
		expect(view.sharing.map((s) => [s.name, s.finished])).toEqual([['m1', ['riasec-48']], ['m2', ['riasec-48']]]);
		expect(view.notSharing).toBe(4);
		await member('m7', 'S', 7);
		view = await page();
		expect(hollandCounts(view).S).toBe(7);
		// The page names only members who share: no other member's id or address appears in it.
		const text = JSON.stringify(view);
		for (let i = 3; i <= 7; i++) expect(text).not.toContain(`m${i}@example.org`);
		expect(text).not.toMatch(/"m[3-7]"/);
	});

	it('joining is in the member’s access log with the group and counsellor; memberships list says only totals', async () => {
		const m = await member('m1', null, 1);
		const log = await listAuditEntriesAbout(db, m.id, { limit: 10, offset: 0 });
		expect(log.map((e) => [e.action, e.detail])).toEqual([['group.joined', '9B · Vera Vejleder']]);
		expect(await listMemberships(db, m.id)).toEqual([{ id: groupId, name: '9B', joinedAt: at(1).toISOString(), counsellor: 'Vera Vejleder', open: expect.any(Boolean) }]);
		// "Download all my data" has the membership; the counsellor's has the group.
		expect((await collectPersonalData(db, m.id, at(3))).groups).toEqual([{ name: '9B', counsellor: 'vera@example.org', joinedAt: at(1).toISOString() }]);
		expect((await collectPersonalData(db, counsellor.id, at(3))).ownGroups).toMatchObject([{ name: '9B', members: 1, closedAt: null }]);
		// Joining twice changes nothing.
		expect(await joinGroup(db, m, opened, at(2))).toEqual({ ok: true, value: { already: true } });
		expect(await listAuditEntriesAbout(db, m.id, { limit: 10, offset: 0 })).toHaveLength(1);
	});

	it('only clients join; only its counsellor sees, assigns to, closes or deletes it', async () => {
		expect(await joinGroup(db, other, opened)).toEqual({ ok: false, error: { code: 'groups.error.onlyClients' } });
		expect((await findOwnGroup(db, other, groupId)).ok).toBe(false);
		expect(await closeGroup(db, other, groupId)).toEqual({ ok: false, error: { code: 'groups.error.notFound' } });
		expect((await removeGroup(db, other, groupId)).ok).toBe(false);
		expect((await assignToGroup(db, registry, other, groupId, 'work-values')).ok).toBe(false);
		expect((await openGroup(db, opened.group.code, 'x', at(1))).state).toBe('open');
	});

	it('assigning adds the questionnaire to the group for every member', async () => {
		expect(await assignToGroup(db, registry, counsellor, groupId, 'nope')).toMatchObject({ ok: false, error: { code: 'groups.error.unknownInstrument' } });
		expect(await assignToGroup(db, registry, counsellor, groupId, 'work-values')).toEqual({ ok: true, value: { already: false } });
		expect(await assignToGroup(db, registry, counsellor, groupId, 'work-values')).toEqual({ ok: true, value: { already: true } });
		expect((await page()).group.instruments.map((i) => i.id)).toEqual(['riasec-48', 'work-values']);
	});

	it('closing stops the link; deleting removes memberships, keeps results, and is logged', async () => {
		const m = await member('m1', 'S', 1);
		expect((await closeGroup(db, counsellor, groupId, at(10))).ok).toBe(true);
		expect((await openGroup(db, opened.group.code, 'x', at(11))).state).toBe('closed');
		expect((await removeGroup(db, counsellor, groupId, at(12))).ok).toBe(true);
		expect((await openGroup(db, opened.group.code, 'x', at(13))).state).toBe('unknown');
		expect(await listMemberships(db, m.id)).toEqual([]);
		expect(await db.selectFrom('response').select('status').where('user_id', '=', m.id).execute()).toEqual([{ status: 'completed' }]);
		const audit = await listAuditEntries(db, { limit: 10, offset: 0 });
		expect(audit.map((e) => [e.action, e.detail])).toEqual(
			expect.arrayContaining([
				['group.closed', `${groupId} 9B`],
				['group.deleted', `${groupId} 9B (1)`]
			])
		);
	});

	it('a link past its end date is closed', async () => {
		expect((await openGroup(db, opened.group.code, 'x', new Date('2027-04-01T00:00:00Z'))).state).toBe('closed');
	});

	it('unknown codes are throttled per address, as share codes are', async () => {
		for (let i = 0; i < 20; i++) expect((await openGroup(db, 'ZZZ-2222', '10.9.9.9', at(1))).state).toBe('unknown');
		expect(await openGroup(db, opened.group.code, '10.9.9.9', at(2))).toEqual({ state: 'throttled', minutes: 14 });
		// Another address is not affected.
		expect((await openGroup(db, opened.group.code, '10.9.9.8', at(2))).state).toBe('open');
	});
});
