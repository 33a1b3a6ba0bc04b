// Item analysis for authors against a real database: the shipped questionnaires loaded through the
// registry, responses seeded as real rows. Numbers are worked by hand (and checked against the core),
// the ≥ 5 rule and the absence of identities are asserted on the output itself.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeItems } from '$lib/core/analysis/analyze-items';
import type { Questionnaire } from '$lib/core/questionnaire/types';
import { translate } from '$lib/i18n';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { loadRegistry, type Registry } from '../questionnaires/registry';
import { insertUser } from '../repositories/users';
import { insertResponse } from '../repositories/responses';
import { ensureInstrumentVersion } from '../repositories/instrument-versions';
import { ALPHA_MIN_N, analyzeInstrument, exportVersion, MIN_RESPONDENTS, statsCsv, versionStats } from './author-analysis';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');

let db: Db;
let registry: Registry;
const identities: string[] = [];

beforeEach(async () => {
	db = await createTestDb();
	registry = await loadRegistry(db, QUESTIONNAIRES);
	identities.length = 0;
});
afterEach(async () => {
	vi.restoreAllMocks();
	await db.destroy();
});

const workValues = () => registry.instruments.get('work-values')!;

/** One new client per response; records every id, email and timestamp that must not leak. */
async function seed(
	versionId: number,
	answers: Record<string, unknown>,
	{ seconds = 60, status = 'completed' as 'completed' | 'in_progress', day = 1 } = {}
) {
	const userId = crypto.randomUUID();
	const responseId = crypto.randomUUID();
	const email = `person-${userId.slice(0, 8)}@example.org`;
	const started = new Date(Date.UTC(2026, 10, day, 9, 0, 0));
	const completed = new Date(started.getTime() + seconds * 1000);
	await insertUser(db, { id: userId, email, password_hash: 'x', role: 'client', display_name: `Name ${userId.slice(0, 4)}`, locale: null, created_at: started.toISOString() });
	await insertResponse(db, {
		id: responseId,
		user_id: userId,
		instrument_id: 'work-values',
		instrument_version_id: versionId,
		status,
		answers: JSON.stringify(answers),
		current_page: 0,
		result: null,
		started_at: started.toISOString(),
		updated_at: completed.toISOString(),
		completed_at: status === 'completed' ? completed.toISOString() : null
	});
	identities.push(userId, responseId, email, started.toISOString(), completed.toISOString());
}

// SE1..SE4 (certainty scale, 1–5, none reversed). Hand-worked:
// item means 3, 3.2, 3.2, 3.6; variances 2.5, 1.7, 2.2, 1.3 (Σ 7.7); totals 6, 10, 13, 17, 19, variance 27.5;
// alpha = 4/3 · (1 − 7.7/27.5) = 4/3 · 0.72 = 0.96.
// Longest runs of identical answers: 1, 2, 3, 2, 2 → median 2; runs ≥ 2 (half of 4 items): 4 of 5.
const FIVE = [
	[1, 2, 1, 2],
	[2, 2, 3, 3],
	[3, 3, 3, 4],
	[4, 5, 4, 4],
	[5, 4, 5, 5]
];
const SECONDS = [30, 60, 90, 600, 5]; // median 60; under 2 s × 4 items = 8 s: 1 of 5
const se = (row: number[]) => ({ values_rank: ['security', 'income'], SE1: row[0], SE2: row[1], SE3: row[2], SE4: row[3] });

