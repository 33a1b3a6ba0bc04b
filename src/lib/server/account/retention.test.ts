import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { closeTestDb, createTestDb } from '../../../../tests/support/db';
import { deleteAuditEventsBefore, insertAuditEvent } from '../repositories/audit';
import { deleteOldAuditEvents } from './retention';

const NOW = new Date('2026-12-08T12:00:00Z');
const daysAgo = (d: number, minutes = 0) => new Date(NOW.getTime() - d * 86_400_000 + minutes * 60_000);

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});
afterEach(async () => {
	await closeTestDb(db);
});

const actions = async () => (await db.selectFrom('audit_event').select('action').orderBy('id').execute()).map((r) => r.action);

describe('the retention job deletes old audit events in small batches', () => {
	it('oldest first, about a batch per statement (ties at the batch edge go together), until none is left', async () => {
		// 8 old events: minutes 0, 1, 2, 2, 3, 4, 5, 6 of a day 40 days ago; 2 within the period.
		for (const [i, m] of [0, 1, 2, 2, 3, 4, 5, 6].entries()) await insertAuditEvent(db, { actorId: null, action: `old${i}`, at: daysAgo(40, m) });
		await insertAuditEvent(db, { actorId: null, action: 'new1', at: daysAgo(29) });
		await insertAuditEvent(db, { actorId: null, action: 'new2', at: daysAgo(1) });
		const cutoff = daysAgo(30).toISOString();
		// Batch 3: the 3rd oldest is at minute 2, which the 4th shares: 4 go.
		expect(await deleteAuditEventsBefore(db, cutoff, 3)).toBe(4);
		expect(await actions()).toEqual(['old4', 'old5', 'old6', 'old7', 'new1', 'new2']);
		expect(await deleteAuditEventsBefore(db, cutoff, 3)).toBe(3);
		// Fewer than a batch left: the rest go, and the caller stops.
		expect(await deleteAuditEventsBefore(db, cutoff, 3)).toBe(1);
		expect(await deleteAuditEventsBefore(db, cutoff, 3)).toBe(0);
		expect(await actions()).toEqual(['new1', 'new2']);
	});

	it('deleteOldAuditEvents repeats the batches and counts them all', async () => {
		for (let i = 0; i < 7; i++) await insertAuditEvent(db, { actorId: null, action: `old${i}`, at: daysAgo(31, i) });
		await insertAuditEvent(db, { actorId: null, action: 'new', at: daysAgo(29) });
		expect(await deleteOldAuditEvents(db, 30, NOW, 2)).toBe(7);
		expect(await actions()).toEqual(['new']);
	});
});
