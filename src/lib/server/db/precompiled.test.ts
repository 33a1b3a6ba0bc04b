import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './index';
import { precompiled, precompiledResult } from './precompiled';
import { createTestDb } from '../../../../tests/support/db';
import { insertUser } from '../repositories/users';

let db: Db;
let other: Db;
const NOW = new Date(Date.UTC(2026, 0, 15, 12)).toISOString();

const user = (id: string, role: 'client' | 'counsellor', locale: string) =>
	({ id, email: `${id}@example.org`, password_hash: 'unused', role, display_name: id, locale, created_at: NOW }) as const;

beforeEach(async () => {
	db = await createTestDb();
	other = await createTestDb();
	await insertUser(db, user('ann', 'client', 'da'));
	await insertUser(db, user('bo', 'counsellor', 'en'));
	await insertUser(db, user('cy', 'client', 'en'));
	await insertUser(other, user('ann', 'counsellor', 'en'));
});

afterEach(async () => {
	await db.destroy();
	await other.destroy();
});

describe('precompiled queries', () => {
	const byRoleAndLocale = precompiled(2, (d: Db, role: string, locale: string) =>
		d.selectFrom('user').select(['id', 'role']).where('role', '=', role as 'client').where('locale', '=', locale).orderBy('id')
	);
	const byId = precompiled(1, (d: Db, id: string) => d.selectFrom('user').select(['id', 'role']).where('id', '=', id));

	it('runs the compiled query with each call\'s values, as the built query would', async () => {
		expect(await byRoleAndLocale(db, 'client', 'en')).toEqual([{ id: 'cy', role: 'client' }]);
		expect(await byRoleAndLocale(db, 'client', 'da')).toEqual([{ id: 'ann', role: 'client' }]);
		expect(await byRoleAndLocale(db, 'counsellor', 'da')).toEqual([]);
		for (const [role, locale] of [['client', 'en'], ['counsellor', 'en'], ['client', 'da']] as const) {
			const built = await db.selectFrom('user').select(['id', 'role']).where('role', '=', role).where('locale', '=', locale).orderBy('id').execute();
			expect(await byRoleAndLocale(db, role, locale)).toEqual(built);
		}
	});

	it('keeps one compiled query per database handle: each handle reads its own data', async () => {
		expect(await byId(db, 'ann')).toEqual([{ id: 'ann', role: 'client' }]);
		expect(await byId(other, 'ann')).toEqual([{ id: 'ann', role: 'counsellor' }]);
		expect(await byId(other, 'bo')).toEqual([]);
	});

	it('treats a value as data, never as SQL', async () => {
		expect(await byId(db, "ann' OR '1'='1")).toEqual([]);
	});

	it('refuses a query that does not use each placeholder exactly once, in order, naming the SQL', async () => {
		const swapped = precompiled(2, (d: Db, a: string, b: string) => d.selectFrom('user').select('id').where('locale', '=', b).where('role', '=', a as 'client'));
		await expect(swapped(db, 'client', 'en')).rejects.toThrow(/must use its 2 parameter\(s\) once each, in order: select "id" from "user"/);
		const extra = precompiled(1, (d: Db, id: string) => d.selectFrom('user').select('id').where('id', '=', id).limit(5));
		await expect(extra(db, 'ann')).rejects.toThrow(/must use its 1 parameter/);
	});

	it('runs inside a transaction of the handle, which sees its own writes, and tells how many rows changed', async () => {
		const setLocale = precompiledResult(2, (d: Db, locale: string, id: string) => d.updateTable('user').set({ locale }).where('id', '=', id));
		expect(Number((await setLocale(db, 'da', 'nobody')).numAffectedRows)).toBe(0);
		await db.transaction().execute(async (trx) => {
			expect(Number((await setLocale(trx, 'de', 'cy')).numAffectedRows)).toBe(1);
			expect(await byId(trx, 'cy')).toEqual([{ id: 'cy', role: 'client' }]);
			expect((await trx.selectFrom('user').select('locale').where('id', '=', 'cy').executeTakeFirstOrThrow()).locale).toBe('de');
		});
		await expect(
			db.transaction().execute(async (trx) => {
				await setLocale(trx, 'fr', 'cy');
				throw new Error('roll back');
			})
		).rejects.toThrow('roll back');
		expect((await db.selectFrom('user').select('locale').where('id', '=', 'cy').executeTakeFirstOrThrow()).locale).toBe('de');
		expect(Number((await setLocale(other, 'da', 'cy')).numAffectedRows)).toBe(0);
	});
});