describe('analyzeInstrument', () => {
	it('shows nothing below 5 completed responses, and says how many more are needed', async () => {
		const v = workValues().versionId;
		for (let i = 0; i < 4; i++) await seed(v, se(FIVE[i]));
		await seed(v, se(FIVE[4]), { status: 'in_progress' }); // unfinished: does not count
		const a = (await analyzeInstrument(db, 'work-values'))!;
		expect(a.versions).toHaveLength(1);
		expect(a.versions[0]).toEqual({ version: '1.0.0', sha: workValues().sha256.slice(0, 12), respondents: 4, enough: false, needed: 1 });
		const out = await exportVersion(db, 'work-values', '1.0.0', null);
		expect(out).toEqual({ ok: false, error: { code: 'author.export.error.tooFew', params: { n: 4, min: 5, version: '1.0.0', needed: 1 } } });
		expect(!out.ok && translate('en', out.error.code, out.error.params)).toMatch(/Only 4 of the 5 .* 1 more are needed/);
	});

	it('with 5 completed responses gives the hand-worked statistics, equal to the core analysis', async () => {
		expect(MIN_RESPONDENTS).toBe(5);
		const v = workValues().versionId;
		for (let i = 0; i < 5; i++) await seed(v, se(FIVE[i]), { seconds: SECONDS[i], day: i + 1 });
		const a = (await analyzeInstrument(db, 'work-values'))!;
		const version = a.versions[0];
		if (!version.enough) throw new Error('expected statistics');
		const s = version.stats;
		expect(s.respondents).toBe(5);
		const scale = s.scales.find((x) => x.id === 'certainty')!;
		expect(scale.n).toBe(5);
		expect(scale.alpha).toBeCloseTo(0.96, 12);
		expect(scale.flagged).toBe(false);
		expect(scale.items.map((i) => i.mean)).toEqual([3, 3.2, 3.2, 3.6]);
		expect(scale.items[0].sd).toBeCloseTo(Math.sqrt(2.5), 12);
		// Item 1 against the rest (5, 8, 10, 13, 14): r = 0.98976…
		expect(scale.items[0].rDrop).toBeCloseTo(0.9897624107, 9);
		expect(scale.items.every((i) => i.missing === 0 && !i.flagged)).toBe(true);
		expect(scale.items[1].distribution).toEqual([
			{ value: 1, count: 0 },
			{ value: 2, count: 2 },
			{ value: 3, count: 1 },
			{ value: 4, count: 1 },
			{ value: 5, count: 1 }
		]);
		// The same numbers as the core's analysis (what `npm run analyze` prints).
		const core = analyzeItems(workValues().questionnaire, FIVE.map(se));
		expect(scale.items.map(({ name, n, mean, sd, rDrop, missing }) => ({ name, n, mean, sd, rDrop, missing }))).toEqual(core.scales[0].items);
		expect(s.careless).toEqual({
			scoredItems: 4,
			longestRun: [
				{ length: 1, respondents: 1 },
				{ length: 2, respondents: 3 },
				{ length: 3, respondents: 1 }
			],
			longestRunMedian: 2,
			longRunThreshold: 2,
			longRunShare: 0.8,
			completionMedianSeconds: 60,
			fastThresholdSeconds: 8,
			fastShare: 0.2
		});
	});

	it('never contains a user id, email, name, response id or individual timestamp', async () => {
		const v = workValues().versionId;
		for (let i = 0; i < 6; i++) await seed(v, se(FIVE[i % 5]), { seconds: 100 + i, day: i + 1 });
		const a = (await analyzeInstrument(db, 'work-values'))!;
		const out = await exportVersion(db, 'work-values', '1.0.0', null);
		if (!out.ok) throw new Error(out.error.code);
		const texts = [JSON.stringify(a), JSON.stringify(out.value), statsCsv(out.value)];
		const names = await db.selectFrom('user').select('display_name').execute();
		for (const text of texts) {
			for (const secret of [...identities, ...names.map((n) => n.display_name!)]) expect(text).not.toContain(secret);
			expect(text).not.toMatch(/20\d\d-\d\d-\d\dT/); // no timestamps at all
			expect(text).not.toMatch(/@example\.org/);
		}
	});

	it('flags items with rDrop < .20 and scales with alpha < .70 (from ALPHA_MIN_N complete cases), counts missing answers, and names each item\'s text', async () => {
		const v = workValues().versionId;
		// SE4 runs against the others: r.drop(SE4) = −1; item variances 2.5 each (Σ 10), totals 8, 10, 12, 14, 16
		// (variance 10) → alpha = 4/3 · (1 − 10/10) = 0.
		const rows = [[1, 1, 1, 5], [2, 2, 2, 4], [3, 3, 3, 3], [4, 4, 4, 2], [5, 5, 5, 1]];
		for (const r of rows) await seed(v, se(r));
		await seed(v, { values_rank: ['income'], SE1: 3, SE3: 3, SE4: 3 }); // SE2 missing: not a complete case
		const a = (await analyzeInstrument(db, 'work-values'))!;
		if (!a.versions[0].enough) throw new Error('expected statistics');
		const scale = a.versions[0].stats.scales[0];
		expect(scale.n).toBe(5);
		expect(scale.alpha).toBeCloseTo(0, 12);
		// Five complete cases are far too few for alpha: said so, and not flagged as if it were a finding.
		expect(ALPHA_MIN_N).toBe(30);
		expect(scale.alphaTooFew).toBe(true);
		expect(scale.flagged).toBe(false);
		expect(scale.items[3].rDrop).toBeCloseTo(-1, 12);
		expect(scale.items.map((i) => i.flagged)).toEqual([false, false, false, true]);
		expect(scale.items[1].missing).toBeCloseTo(1 / 6, 12);
		expect(scale.items[1].n).toBe(5);
		// Each item with the text the person read (the questionnaire's own title of SE1).
		const se1 = (workValues().questionnaire.survey.pages as { elements: { name: string; title?: unknown }[] }[]).flatMap((p) => p.elements).find((e) => e.name === 'SE1')!;
		expect(se1.title).toBeTruthy();
		expect(scale.items[0].text).toEqual(se1.title);
		const csv = statsCsv(a.versions[0].stats).trim().split('\n');
		expect(csv).toHaveLength(1 + 4);
		expect(csv[0]).toBe('questionnaire,version,respondents,scale,scale_n,alpha,alpha_too_few,alpha_below_70,item,reversed,n,mean,sd,r_drop,r_drop_below_20,missing,distribution');
		const cells = csv[4].split(',');
		expect(cells.slice(0, 5).concat(cells.slice(6, 12))).toEqual(['work-values', '1.0.0', '6', 'certainty', '5', 'true', 'false', 'SE4', 'false', '6', '3']);
		expect(Number(cells[5])).toBeCloseTo(0, 12); // alpha
		expect(Number(cells[12])).toBeCloseTo(Math.SQRT2, 12); // sd of 5, 4, 3, 2, 1, 3
		expect(Number(cells[13])).toBeCloseTo(-1, 12); // r.drop
		expect(csv[4].endsWith(',true,0,1=1;2=1;3=2;4=1;5=1')).toBe(true);

		// The same five rows five more times: 30 complete cases, alpha still 0 (duplicating rows scales every
		// variance alike), now read as a finding and flagged.
		for (let k = 0; k < 5; k++) for (const r of rows) await seed(v, se(r));
		const b = (await analyzeInstrument(db, 'work-values'))!;
		if (!b.versions[0].enough) throw new Error('expected statistics');
		const thirty = b.versions[0].stats.scales[0];
		expect(thirty.n).toBe(30);
		expect(thirty.alpha).toBeCloseTo(0, 12);
		expect(thirty.alphaTooFew).toBe(false);
		expect(thirty.flagged).toBe(true);
	});

	it('analyses each stored version separately, newest first; export picks the version asked for', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const q = JSON.parse(JSON.stringify(workValues().questionnaire)) as Questionnaire;
		q.version = '1.1.0';
		const v2 = await ensureInstrumentVersion(db, { instrumentId: 'work-values', version: '1.1.0', sha256: 'f'.repeat(64), definition: JSON.stringify(q), now: new Date() });
		for (let i = 0; i < 5; i++) await seed(v2, se(FIVE[i]));
		await seed(workValues().versionId, se(FIVE[0]));
		const a = (await analyzeInstrument(db, 'work-values'))!;
		expect(a.versions.map((v) => [v.version, v.respondents, v.enough])).toEqual([
			['1.1.0', 5, true],
			['1.0.0', 1, false]
		]);
		const ok = await exportVersion(db, 'work-values', '1.1.0', null);
		expect(ok.ok && ok.value.version).toBe('1.1.0');
		expect(await exportVersion(db, 'work-values', null, null)).toEqual({ ok: false, error: { code: 'author.export.error.noVersion', field: 'version' } });
		expect(await exportVersion(db, 'work-values', '9.9.9', null)).toEqual({
			ok: false,
			error: { code: 'author.export.error.noSuchVersion', params: { version: '9.9.9', id: 'work-values' }, field: 'version' }
		});
		expect(await exportVersion(db, 'work-values', '1.0.0', null)).toEqual({
			ok: false,
			error: { code: 'author.export.error.tooFew', params: { n: 1, min: MIN_RESPONDENTS, version: '1.0.0', needed: MIN_RESPONDENTS - 1 } }
		});
		expect(await analyzeInstrument(db, 'no-such-thing')).toBeNull();
	});
});

describe('versionStats', () => {
	it('has no scales and no run statistics for an exercise, but still times completion', () => {
		const q = registry.instruments.get('brainstorm-strengths')!.questionnaire;
		const rows = [0, 1, 2, 3, 4].map((i) => ({ answers: {}, startedAt: '2026-01-01T00:00:00Z', completedAt: `2026-01-01T00:0${i}:00Z` }));
		const s = versionStats(q, 'abc', rows);
		expect(s.scales).toEqual([]);
		expect(s.careless).toMatchObject({ scoredItems: 0, longestRunMedian: null, longRunShare: null, completionMedianSeconds: 120 });
		expect(s.careless.fastShare).toBe(0.2); // 0 s is the only one under the threshold
	});
});
