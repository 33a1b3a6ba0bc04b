// The profile export (docs/profile-export.md) built from real questionnaires scored by the real core, checked
// field by field and against the published JSON Schema (static/schema/profile-v1.json) with ajv.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse.ts';
import { pearson } from '../analysis/correlation.ts';
import { parseOpportunitySet } from '../opportunities/parse-set.ts';
import type { OpportunitySet } from '../opportunities/types.ts';
import type { Answers, Questionnaire } from '../questionnaire/types.ts';
import { scoreResponse } from '../scoring/score.ts';
import { buildProfile, type CompletedResult } from './build.ts';
import { buildProfileExport, PROFILE_SCHEMA_URL, type ProfileExport } from './export.ts';
import { PROFILE_CSV_COLUMNS, profileExportCsv } from './export-csv.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');
const questionnaire = (id: string) => JSON.parse(read(`questionnaires/${id}.json`)) as Questionnaire;
const schema = JSON.parse(read('static/schema/profile-v1.json'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const onet = (() => {
	const r = parseOpportunitySet(read('opportunities/onet-29-3.csv'), JSON.parse(read('opportunities/onet-29-3.json')), 'onet-29-3.csv');
	if (!r.ok) throw new Error('onet-29-3 did not parse');
	return r.set;
})();

const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
/** Every item of a type answered with that type's value: each scale mean equals it. */
function riasecAnswers(values: Record<(typeof TYPES)[number], number>): Answers {
	const a: Answers = {};
	for (const t of TYPES) for (let i = 1; i <= 8; i++) a[`${t}${i}`] = values[t];
	return a;
}

function completed(id: string, answers: Answers, completedAt: string, norm?: string): CompletedResult {
	const q = questionnaire(id);
	return {
		responseId: `${id}-${completedAt}`,
		instrumentId: id,
		version: q.version,
		completedAt,
		questionnaire: q,
		result: scoreResponse(q, answers, norm ? { norm } : {})
	};
}

const bigFiveAnswers: Answers = Object.fromEntries(
	['EXT', 'AGR', 'CSN', 'EST', 'OPN'].flatMap((p) => Array.from({ length: 10 }, (_, i) => [`${p}${i + 1}`, 4]))
);

// R 2, I 4, A 3, S 5, E 1, C 2 → Holland code SIA
const riasec = completed('riasec-48', riasecAnswers({ R: 2, I: 4, A: 3, S: 5, E: 1, C: 2 }), '2026-11-20T09:00:00.000Z');
const older = completed('riasec-48', riasecAnswers({ R: 5, I: 1, A: 1, S: 1, E: 1, C: 1 }), '2026-10-01T09:00:00.000Z');
const bigFive = completed('big-five-ipip-50', bigFiveAnswers, '2026-11-21T09:00:00.000Z');
const NOW = new Date('2026-11-26T10:00:00.123Z');

function exportOf(results: CompletedResult[], opportunities: OpportunitySet | null = onet, locale = 'da'): ProfileExport {
	return buildProfileExport({ subjectId: 'user-123', locale, profile: buildProfile(results), generatedAt: NOW, opportunities });
}

describe('buildProfileExport', () => {
	const doc = exportOf([older, riasec, bigFive]);

	it('validates against the published schema', () => {
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
	});

	it('carries the header fields of docs/profile-export.md', () => {
		expect(doc.schema).toBe(PROFILE_SCHEMA_URL);
		expect(schema.$id).toBe(PROFILE_SCHEMA_URL);
		expect(doc.subject).toEqual({ id: 'user-123', locale: 'da' });
		expect(doc.generatedAt).toBe('2026-11-26T10:00:00Z');
		expect(Object.keys(doc)).toEqual(['schema', 'subject', 'generatedAt', 'dimensions', 'codes', 'results', 'matches', 'matchSource']);
	});

	it('has the dimensions and codes of the latest results', () => {
		expect(doc.dimensions['riasec.S']).toMatchObject({ score: 5, scale: [1, 5], from: 'riasec-48@1.1.0' });
		expect(doc.dimensions['riasec.R'].score).toBe(2); // the older result (R = 5) is history
		expect(doc.dimensions['bigfive.E']).toMatchObject({ score: 3, scale: [1, 5], from: 'big-five-ipip-50@1.0.0' });
		expect(doc.dimensions['bigfive.E'].percentile).toBeGreaterThan(0);
		expect(doc.codes).toEqual({ holland: 'SIA' });
	});

	it('has one result per instrument, newest first, with every scale field', () => {
		expect(doc.results.map((r) => [r.instrument, r.completedAt])).toEqual([
			['big-five-ipip-50', '2026-11-21T09:00:00.000Z'],
			['riasec-48', '2026-11-20T09:00:00.000Z']
		]);
		const social = doc.results[1].scales.find((s) => s.id === 'social')!;
		// riasec-48 has norms (from 1.1.0): every scale field is there; sten = round(5.5 + 2 · 2.073) = 10; the band is by percentile (98 → the top one)
		expect(Object.keys(social)).toEqual(['id', 'score', 'answered', 'z', 't', 'percentile', 'sten', 'band', 'ci90']);
		expect(social).toMatchObject({ id: 'social', score: 5, answered: 8, sten: 10, band: 'Større interesse end de fleste' });
		expect(social.percentile).toBeCloseTo(98.09205647808521, 8);
		expect(doc.results[1].codes).toEqual({ holland: { code: 'SIA', ties: [] } });
		const extraversion = doc.results[0].scales.find((s) => s.id === 'extraversion')!;
		// EXT answered 4 everywhere with 5 reversed items: (5·4 + 5·2)/10 = 3
		expect(extraversion.score).toBe(3);
		const z = (3 - 3.011) / 0.922;
		expect(extraversion.z).toBeCloseTo(z, 12);
		expect(extraversion.t).toBeCloseTo(50 + 10 * z, 12);
		expect(extraversion.sten).toBe(5);
		const sem = 0.922 * Math.sqrt(1 - 0.892);
		expect(extraversion.ci90!.score.low).toBeCloseTo(3 - 1.645 * sem, 12);
		expect(extraversion.ci90!.score.high).toBeCloseTo(3 + 1.645 * sem, 12);
		expect(typeof extraversion.band).toBe('string');
	});

	it('gives band labels in the subject\'s locale', () => {
		const en = exportOf([riasec], null, 'en');
		expect(en.results[0].scales.find((s) => s.id === 'social')!.band).toBe('More interest than most');
		const da = exportOf([riasec], null, 'da');
		expect(da.results[0].scales.find((s) => s.id === 'social')!.band).toBe('Større interesse end de fleste');
	});

	it('gives interest scales z, percentile and a 90 % band from the RIASEC-48 norm, and keeps the Holland code on the raw means', () => {
		const doc = exportOf([riasec], null, 'en');
		const social = doc.results[0].scales.find((s) => s.id === 'social')!;
		// Norm (cleaned OSPP sample): S mean 3.101, SD 0.916, alpha 0.848. z = (5 − 3.101) / 0.916;
		// percentile = 100·Φ(z) and the 90 % band = 5 ± 1.645 · 0.916 · √(1 − 0.848), by hand with erf.
		expect(social.score).toBe(5);
		expect(social.z).toBeCloseTo(2.0731441048034935, 12);
		expect(social.t).toBeCloseTo(70.73144104803494, 10);
		expect(social.percentile).toBeCloseTo(98.09205647808521, 8);
		expect(social.ci90!.score.low).toBeCloseTo(4.412533413814198, 12);
		expect(social.ci90!.score.high).toBeCloseTo(5.587466586185802, 12);
		const realistic = doc.results[0].scales.find((s) => s.id === 'realistic')!;
		// R 2 against mean 2.083, SD 0.868: z = −0.0956…, percentile 46.19 → the middle band
		expect(realistic.percentile).toBeCloseTo(46.191034831365144, 8);
		expect(realistic.band).toBe('About as much interest as most');
		expect(doc.codes.holland).toBe('SIA');
		expect(doc.dimensions['riasec.S'].score).toBe(5);
	});

	it('lists the top 10 O*NET matches with fit = Pearson r of the six scores, rounded to 3 decimals', () => {
		expect(doc.matches).toHaveLength(10);
		const client = [2, 4, 3, 5, 1, 2];
		// independently: r against every occupation in the CSV, best first
		const { rows } = parseCsv(read('opportunities/onet-29-3.csv'));
		const ranked = rows
			.map(({ cells }) => ({ id: cells[0], r: pearson(client, cells.slice(2, 8).map(Number))! }))
			.sort((a, b) => b.r - a.r);
		expect(doc.matches[0].id).toBe(ranked[0].id);
		for (const m of doc.matches) {
			const r = ranked.find((x) => x.id === m.id)!.r;
			expect(m.fit).toBeCloseTo(r, 3);
			expect(m.fit).toBe(Math.round(r * 1000) / 1000);
		}
		expect(doc.matches.map((m) => m.fit)).toEqual([...doc.matches.map((m) => m.fit)].sort((a, b) => b - a));
		expect(doc.matches[0].why[0]).toBe('S');
		expect(doc.matchSource).toEqual({ set: 'onet-29-3', title: 'Erhverv (O*NET 29.3)', licence: 'CC BY 4.0', attribution: onet.attribution });
		expect(doc.matchSource!.attribution[0]).toContain('O*NET 29.3 Database');
	});

	it('has no matches (and no match source) without a RIASEC result, for a flat profile, or without a set', () => {
		const cases = [
			exportOf([bigFive]),
			exportOf([completed('riasec-48', riasecAnswers({ R: 3, I: 3, A: 3, S: 3, E: 3, C: 3 }), '2026-11-20T09:00:00.000Z')]),
			exportOf([riasec], null)
		];
		for (const d of cases) {
			expect(d.matches).toEqual([]);
			expect(d).not.toHaveProperty('matchSource');
			expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
		}
	});

	it('exports an empty profile', () => {
		const d = exportOf([]);
		expect(d).toEqual({ schema: PROFILE_SCHEMA_URL, subject: { id: 'user-123', locale: 'da' }, generatedAt: '2026-11-26T10:00:00Z', dimensions: {}, codes: {}, results: [], matches: [] });
		expect(validate(d)).toBe(true);
	});

	it('keeps an unscored scale with null and its reason', () => {
		const few = completed('riasec-48', { R1: 3, R2: 3 }, '2026-11-20T09:00:00.000Z');
		const d = exportOf([few]);
		const realistic = d.results[0].scales.find((s) => s.id === 'realistic')!;
		expect(realistic.score).toBeNull();
		expect(realistic.reason).toMatch(/answered/);
		expect(d.results[0].codes.holland.code).toBeNull();
		expect(d.dimensions).toEqual({});
		expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
	});

	it('refuses a bad date and a missing subject', () => {
		expect(() => buildProfileExport({ subjectId: 'u', locale: 'en', profile: buildProfile([]), generatedAt: new Date('x') })).toThrow(/generatedAt/);
		expect(() => buildProfileExport({ subjectId: '', locale: 'en', profile: buildProfile([]), generatedAt: NOW })).toThrow(/subjectId/);
	});
});

describe('the profile-v1 schema refuses broken documents', () => {
	const good = () => structuredClone(exportOf([riasec, bigFive])) as unknown as Record<string, unknown> & ProfileExport;

	it.each<[string, (d: ReturnType<typeof good>) => void, string]>([
		['a missing required field', (d) => delete (d as Partial<ProfileExport>).subject, "must have required property 'subject'"],
		['a missing scale field', (d) => delete (d.results[0].scales[0] as Partial<{ z: unknown }>).z, "must have required property 'z'"],
		['a wrong type', (d) => ((d as Record<string, unknown>).generatedAt = 1764151200), 'must be string'],
		['a score as a string', (d) => ((d.results[0].scales[0] as { score: unknown }).score = '3.1'), 'must be number,null'],
		['an unknown top-level field', (d) => (d.extra = true), 'must NOT have additional properties'],
		['another schema version', (d) => ((d as { schema: string }).schema = 'https://spejl.example/schema/profile-v2.json'), 'must be equal to constant'],
		['a fit above 1', (d) => (d.matches[0].fit = 1.2), 'must be <= 1'],
		['a letter that is not RIASEC', (d) => (d.matches[0].why = ['X']), 'must be equal to one of the allowed values'],
		['a dimension without its scale', (d) => delete (d.dimensions['riasec.R'] as Partial<{ scale: unknown }>).scale, "must have required property 'scale'"],
		['a dimension name without a namespace', (d) => (d.dimensions['R'] = d.dimensions['riasec.R']), 'must match pattern']
	])('%s', (_, breakIt, message) => {
		const d = good();
		expect(validate(d)).toBe(true);
		breakIt(d);
		expect(validate(d)).toBe(false);
		expect(validate.errors!.map((e) => e.message).join('; ')).toContain(message);
	});
});

describe('profileExportCsv', () => {
	const doc = exportOf([riasec, bigFive]);
	const csv = profileExportCsv(doc);
	const { header, rows } = parseCsv(csv);

	it('has the columns and one row per scale result', () => {
		expect(header).toEqual([...PROFILE_CSV_COLUMNS]);
		expect(rows).toHaveLength(6 + 5);
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('writes the numbers of the export, empty cells for missing ones', () => {
		const cells = (instrument: string, scale: string) => {
			const row = rows.find((r) => r.cells[0] === instrument && r.cells[3] === scale)!;
			return Object.fromEntries(header.map((h, i) => [h, row.cells[i]]));
		};
		const social = doc.results[1].scales.find((s) => s.id === 'social')!;
		expect(cells('riasec-48', 'social')).toEqual({
			instrument: 'riasec-48', version: '1.1.0', completedAt: '2026-11-20T09:00:00.000Z', scale: 'social',
			score: '5', answered: '8', z: String(social.z), t: String(social.t), percentile: String(social.percentile), sten: '10',
			band: 'Større interesse end de fleste', ci90_low: String(social.ci90!.score.low), ci90_high: String(social.ci90!.score.high)
		});
		const unscored = doc.results[0].scales.find((s) => s.z === null);
		expect(unscored).toBeUndefined(); // every Big Five scale is normed too
		const e = doc.results[0].scales.find((s) => s.id === 'extraversion')!;
		const ext = cells('big-five-ipip-50', 'extraversion');
		expect(Number(ext.z)).toBe(e.z);
		expect(Number(ext.percentile)).toBe(e.percentile);
		expect(Number(ext.ci90_low)).toBe(e.ci90!.score.low);
		expect(Number(ext.ci90_high)).toBe(e.ci90!.score.high);
	});

	it('quotes text and defuses spreadsheet formulas', () => {
		const d = structuredClone(doc);
		d.results[1].scales[0].band = '=HYPERLINK("x"), or so';
		const { rows } = parseCsv(profileExportCsv(d));
		expect(rows.find((r) => r.cells[3] === d.results[1].scales[0].id)!.cells[10]).toBe('\'=HYPERLINK("x"), or so');
	});

	it('is just the header for an empty profile', () => {
		expect(profileExportCsv(exportOf([]))).toBe(PROFILE_CSV_COLUMNS.join(',') + '\r\n');
	});
});
