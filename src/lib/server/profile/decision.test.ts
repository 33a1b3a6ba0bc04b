// The decision step and the counsellor's interpretation against a real, migrated database (SQLite in
// memory, or PostgreSQL with TEST_DATABASE_URL) and the shipped O*NET set: saved and read back
// (resumable), a refused form changes nothing, choosing options keeps what was written, the
// counsellor's comment and interpretation, the export's `decision` valid against the published
// schema, "download all my data", and deleting the client deletes it all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import type { Db } from '../db';
import { closeTestDb, createTestDb } from '../../../../tests/support/db';
import { insertUser, deleteUser } from '../repositories/users';
import { loadOpportunitySets } from './opportunities';
import { starOpportunity } from './shortlist';
import { chooseDecisionOptions, commentOnDecision, exportDecisionFor, loadDecision, saveDecision } from './decision';
import { loadInterpretation, saveInterpretation } from '../counsellor/interpretation';
import { collectPersonalData } from '../account/personal-data';
import { buildProfileExport } from '$lib/core/profile/export';
import { buildProfile } from '$lib/core/profile/build';

const { sets } = loadOpportunitySets(resolve(__dirname, '../../../../opportunities'));
const schema = JSON.parse(readFileSync(resolve(__dirname, '../../../../static/schema/profile-v1.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const T0 = new Date('2026-12-08T10:00:00.000Z');
const IDS = ['11-1011.00', '47-2082.00', '29-1141.00'];
let db: Db;

const formOf = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};

beforeEach(async () => {
	db = await createTestDb();
	for (const [id, role, name] of [['c', 'client', 'Ann'], ['k', 'counsellor', 'Kim Counsellor']] as const)
		await insertUser(db, { id, email: `${id}@example.org`, password_hash: 'x', role, display_name: name, locale: null, created_at: T0.toISOString() });
});
afterEach(() => closeTestDb(db));

async function keep(n: number) {
	for (let i = 0; i < n; i++) expect((await starOpportunity(db, sets, 'c', 'onet-29-3', IDS[i], new Date(T0.getTime() + i * 1000))).ok).toBe(true);
}

describe('decision step', () => {
	it('needs two kept options', async () => {
		await keep(1);
		expect((await loadDecision(db, sets, 'c', 'en')).options).toEqual([]);
		expect(await saveDecision(db, sets, 'c', formOf({}), T0)).toEqual({ ok: false, error: { code: 'decision.error.notReady', params: { n: 2 } } });
	});

	it('saves balance sheets, ratings and a plan, reads them back in Danish, and exports them validly', async () => {
		await keep(3);
		const before = await loadDecision(db, sets, 'c', 'da');
		expect(before.options.map((o) => [o.id, o.title])).toEqual([[IDS[0], 'Administrerende direktør'], [IDS[1], 'Tapers'], [IDS[2], 'Sygeplejerske']]);
		expect(before.updatedAt).toBeNull();
		const saved = await saveDecision(
			db, sets, 'c',
			formOf({
				'o0-key': `onet-29-3|${IDS[0]}`, 'o0-gainsSelf': 'Good pay', 'o0-lossesOthers': 'Less time with my kids', 'o0-feelSelf': '4', 'o0-feelOthers': '2', 'o0-want': '5', 'o0-likely': '2',
				'o1-key': `onet-29-3|${IDS[1]}`, 'o1-want': '2', 'o1-likely': '5',
				'o2-key': `onet-29-3|${IDS[2]}`, 'o2-want': '4', 'o2-likely': '4',
				'p0-if': 'If I do not hear back by March', 'p0-then': 'call the admissions office', 'p0-by': '2027-03-01', 'p0-who': 'Kim',
				'p1-then': ''
			}),
			T0
		);
		expect(saved.ok).toBe(true);
		const after = await loadDecision(db, sets, 'c', 'en');
		expect(after.updatedAt).toBe(T0.toISOString());
		expect(after.options.map((o) => [o.title, o.want, o.likely, o.hint])).toEqual([
			['Chief Executives', 5, 2, 'build'],
			['Tapers', 2, 5, 'check'],
			['Registered Nurses', 4, 4, 'pursue']
		]);
		expect(after.options[0]).toMatchObject({ gainsSelf: 'Good pay', lossesOthers: 'Less time with my kids', feelSelf: 4, feelOthers: 2, fit: null });
		expect(after.plan).toEqual([{ if: 'If I do not hear back by March', then: 'call the admissions office', by: '2027-03-01', who: 'Kim' }]);

		const decision = await exportDecisionFor(db, sets, 'c', 'en');
		const doc = buildProfileExport({ subjectId: 'c', locale: 'en', profile: buildProfile([]), generatedAt: T0, decision });
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		expect(doc.decision!.updatedAt).toBe('2026-12-08T10:00:00Z');
		expect(doc.decision!.options[0].balance).toEqual({ gainsSelf: 'Good pay', lossesSelf: '', gainsOthers: '', lossesOthers: 'Less time with my kids', feelSelf: 4, feelOthers: 2 });
		// The schema refuses a rating outside 1–5 and a step without what to do.
		const bad = structuredClone(doc);
		bad.decision!.options[0].want = 6;
		bad.decision!.plan[0].then = '';
		expect(validate(bad)).toBe(false);
		expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(['/decision/options/0/want', '/decision/plan/0/then']);
	});

	it('refuses a bad form with every problem and changes nothing', async () => {
		await keep(2);
		await saveDecision(db, sets, 'c', formOf({ 'o0-key': `onet-29-3|${IDS[0]}`, 'o0-want': '3', 'p0-then': 'ask' }), T0);
		const r = await saveDecision(db, sets, 'c', formOf({ 'o0-key': `onet-29-3|${IDS[0]}`, 'o0-want': '9', 'p0-then': 'ask', 'p0-by': 'tomorrow' }), new Date(T0.getTime() + 1000));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems!.map((p) => [p.field, p.code])).toEqual([['o0-want', 'decision.error.rating'], ['p0-by', 'decision.error.date']]);
		const d = await loadDecision(db, sets, 'c', 'en');
		expect([d.options[0].want, d.plan, d.updatedAt]).toEqual([3, [{ if: '', then: 'ask', by: null, who: '' }], T0.toISOString()]);
	});

	it('chooses which options to weigh and keeps what was written', async () => {
		await keep(3);
		await saveDecision(db, sets, 'c', formOf({ 'o0-key': `onet-29-3|${IDS[0]}`, 'o0-gainsSelf': 'kept text', 'o1-key': `onet-29-3|${IDS[1]}` }), T0);
		expect((await chooseDecisionOptions(db, sets, 'c', [`onet-29-3|${IDS[0]}`]))).toMatchObject({ ok: false, error: { code: 'decision.error.count', field: 'choose' } });
		expect((await chooseDecisionOptions(db, sets, 'c', [`onet-29-3|${IDS[2]}`, `onet-29-3|${IDS[0]}`])).ok).toBe(true);
		const d = await loadDecision(db, sets, 'c', 'en');
		expect(d.options.map((o) => [o.id, o.gainsSelf])).toEqual([[IDS[2], ''], [IDS[0], 'kept text']]);
	});

	it('takes a counsellor comment once started, and an interpretation; both in "download all my data"; gone with the client', async () => {
		await keep(2);
		expect(await commentOnDecision(db, 'k', 'c', 'Looks good', T0)).toEqual({ ok: false, error: { code: 'decision.error.nothing' } });
		await saveDecision(db, sets, 'c', formOf({ 'o0-key': `onet-29-3|${IDS[0]}`, 'o0-want': '4' }), T0);
		expect((await commentOnDecision(db, 'k', 'c', 'x'.repeat(1001))).ok).toBe(false);
		expect((await commentOnDecision(db, 'k', 'c', ' Talk to a nurse first. ', T0)).ok).toBe(true);
		// Saving again keeps the comment.
		await saveDecision(db, sets, 'c', formOf({ 'o0-key': `onet-29-3|${IDS[0]}`, 'o0-want': '5' }), T0);
		expect((await loadDecision(db, sets, 'c', 'en')).comment).toEqual({ body: 'Talk to a nurse first.', by: 'Kim Counsellor', at: T0.toISOString() });

		expect(await saveInterpretation(db, 'k', 'c', 'x'.repeat(4001))).toEqual({ ok: false, error: { code: 'interpretation.tooLong', params: { n: 4000 }, field: 'interpretation' } });
		expect(await loadInterpretation(db, 'k', 'c')).toBeNull();
		expect((await saveInterpretation(db, 'k', 'c', 'Strong social interests.\r\nConsider nursing.', T0)).ok).toBe(true);
		expect((await saveInterpretation(db, 'k', 'c', 'Strong social interests.\nConsider nursing, then midwifery.', T0)).ok).toBe(true);
		expect(await loadInterpretation(db, 'k', 'c')).toEqual({ body: 'Strong social interests.\nConsider nursing, then midwifery.', updatedAt: T0.toISOString() });

		const all = await collectPersonalData(db, 'c', T0);
		expect(all.decision).toMatchObject({ data: { options: [{ id: IDS[0], want: 5 }, { id: IDS[1] }] }, comment: 'Talk to a nurse first.', commentBy: 'k@example.org' });
		expect(all.interpretations).toEqual([{ counsellor: 'k@example.org', body: 'Strong social interests.\nConsider nursing, then midwifery.', updatedAt: T0.toISOString() }]);

		await saveInterpretation(db, 'k', 'c', '', T0);
		expect(await loadInterpretation(db, 'k', 'c')).toBeNull();
		await saveInterpretation(db, 'k', 'c', 'again', T0);
		await deleteUser(db, 'c');
		expect(await db.selectFrom('decision').selectAll().execute()).toEqual([]);
		expect(await db.selectFrom('interpretation').selectAll().execute()).toEqual([]);
	});
});
