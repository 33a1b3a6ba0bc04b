import { localize } from '../localize.ts';
import type { CodeSystem, LabourMarketRow, LabourMarketTable, Prospect } from './types.ts';

/** A number with the period it is for; `atLeast` when the source gives a floor. */
export interface Figure {
	value: number;
	atLeast?: boolean;
	period: string;
}

/** Projected growth in words, relative to all occupations of the same table and area (see `growthBand`). */
export type GrowthBand = 'much-faster' | 'faster' | 'average' | 'slower' | 'declining';

/** What one table says about one occupation in one area. */
export interface FactGroup {
	tableId: string;
	/** The table's title and short caption, in the reader's language. */
	title: string;
	shortSource: string;
	area: string;
	areaName: string;
	illustrative?: boolean;
	/**
	 * The code the figures are for: the occupation's own (`same`), a group it belongs to (`group`: a SOC broad or
	 * minor group, an ISCO unit group), or an ESCO occupation the set links it to (`related`).
	 */
	via: { codeSystem: CodeSystem; code: string; label?: string; kind: 'same' | 'group' | 'related' };
	employment?: Figure;
	changePct?: Figure;
	openings?: Figure;
	wage?: Figure & { currency: string };
	prospects?: { value: Prospect; period: string };
	entryEducation?: string;
	workExperience?: string;
	training?: string;
	/** Derived: growth in words against the all-occupations rate (`referenceChangePct`), when the table has it. */
	growth?: GrowthBand;
	referenceChangePct?: number;
	/** Derived: growth at least twice the all-occupations rate, or at least 100,000 openings a year. */
	brightOutlook?: boolean;
	source: string;
	url?: string;
	licence: string;
	attribution: string[];
}

/** The all-occupations total in SOC (`00-0000`): the reference for growth in words. */
export const ALL_OCCUPATIONS_SOC = '00-0000';
/** Openings a year from which an occupation has a bright outlook, whatever its growth. */
export const BRIGHT_OPENINGS = 100_000;

/**
 * Growth in words, relative to the all-occupations rate `all` (in percent) of the same table, area and period:
 * much faster than average from 2 × `all`; faster from `all` + 1 point; about average within 1 point of `all`;
 * slower from 0 up to `all` − 1 point; declining below 0.
 *
 * Reference: docs/labour-market.md ("Derived figures").
 * @example growthBand(7.0, 3.1) // → 'much-faster'
 */
export function growthBand(change: number, all: number): GrowthBand {
	if (change < 0) return 'declining';
	if (change >= 2 * all) return 'much-faster';
	if (change >= all + 1) return 'faster';
	if (change >= all - 1) return 'average';
	return 'slower';
}

type Index = Map<string, LabourMarketRow[]>;
const indexes = new WeakMap<LabourMarketTable, Index>();
function indexOf(table: LabourMarketTable): Index {
	let ix = indexes.get(table);
	if (!ix) {
		ix = new Map();
		for (const r of table.rows) {
			const k = `${r.codeSystem} ${r.code}`;
			const list = ix.get(k);
			if (list) list.push(r);
			else ix.set(k, [r]);
		}
		indexes.set(table, ix);
	}
	return ix;
}

/** The codes to look up for an occupation, best first: O*NET-SOC, SOC detailed, SOC broad and minor group, ISCO, ESCO. */
function candidates(o: { id: string; isco?: string[]; esco?: string[] }): { codeSystem: CodeSystem; code: string; kind: FactGroup['via']['kind'] }[] {
	const out: ReturnType<typeof candidates> = [];
	if (/^\d{2}-\d{4}\.\d{2}$/.test(o.id)) {
		const soc = o.id.slice(0, 7);
		out.push({ codeSystem: 'onet-soc', code: o.id, kind: 'same' }, { codeSystem: 'soc', code: soc, kind: 'same' });
		const broad = `${soc.slice(0, 6)}0`;
		const minor = `${soc.slice(0, 5)}00`;
		if (broad !== soc) out.push({ codeSystem: 'soc', code: broad, kind: 'group' });
		if (minor !== broad) out.push({ codeSystem: 'soc', code: minor, kind: 'group' });
	}
	for (const c of o.isco ?? []) out.push({ codeSystem: 'isco', code: c, kind: 'group' });
	for (const c of o.esco ?? []) out.push({ codeSystem: 'esco', code: c, kind: 'related' });
	return out;
}

function figure(r: LabourMarketRow): Figure {
	return { value: Number(r.value), ...(r.atLeast ? { atLeast: true } : {}), period: r.period };
}

