// A page of the plain HTML questionnaire submitted, below HTTP: the fields a browser sends for the
// shipped study-habits form go through `submitPlainPage` on a real migrated database; what is
// stored, where the person goes next and which message stands next to which question are checked
// against values written by hand.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/support/db';
import type { Db } from '../db';
import { loadRegistry, type Instrument } from './registry';
import { createAccount } from '../account/accounts';
import { submitPlainPage } from './plain-submit';
import type { ViewElement } from '../../core/plain-form/view';
import { translator } from '../../i18n';

let db: Db;
let habits: Instrument;
let client: string;

beforeEach(async () => {
	db = await createTestDb();
	const registry = await loadRegistry(db, resolve(__dirname, '../../../../questionnaires'));
	habits = registry.instruments.get('study-habits')!;
	const created = await createAccount(db, { email: 'plain@example.org', password: 'correct horse battery', role: 'client', locale: 'en' });
	if (!created.ok) throw new Error('account not created');
	client = created.value.id;
});
afterEach(async () => {
	await db.destroy();
});

const submit = (fields: Record<string, string>, locale: 'en' | 'da' = 'en') =>
	submitPlainPage(db, client, habits, new URLSearchParams(fields), locale, translator(locale));
const stored = async () => {
	const row = await db.selectFrom('response').select(['answers', 'current_page', 'status']).where('user_id', '=', client).executeTakeFirstOrThrow();
	return { answers: JSON.parse(row.answers), page: row.current_page, status: row.status };
};
const errorsOf = (elements: ViewElement[]) =>
	Object.fromEntries(elements.flatMap((e) => ('error' in e && e.error ? [[e.name, e.error]] : [])));

describe('submitting a page of the plain form', () => {
	// Page 1 is the grid "plan" (rows week, start, lastMinute, goals; columns 1..5, every row required).
	it('a grid with a row left: the message stands next to the grid, in the person\'s language, and the page is saved', async () => {
		for (const [locale, message] of [['en', 'Response required: answer questions in all rows.'], ['da', 'Besvar venligst spørgsmål i alle rækker.']] as const) {
			const r = await submit({ page: '0', nav: 'next', 'e0.r0': '4', 'e0.r1': '0', 'e0.r3': '2' }, locale);
			if (r.kind !== 'invalid') throw new Error(`expected invalid, got ${r.kind}`);
			expect(errorsOf(r.view.elements)).toEqual({ plan: message });
			expect(r.view.index).toBe(0);
		}
		expect(await stored()).toEqual({ answers: { plan: { week: 5, start: 1, goals: 3 } }, page: 0, status: 'in_progress' });
	});

	it('every row answered: saved, and Next leads to page 2; Previous back to page 1', async () => {
		expect(await submit({ page: '0', nav: 'next', 'e0.r0': '4', 'e0.r1': '0', 'e0.r2': '1', 'e0.r3': '2' })).toEqual({ kind: 'go', page: 1 });
		expect(await stored()).toEqual({ answers: { plan: { week: 5, start: 1, lastMinute: 2, goals: 3 } }, page: 1, status: 'in_progress' });
		expect(await submit({ page: '1', nav: 'prev', 'e0.r0': '2', e1: '2' })).toEqual({ kind: 'go', page: 0 });
		expect((await stored()).answers).toEqual({ plan: { week: 5, start: 1, lastMinute: 2, goals: 3 }, askFor: { teacher: 'often' }, searchFirst: 'usually' });
	});

	it('"Never" for a teacher makes a question appear: the page is shown again with it', async () => {
		await submit({ page: '0', nav: 'next', 'e0.r0': '4', 'e0.r1': '0', 'e0.r2': '1', 'e0.r3': '2' });
		expect(await submit({ page: '1', nav: 'next', 'e0.r0': '0', 'e0.r1': '2', e1: '1' })).toEqual({ kind: 'go', page: 1 });
		expect((await stored()).page).toBe(1);
	});

	// Page 3: the dynamic panel "courses" (cells: c0 course name, required; c1 enjoy, Yes = 0 / No = 1;
	// c2 change, shown only when {panel.enjoy} = false).
	it('in a dynamic panel, "No" makes the panel\'s own follow-up appear; it is stored with that panel only', async () => {
		await submit({ page: '0', nav: 'next', 'e0.r0': '4', 'e0.r1': '0', 'e0.r2': '1', 'e0.r3': '2' });
		await submit({ page: '1', nav: 'next', 'e0.r0': '2', 'e0.r1': '2', e1: '2' });
		const r = await submit({ page: '2', nav: 'complete', 'e0.rows': '2', 'e0.d0.c0': 'Maths', 'e0.d0.c1': '1', 'e0.d1.c0': 'Art', 'e0.d1.c1': '0' });
		expect(r).toEqual({ kind: 'go', page: 2 });
		expect((await stored()).answers.courses).toEqual([{ course: 'Maths', enjoy: false }, { course: 'Art', enjoy: true }]);
		const done = await submit({ page: '2', nav: 'complete', 'e0.rows': '4', 'e0.d0.c0': 'Maths', 'e0.d0.c1': '1', 'e0.d0.c2': 'Fewer tests', 'e0.d1.c0': 'Art', 'e0.d1.c1': '0' });
		expect(done).toEqual({ kind: 'completed' });
		expect(await stored()).toEqual({
			answers: { plan: { week: 5, start: 1, lastMinute: 2, goals: 3 }, askFor: { teacher: 'often', peer: 'often' }, searchFirst: 'usually', courses: [{ course: 'Maths', enjoy: false, change: 'Fewer tests' }, { course: 'Art', enjoy: true }] },
			page: 2,
			status: 'completed'
		});
	});

	it('a panel without its required course name: the message stands next to the panels and nothing is completed', async () => {
		await submit({ page: '0', nav: 'next', 'e0.r0': '4', 'e0.r1': '0', 'e0.r2': '1', 'e0.r3': '2' });
		await submit({ page: '1', nav: 'next', 'e0.r0': '2', 'e0.r1': '2', e1: '2' });
		const r = await submit({ page: '2', nav: 'complete', 'e0.rows': '2', 'e0.d0.c1': '0' });
		if (r.kind !== 'invalid') throw new Error(`expected invalid, got ${r.kind}`);
		expect(errorsOf(r.view.elements)).toEqual({ courses: 'Response required.' });
		expect((await stored()).status).toBe('in_progress');
	});
});
