// The decision step's pure part: reading the form (every problem named by its field, nothing half
// read), which options are weighed, the grid's hint, stored JSON read back, and the export's shape.
import { describe, expect, it } from 'vitest';
import en from '../../i18n/decision.en';
import da from '../../i18n/decision.da';
import {
	DECISION_PROBLEM_CODES,
	MAX_STEPS,
	chooseOptions,
	currentOptions,
	emptyOption,
	exportDecision,
	gridHint,
	isIsoDay,
	parseStoredDecision,
	readDecisionForm
} from './decision';

const form = (fields: Record<string, string>) => (name: string) => fields[name] ?? null;
const KEPT = ['onet|a', 'onet|b', 'onet|c'];

describe('readDecisionForm', () => {
	it('reads options, ratings and steps, trimming text and dropping empty steps', () => {
		const r = readDecisionForm(
			form({
				'o0-key': 'onet|b', 'o0-gainsSelf': '  work outdoors \r\n', 'o0-feelSelf': '4', 'o0-want': '5', 'o0-likely': '',
				'o1-key': 'onet|a', 'o1-lossesOthers': 'less time at home',
				'p0-if': 'If the course is full', 'p0-then': 'ask for the waiting list', 'p0-by': '2027-02-28', 'p0-who': 'my counsellor',
				'p1-if': '', 'p1-then': '', 'p1-by': '', 'p1-who': '',
				'p2-then': 'visit a workplace'
			}),
			KEPT
		);
		expect(r).toEqual({
			ok: true,
			value: {
				options: [
					{ ...emptyOption('onet', 'b'), gainsSelf: 'work outdoors', feelSelf: 4, want: 5 },
					{ ...emptyOption('onet', 'a'), lossesOthers: 'less time at home' }
				],
				plan: [
					{ if: 'If the course is full', then: 'ask for the waiting list', by: '2027-02-28', who: 'my counsellor' },
					{ if: '', then: 'visit a workplace', by: null, who: '' }
				]
			}
		});
	});

	it('names every problem by its field and returns no data', () => {
		const r = readDecisionForm(
			form({
				'o0-key': 'onet|zzz', 'o1-key': 'onet|a', 'o1-want': '6', 'o1-likely': '2.5', 'o1-gainsSelf': 'x'.repeat(501),
				'p0-if': 'If it rains', 'p0-by': '2027-02-30'
			}),
			KEPT
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problems.map((p) => [p.field, p.code])).toEqual([
			['o0-key', 'decision.error.option'],
			['o1-gainsSelf', 'decision.error.tooLong'],
			['o1-want', 'decision.error.rating'],
			['o1-likely', 'decision.error.rating'],
			['p0-then', 'decision.error.then'],
			['p0-by', 'decision.error.date']
		]);
	});

	it(`refuses more than ${MAX_STEPS} steps`, () => {
		const f: Record<string, string> = {};
		for (let i = 0; i <= MAX_STEPS; i++) f[`p${i}-then`] = `step ${i}`;
		const r = readDecisionForm(form(f), KEPT);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems).toEqual([{ code: 'decision.error.count', params: { n: MAX_STEPS }, field: `p${MAX_STEPS}-then` }]);
	});

	it('refuses the same option twice', () => {
		const r = readDecisionForm(form({ 'o0-key': 'onet|a', 'o1-key': 'onet|a' }), KEPT);
		expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['o1-key']);
	});
});

describe('which options are weighed', () => {
	const kept = KEPT.map((k) => ({ set: 'onet', id: k.slice(5) }));
	it('starts with the first kept, up to five, and keeps the stored ones still kept', () => {
		expect(currentOptions(null, kept).map((o) => o.id)).toEqual(['a', 'b', 'c']);
		const stored = { options: [{ ...emptyOption('onet', 'c'), want: 3 }, emptyOption('onet', 'a'), emptyOption('onet', 'gone')], plan: [] };
		expect(currentOptions(stored, kept).map((o) => [o.id, o.want])).toEqual([['c', 3], ['a', null]]);
		// Only one stored option still kept: filled up from the shortlist.
		expect(currentOptions({ options: [{ ...emptyOption('onet', 'b'), want: 2 }], plan: [] }, kept).map((o) => [o.id, o.want])).toEqual([['b', 2], ['a', null], ['c', null]]);
	});

	it('chooses 2 to 5 kept options, keeping what was written for each', () => {
		const current = [{ ...emptyOption('onet', 'a'), gainsSelf: 'pay' }, emptyOption('onet', 'b')];
		expect(chooseOptions(current, ['onet|c', 'onet|a'], KEPT)).toEqual({ ok: true, value: [emptyOption('onet', 'c'), { ...emptyOption('onet', 'a'), gainsSelf: 'pay' }] });
		expect(chooseOptions(current, ['onet|a'], KEPT)).toMatchObject({ ok: false, problem: { code: 'decision.error.count' } });
		expect(chooseOptions(current, ['onet|a', 'onet|x'], KEPT)).toMatchObject({ ok: false, problem: { code: 'decision.error.option' } });
	});
});

describe('gridHint', () => {
	it.each([
		[5, 4, 'pursue'],
		[4, 3, 'build'],
		[3, 5, 'check'],
		[2, 1, 'reconsider'],
		[null, 5, null],
		[5, null, null]
	] as const)('want %s, likely %s → %s', (want, likely, hint) => expect(gridHint({ want, likely })).toBe(hint));
});

describe('stored data and export', () => {
	it('reads stored JSON back and never throws on a broken row', () => {
		expect(parseStoredDecision('{"options":[{"set":"s","id":"1","want":4}],"plan":[{"if":"","then":"x","by":null,"who":""},{"if":1}]}')).toEqual({
			options: [{ ...emptyOption('s', '1'), want: 4 }],
			plan: [{ if: '', then: 'x', by: null, who: '' }]
		});
		expect(parseStoredDecision('not json')).toBeNull();
		expect(parseStoredDecision(null)).toBeNull();
	});

	it('checks calendar days', () => {
		expect([isIsoDay('2028-02-29'), isIsoDay('2027-02-29'), isIsoDay('2027-1-01'), isIsoDay('')]).toEqual([true, false, false, false]);
	});

	it('exports options with their balance sheet and whole-second time', () => {
		const o = { ...emptyOption('onet', 'a'), title: 'A', gainsSelf: 'g', feelOthers: 2, want: 4, likely: 1 };
		expect(exportDecision([o], [{ if: '', then: 't', by: null, who: '' }], '2026-12-08T10:00:00.123Z')).toEqual({
			updatedAt: '2026-12-08T10:00:00Z',
			options: [{ set: 'onet', id: 'a', title: 'A', balance: { gainsSelf: 'g', lossesSelf: '', gainsOthers: '', lossesOthers: '', feelSelf: null, feelOthers: 2 }, want: 4, likely: 1 }],
			plan: [{ if: '', then: 't', by: null, who: '' }]
		});
	});
});

it('has an English and a Danish text for every problem of the form', () => {
	for (const code of DECISION_PROBLEM_CODES) expect([code, en[code].length > 0, da[code].length > 0]).toEqual([code, true, true]);
});