/** The latest row of `indicator` among `rows` (periods compare as text: 2025-H2 after 2025-H1). */
function latest(rows: LabourMarketRow[], indicator: LabourMarketRow['indicator']): LabourMarketRow | undefined {
	return rows.filter((r) => r.indicator === indicator).sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0))[0];
}

function groupFor(table: LabourMarketTable, rows: LabourMarketRow[], via: FactGroup['via'], area: string, locale: string): FactGroup {
	const g: FactGroup = {
		tableId: table.id,
		title: localize(table.title, locale),
		shortSource: localize(table.shortSource, locale),
		area,
		areaName: localize(table.areas[area], locale),
		...(table.illustrative ? { illustrative: true } : {}),
		via,
		source: rows[0].source,
		...(rows[0].url ? { url: rows[0].url } : {}),
		licence: rows[0].licence,
		attribution: table.attribution
	};
	const employment = latest(rows, 'employment');
	if (employment) g.employment = figure(employment);
	const change = latest(rows, 'employment_change_pct');
	if (change) g.changePct = figure(change);
	const openings = latest(rows, 'openings_annual');
	if (openings) g.openings = figure(openings);
	const wage = latest(rows, 'median_wage_annual');
	if (wage) g.wage = { ...figure(wage), currency: wage.unit };
	const prospects = latest(rows, 'job_prospects');
	if (prospects) g.prospects = { value: prospects.value as Prospect, period: prospects.period };
	const text = (i: LabourMarketRow['indicator']) => latest(rows, i)?.value as string | undefined;
	const entry = text('entry_education');
	if (entry) g.entryEducation = entry;
	const experience = text('work_experience');
	if (experience) g.workExperience = experience;
	const training = text('on_the_job_training');
	if (training) g.training = training;
	if (change) {
		const ref = indexOf(table)
			.get(`soc ${ALL_OCCUPATIONS_SOC}`)
			?.find((r) => r.indicator === 'employment_change_pct' && r.area === area && r.period === change.period);
		if (ref) {
			const all = Number(ref.value);
			g.referenceChangePct = all;
			g.growth = growthBand(Number(change.value), all);
			g.brightOutlook = Number(change.value) >= 2 * all || (openings !== undefined && openings.period === change.period && Number(openings.value) >= BRIGHT_OPENINGS);
		}
	}
	return g;
}

/**
 * What the loaded tables say about one occupation, for the reader's chosen `area`: per table, the figures of the
 * first code that has any in that area (the occupation's own code first, then its groups; see `candidates`), or
 * else in the table's default area. Tables with figures for the chosen area come first, so local figures stand
 * in place of, or beside, national or foreign ones. Pure.
 *
 * Reference: docs/labour-market.md.
 * @example factsFor({ id: '15-1252.00' }, [bls], 'US', 'en')[0].via // → { codeSystem: 'soc', code: '15-1252', kind: 'same', label: 'Software developers' }
 */
export function factsFor(
	o: { id: string; isco?: string[]; esco?: string[] },
	tables: readonly LabourMarketTable[],
	area: string | null,
	locale: string
): FactGroup[] {
	const out: FactGroup[] = [];
	const codes = candidates(o);
	for (const table of tables) {
		const ix = indexOf(table);
		const areas = [...new Set([area, table.defaultArea].filter((a): a is string => !!a && a in table.areas))];
		let found: FactGroup | undefined;
		for (const a of areas) {
			for (const c of codes) {
				const rows = ix.get(`${c.codeSystem} ${c.code}`)?.filter((r) => r.area === a);
				if (rows && rows.length > 0) {
					const label = rows.find((r) => r.label)?.label;
					found = groupFor(table, rows, { codeSystem: c.codeSystem, code: c.code, kind: c.kind, ...(label ? { label } : {}) }, a, locale);
					break;
				}
			}
			if (found) break;
		}
		if (found) out.push(found);
	}
	return area ? [...out.filter((g) => g.area === area), ...out.filter((g) => g.area !== area)] : out;
}

/** The areas the tables have figures for, with their names, for an area choice; table order, then file order. */
export function areasOf(tables: readonly LabourMarketTable[], locale: string): { code: string; name: string }[] {
	const seen = new Map<string, string>();
	for (const t of tables) for (const [code, name] of Object.entries(t.areas)) if (!seen.has(code)) seen.set(code, localize(name, locale));
	return [...seen].map(([code, name]) => ({ code, name }));
}
