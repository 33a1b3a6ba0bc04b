// Translated titles in opportunity sets: the title_<locale> / _source columns, the sidecar's
// translations block, Danish titles in the shipped O*NET set, and search and display by locale.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../csv/parse.ts';
import { parseOpportunitySet } from './parse-set.ts';
import { matchOpportunities } from '../matching/match.ts';
import { buildMatchesView, displayTitle } from '../matching/matches-view.ts';
import type { OpportunitySet } from './types.ts';

const dir = fileURLToPath(new URL('../../../../opportunities/', import.meta.url));
const side = {
	title: 'Demo',
	kind: 'occupation',
	licence: 'MIT',
	scale: [1, 7],
	translations: { da: { source: 'Hand-made', licence: 'MIT', attribution: 'Danish: the demo team' } }
};
const CSV = 'id,title,R,I,A,S,E,C,title_da,title_da_source\nn,Nurses,1,2,3,7,2,2,sygeplejerske,exactMatch x\nt,Tapers,7,1,1,1,1,2,,none\n';

function setOf(csv: string, sidecar: unknown = side): OpportunitySet {
	const r = parseOpportunitySet(csv, sidecar, 'demo.csv');
	if (!r.ok) throw new Error(JSON.stringify(r.problems));
	return r.set;
}

describe('translated columns', () => {
	it('reads title_da and its source per row; an empty cell is no translation', () => {
		const set = setOf(CSV);
		expect(set.translations).toEqual({ da: { source: 'Hand-made', licence: 'MIT', attribution: ['Danish: the demo team'] } });
		expect(set.opportunities[0].translations).toEqual({ da: { title: 'sygeplejerske', titleSource: 'exactMatch x' } });
		expect(set.opportunities[1].translations).toEqual({ da: { titleSource: 'none' } });
	});

	it('reads the relation and review date columns of a translated title', () => {
		const set = setOf('id,title,R,I,A,S,E,C,title_da,title_da_source,title_da_relation,title_da_checked\nn,Nurses,1,2,3,7,2,2,sygeplejerske,x,exactMatch,2026-12-08\n');
		expect(set.opportunities[0].translations).toEqual({ da: { title: 'sygeplejerske', titleSource: 'x', titleRelation: 'exactMatch', titleChecked: '2026-12-08' } });
	});

	it('refuses a translated column the sidecar does not account for, naming the column', () => {
		const r = parseOpportunitySet(CSV, { ...side, translations: undefined }, 'demo.csv');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problems).toContainEqual(expect.objectContaining({ row: 1, column: 'title_da', message: expect.stringContaining('"translations" has no "da" entry') }));
	});

	it('refuses a translations block without source or licence, naming the property', () => {
		const r = parseOpportunitySet(CSV, { ...side, translations: { da: { licence: '' } } }, 'demo.csv');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const columns = r.problems.map((p) => p.column);
		expect(columns).toContain('translations.da.source');
		expect(columns).toContain('translations.da.licence');
	});

	it('still refuses unknown columns such as title-da', () => {
		const r = parseOpportunitySet('id,title,R,I,A,S,E,C,title-da\na,A,1,2,3,4,5,6,x\n', side, 'demo.csv');
		expect(r.ok).toBe(false);
	});

	it('shows the Danish title on a Danish page, the marked original where there is none, and the original in English', () => {
		const set = setOf(CSV);
		expect(displayTitle(set.opportunities[0], set, 'da')).toEqual({ title: 'Sygeplejerske', originalTitle: 'Nurses', titleSource: 'exactMatch x' });
		expect(displayTitle(set.opportunities[1], set, 'da')).toEqual({ title: 'Tapers', untranslated: true });
		expect(displayTitle(set.opportunities[0], set, 'en')).toEqual({ title: 'Nurses' });
	});

	it('searches the translated title only for that locale, and adds the translation attribution to the Danish view', () => {
		const set = setOf(CSV);
		const profile = { riasec: [1, 2, 3, 5, 2, 2] };
		const da = matchOpportunities(profile, set, { text: 'SYGEPLEJ', locale: 'da' });
		const en = matchOpportunities(profile, set, { text: 'sygeplej', locale: 'en' });
		expect(da.matchable && da.matches.map((m) => m.id)).toEqual(['n']);
		expect(en.matchable && en.matches).toEqual([]);
		const dims = Object.fromEntries(['R', 'I', 'A', 'S', 'E', 'C'].map((l, k) => [`riasec.${l}`, { score: profile.riasec[k], scale: [1, 5] as [number, number] }]));
		const view = buildMatchesView({ dimensions: dims, sets: [set], limit: 5, locale: 'da', text: 'sygeplejerske' });
		expect(view.matches.map((m) => m.title)).toEqual(['Sygeplejerske']);
		expect(view.source?.attribution).toContain('Danish: the demo team');
		const viewEn = buildMatchesView({ dimensions: dims, sets: [set], limit: 5, locale: 'en' });
		expect(viewEn.source?.attribution).not.toContain('Danish: the demo team');
	});
});

