// The client's ranked work values reach the matching through the real path: both questionnaires completed and
// scored on a migrated database (SQLite in memory, or PostgreSQL with TEST_DATABASE_URL), the profile loaded,
// its top values read (`rankedWorkValues`) and the shipped O*NET set ranked with them.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { closeTestDb, createTestDb } from '../../../../tests/support/db';
import { loadRegistry, type Registry } from '../questionnaires/registry';
import { complete, startOrResume } from '../questionnaires/responses';
import { insertUser } from '../repositories/users';
import { loadOpportunitySets } from './opportunities';
import { loadProfile } from './profile';
import { buildMatchesView } from '$lib/core/matching/matches-view';
import { buildOccupationView } from '$lib/core/matching/occupation-view';
import { rankedWorkValues, valuesBonus, valuesProfile } from '$lib/core/matching/work-values';

const ROOT = resolve(__dirname, '../../../..');
const { sets } = loadOpportunitySets(resolve(ROOT, 'opportunities'));
const onet = sets.get('onet-29-3')!;
const t0 = new Date('2026-12-01T09:00:00.000Z');
let db: Db;
let registry: Registry;

const RIASEC = { R: 2, I: 5, A: 4, S: 2, E: 1, C: 3 } as const;
const RANKED = ['autonomy', 'income', 'achievement', 'teamwork', 'learning', 'security', 'helping-others', 'creativity', 'recognition', 'variety', 'work-life-balance', 'leadership', 'prestige', 'physical-activity', 'working-conditions'];

async function take(id: string, answers: Record<string, unknown>, minute: number) {
	const started = await startOrResume(db, 'c', registry.instruments.get(id)!, new Date(t0.getTime() + minute * 60_000));
	const r = await complete(db, 'c', { instrumentId: id, responseId: started.response.id, answers: JSON.stringify(answers) }, new Date(t0.getTime() + (minute + 1) * 60_000));
	expect(r.ok).toBe(true);
}

beforeEach(async () => {
	db = await createTestDb();
	registry = await loadRegistry(db, resolve(ROOT, 'questionnaires'));
	await insertUser(db, { id: 'c', email: 'c@example.org', password_hash: 'x', role: 'client', display_name: null, locale: 'en', created_at: t0.toISOString(), share_code: null, privacy_version: '2026-12-01', privacy_agreed_at: '2026-01-01T00:00:00.000Z' });
	await take('riasec-48', Object.fromEntries(Object.entries(RIASEC).flatMap(([l, v]) => Array.from({ length: 8 }, (_, i) => [`${l}${i + 1}`, v]))), 0);
});
afterEach(() => closeTestDb(db));

describe('work values in the matches (service level)', () => {
	it('without a work-values result the order is by interests only, with no values sentence', async () => {
		const profile = await loadProfile(db, 'c');
		expect(rankedWorkValues(profile.latest)).toEqual([]);
		const v = buildMatchesView({ dimensions: profile.dimensions, workValues: rankedWorkValues(profile.latest), sets: [onet], locale: 'en', limit: 20 });
		expect(v.valuesRefined).toBe(false);
		expect(v.matches.every((m) => m.valuesText === undefined)).toBe(true);
		const fits = v.matches.map((m) => m.fit);
		expect(fits).toEqual([...fits].sort((a, b) => b - a));
	});

	it('with one, the stored top five refine the order within 0.03 and every match with work values gets a sentence', async () => {
		await take('work-values', { values_rank: RANKED, SE1: 4, SE2: 4, SE3: 4, SE4: 4 }, 10);
		const profile = await loadProfile(db, 'c');
		const ranked = rankedWorkValues(profile.latest);
		expect(ranked).toEqual(RANKED.slice(0, 5));
		const p = valuesProfile(ranked)!;
		const en = buildMatchesView({ dimensions: profile.dimensions, workValues: ranked, sets: [onet], locale: 'en', limit: 923 });
		const da = buildMatchesView({ dimensions: profile.dimensions, workValues: ranked, sets: [onet], locale: 'da', limit: 20 });
		expect(en.valuesRefined).toBe(true);
		// sorted by fit + bonus, recomputed here from the CSV's columns
		const byId = new Map(onet.opportunities.map((o) => [o.id, o]));
		const keys = en.matches.map((m) => m.fit + valuesBonus(byId.get(m.id)!.workValues, p));
		for (let i = 1; i < keys.length; i++) expect(keys[i - 1]).toBeGreaterThanOrEqual(keys[i]);
		// … which is not the order by fit alone for this client: some near-equal fits changed places
		const byFit = buildMatchesView({ dimensions: profile.dimensions, sets: [onet], locale: 'en', limit: 923 }).matches.map((m) => m.id);
		expect(en.matches.map((m) => m.id)).not.toEqual(byFit);
		expect(new Set(en.matches.map((m) => m.id))).toEqual(new Set(byFit));
		expect(en.matches.filter((m) => byId.get(m.id)!.workValues).every((m) => /^(Fits what you value most|Offers less of what you value most): /.test(m.valuesText ?? ''))).toBe(true);
		expect(da.matches.filter((m) => m.valuesText).every((m) => /^(Passer til|Giver mindre af) det, du sætter højest: /.test(m.valuesText!))).toBe(true);
		// the occupation page says the same as the card
		const first = en.matches.find((m) => m.valuesText)!;
		expect(buildOccupationView({ set: onet, id: first.id, dimensions: profile.dimensions, workValues: ranked, locale: 'en' })!.fit!.valuesText).toBe(first.valuesText);
	});
});