describe('the shipped O*NET set in Danish', () => {
	const csv = readFileSync(dir + 'onet-29-3.csv', 'utf8');
	const r = parseOpportunitySet(csv, JSON.parse(readFileSync(dir + 'onet-29-3.json', 'utf8')), 'onet-29-3.csv');
	if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
	const set = r.set;
	const raw = parseCsv(csv);
	const col = (n: string) => raw.header.indexOf(n);

	it('records for every row the source, relation and date of the hand review, and has a title exactly when it has a source', () => {
		for (const { cells } of raw.rows) {
			const id = cells[col('id')];
			const source = cells[col('title_da_source')];
			const relation = cells[col('title_da_relation')];
			expect(cells[col('title_da_checked')], id).toBe('2026-12-08');
			if (cells[col('title_da')] === '') {
				expect([source, relation], id).toEqual(['', '']);
			} else if (relation === 'iscoGroup' || relation === 'exactISCO') {
				expect(source, id).toMatch(/^http:\/\/data\.europa\.eu\/esco\/isco\/C\d{1,4}$/);
			} else {
				expect(relation, id).toMatch(/^(exactMatch|closeMatch|broadMatch|narrowMatch)$/);
				expect(source, id).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/);
			}
		}
		// The review (docs/opportunity-sets.md): at least 85 % of the occupations keep a Danish title.
		const withTitle = raw.rows.filter(({ cells }) => cells[col('title_da')] !== '').length;
		expect(withTitle).toBe(808);
		expect(withTitle / raw.rows.length).toBeGreaterThanOrEqual(0.85);
	});

	it('no longer shows the wrong titles a hand check found, and marks English where ESCO has no right Danish title', () => {
		const da = (id: string) => set.opportunities.find((o) => o.id === id)?.translations?.da;
		expect(da('31-2021.00')).toMatchObject({ title: 'fysioterapiassistent', titleRelation: 'broadMatch' }); // was "alternativ behandler"
		expect(da('29-1023.00')).toMatchObject({ title: 'specialtandlæge' }); // was "tandtekniker"
		expect(da('27-2022.00')).toMatchObject({ title: 'sportstræner' }); // was "idrætslærer på gymnasieniveau"
		expect(da('25-1194.00')).toMatchObject({ title: 'Undervisning ved erhvervsuddannelser', titleRelation: 'iscoGroup', titleSource: 'http://data.europa.eu/esco/isco/C2320' });
		expect(da('47-2042.00')).toMatchObject({ title: 'gulvlægger — fleksibel belægning' }); // was "… hård træbelægning"
		// ESCO's "Danish" label of the casino cashier is the English word; the English O*NET title is shown instead.
		expect(set.opportunities.filter((o) => o.translations?.da?.title === 'cashier').map((o) => o.id)).toEqual([]);
		expect(da('13-1041.00')).toEqual({ titleChecked: '2026-12-08' }); // Compliance Officers: was "licensgiver"; English now
		expect(displayTitle(set.opportunities.find((o) => o.id === '13-1041.00')!, set, 'da')).toEqual({ title: 'Compliance Officers', untranslated: true });
	});

	it('gives Chief Executives the ESCO Danish label of its exactMatch, and the ESCO attribution on Danish pages', () => {
		const ceo = set.opportunities.find((o) => o.id === '11-1011.00')!;
		// ESCO v1.0.8 Danish preferred label of occupation 6c3fd65e-… (the crosswalk's exactMatch of 11-1011.00)
		expect(ceo.translations?.da).toEqual({
			title: 'administrerende direktør',
			titleSource: 'http://data.europa.eu/esco/occupation/6c3fd65e-2d24-47d8-bc22-9e93512bdcc2',
			titleRelation: 'exactMatch',
			titleChecked: '2026-12-08'
		});
		expect(set.translations?.da.attribution).toContain('Danish occupation titles: ESCO v1.0.8 © European Union, https://esco.ec.europa.eu');
		const found = matchOpportunities({ riasec: [1, 3, 2, 3, 5, 4] }, set, { text: 'direktør', locale: 'da' });
		expect(found.matchable && found.matches.some((m) => m.id === '11-1011.00')).toBe(true);
	});

	it('describes each job zone in plain words in both languages', () => {
		expect(Object.keys(set.levelDescriptions ?? {})).toEqual(['1', '2', '3', '4', '5']);
		for (const d of Object.values(set.levelDescriptions ?? {})) {
			expect(typeof d === 'object' && d.default && d.da).toBeTruthy();
		}
	});
});
