import { CsvError, parseCsv } from '../csv/parse.ts';
import type { LocalizedString } from '../questionnaire/types.ts';
import { isLocalizedString } from '../opportunities/sidecar.ts';
import {
	CODE_SYSTEMS,
	INDICATORS,
	PROSPECTS,
	type CodeSystem,
	type Indicator,
	type LabourMarketProblem,
	type LabourMarketRow,
	type LabourMarketTable,
	type LabourMarketTableResult
} from './types.ts';

const REQUIRED = ['code_system', 'code', 'indicator', 'value', 'unit', 'area', 'period'];
const OPTIONAL = ['label', 'source', 'url', 'licence'];
const MAX_PROBLEMS = 100;
const CODE: Record<CodeSystem, RegExp> = {
	'onet-soc': /^\d{2}-\d{4}\.\d{2}$/,
	soc: /^\d{2}-\d{4}$/,
	isco: /^\d{1,4}$/,
	esco: /^http:\/\/data\.europa\.eu\/esco\/(occupation|isco)\/\S+$/
};
const NUMBER = /^(>=)?[+-]?(\d+(\.\d*)?|\.\d+)$/;
const PERIOD = /^\d{4}(-\d{4})?(-(H1|H2|Q[1-4]))?$/;
const AREA = /^[A-Za-z0-9-]{1,20}$/;
const CURRENCY = /^[A-Z]{3}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** The unit an indicator must have; `median_wage_annual` takes any 3-letter currency code. */
function unitOk(indicator: Indicator, unit: string): string | null {
	const want: Record<Indicator, string> = {
		employment: 'persons',
		employment_change_pct: 'percent',
		openings_annual: 'persons_per_year',
		median_wage_annual: 'a currency code such as USD or DKK',
		job_prospects: 'rating',
		entry_education: 'text',
		work_experience: 'text',
		on_the_job_training: 'text'
	};
	if (indicator === 'median_wage_annual') return CURRENCY.test(unit) ? null : want[indicator];
	return unit === want[indicator] ? null : want[indicator];
}

function parseSidecar(sidecar: unknown, id: string, file: string, problems: LabourMarketProblem[]) {
	const problem = (column: string, message: string) => problems.push({ file, column, message });
	if (!isRecord(sidecar)) {
		problems.push({ file, message: 'the sidecar must be a JSON object' });
		return undefined;
	}
	const s = sidecar;
	if (s.id !== undefined && s.id !== id) problem('id', `id ${JSON.stringify(s.id)} does not match the file name (expected "${id}")`);
	if (!isLocalizedString(s.title)) problem('title', 'title is required (a string, or an object with a "default")');
	if (!isLocalizedString(s.shortSource)) problem('shortSource', 'shortSource is required: a short caption of the source, e.g. "BLS 2024–34"');
	if (!nonEmpty(s.source)) problem('source', 'source is required: where the figures come from, in words');
	if (!nonEmpty(s.licence)) problem('licence', 'licence is required');
	if (s.url !== undefined && !(nonEmpty(s.url) && /^https?:\/\/\S+$/.test(s.url))) problem('url', 'url must start with http:// or https://');
	const attribution = s.attribution === undefined ? [] : typeof s.attribution === 'string' ? [s.attribution] : s.attribution;
	if (!Array.isArray(attribution) || !attribution.every(nonEmpty)) problem('attribution', 'attribution must be a string or a list of strings');
	const areas: Record<string, LocalizedString> = {};
	if (!isRecord(s.areas) || Object.keys(s.areas).length === 0) problem('areas', 'areas is required: an object of area code → name, e.g. { "US": "USA" }');
	else {
		for (const [code, name] of Object.entries(s.areas)) {
			if (!AREA.test(code)) problem(`areas.${code}`, `"${code}" is not an area code (letters, digits and "-", e.g. "DK-84")`);
			else if (!isLocalizedString(name)) problem(`areas.${code}`, `areas.${code} must be a name (a string, or an object with a "default")`);
			else areas[code] = name;
		}
	}
	if (!nonEmpty(s.defaultArea) || !(s.defaultArea in areas)) problem('defaultArea', 'defaultArea is required and must be one of the areas');
	if (s.illustrative !== undefined && typeof s.illustrative !== 'boolean') problem('illustrative', 'illustrative must be true or false');
	if (problems.length > 0) return undefined;
	return {
		title: s.title as LocalizedString,
		shortSource: s.shortSource as LocalizedString,
		source: String(s.source),
		...(nonEmpty(s.url) ? { url: s.url } : {}),
		licence: String(s.licence),
		attribution: attribution as string[],
		areas,
		defaultArea: String(s.defaultArea),
		...(s.illustrative === true ? { illustrative: true } : {})
	};
}

/**
 * Reads a labour-market table (docs/labour-market.md): CSV columns `code_system,code,indicator,value,unit,
 * area,period` and optional `label,source,url,licence` (any order; an empty `source`, `url` or `licence` takes
 * the sidecar's), and its parsed JSON sidecar (`title`, `shortSource`, `source`, `licence`, `areas`,
 * `defaultArea`, optional `url`, `attribution`, `illustrative`).
 * Checks every row: a known code system and a code in its form; a known indicator with its unit; a number for
 * number indicators (`>=` marks a floor), `very-good|good|limited` for `job_prospects`; an area the sidecar
 * names; a period `2024`, `2024-2034`, `2025-H1` or `2025-Q3`; one figure per code, indicator, area and period.
 * A table with any problem is refused as a whole; every problem names the file, the line and the column.
 *
 * Reference: docs/labour-market.md; CSV per RFC 4180 (see `parseCsv`).
 * @example parseLabourMarketTable('code_system,code,indicator,value,unit,area,period\nsoc,15-1252,employment_change_pct,15.8,percent,US,2024-2034\n', sidecar, 'bls.csv')
 * // → { ok: true, table: { id: 'bls', …, rows: [{ codeSystem: 'soc', code: '15-1252', indicator: 'employment_change_pct', value: 15.8, … }] } }
 */
export function parseLabourMarketTable(csvText: string, sidecar: unknown, fileName: string): LabourMarketTableResult {
	const base = fileName.split(/[\\/]/).pop() ?? fileName;
	const id = base.replace(/\.(csv|json)$/i, '');
	const problems: LabourMarketProblem[] = [];
	const side = parseSidecar(sidecar, id, `${id}.json`, problems);
	const add = (p: Omit<LabourMarketProblem, 'file'>) => problems.push({ file: base, ...p });

	let parsed: ReturnType<typeof parseCsv>;
	try {
		parsed = parseCsv(csvText);
	} catch (e) {
		if (e instanceof CsvError) {
			add({ row: e.line, message: e.message });
			return { ok: false, problems };
		}
		throw e;
	}
	const header = parsed.header.map((h) => h.trim());
	const col = new Map<string, number>();
	header.forEach((h, i) => {
		if (col.has(h)) add({ row: 1, column: h, message: `column "${h}" appears more than once` });
		else if (!REQUIRED.includes(h) && !OPTIONAL.includes(h)) add({ row: 1, column: h, message: `unknown column "${h}" (allowed: ${[...REQUIRED, ...OPTIONAL].join(', ')})` });
		else col.set(h, i);
	});
	for (const r of REQUIRED) if (!col.has(r)) add({ row: 1, column: r, message: `required column "${r}" is missing` });
	if (problems.length > 0 || !side) return { ok: false, problems };
	if (parsed.rows.length === 0) {
		add({ message: 'the table has no figures (only a header)' });
		return { ok: false, problems };
	}

	const rows: LabourMarketRow[] = [];
	const seen = new Map<string, number>();
	for (const { line, cells } of parsed.rows) {
		if (problems.length >= MAX_PROBLEMS) break;
		if (cells.length !== header.length) {
			add({ row: line, message: `has ${cells.length} cells, but the header has ${header.length} columns` });
			continue;
		}
		const cell = (name: string): string => {
			const i = col.get(name);
			return i === undefined ? '' : cells[i].trim();
		};
		const before = problems.length;
		const system = cell('code_system') as CodeSystem;
		const code = cell('code');
		if (!CODE_SYSTEMS.includes(system)) add({ row: line, column: 'code_system', message: `code_system "${system}" is not one of ${CODE_SYSTEMS.join(', ')}` });
		else if (!CODE[system].test(code)) add({ row: line, column: 'code', message: `"${code}" is not a ${system} code${system === 'soc' ? ' (e.g. 15-1252)' : system === 'onet-soc' ? ' (e.g. 15-1252.00)' : system === 'isco' ? ' (1–4 digits)' : ' (an ESCO URI)'}` });
		const indicator = cell('indicator') as Indicator;
		const unit = cell('unit');
		const raw = cell('value');
		let value: number | string = raw;
		let atLeast = false;
		if (!(indicator in INDICATORS)) {
			add({ row: line, column: 'indicator', message: `indicator "${indicator}" is not one of ${Object.keys(INDICATORS).join(', ')}` });
		} else {
			const wrongUnit = unitOk(indicator, unit);
			if (wrongUnit) add({ row: line, column: 'unit', message: `unit "${unit}" does not fit ${indicator} (expected ${wrongUnit})` });
			const kind = INDICATORS[indicator];
			if (raw === '') add({ row: line, column: 'value', message: 'value is empty (leave the row out when there is no figure)' });
			else if (kind === 'number') {
				if (!NUMBER.test(raw)) add({ row: line, column: 'value', message: `value "${raw}" is not a number (use a point as decimal mark, no thousands separators; ">=" marks a floor)` });
				else {
					atLeast = raw.startsWith('>=');
					value = Number(atLeast ? raw.slice(2) : raw);
				}
			} else if (kind === 'rating' && !(PROSPECTS as readonly string[]).includes(raw)) {
				add({ row: line, column: 'value', message: `value "${raw}" is not one of ${PROSPECTS.join(', ')}` });
			}
		}
		const area = cell('area');
		if (!(area in side.areas)) add({ row: line, column: 'area', message: `area "${area}" is not in the sidecar's areas (${Object.keys(side.areas).join(', ')})` });
		const period = cell('period');
		if (!PERIOD.test(period)) add({ row: line, column: 'period', message: `period "${period}" is not a year (2024), a span (2024-2034) or a half or quarter year (2025-H1, 2025-Q3)` });
		const url = cell('url');
		if (url !== '' && !/^https?:\/\/\S+$/.test(url)) add({ row: line, column: 'url', message: `url "${url}" must start with http:// or https://` });
		const key = `${system} ${code} ${indicator} ${area} ${period}`;
		if (problems.length === before) {
			if (seen.has(key)) add({ row: line, message: `a second ${indicator} for ${code}, ${area}, ${period} (first on line ${seen.get(key)})` });
			else seen.set(key, line);
		}
		if (problems.length === before) {
			const label = cell('label');
			rows.push({
				codeSystem: system,
				code,
				...(label ? { label } : {}),
				indicator,
				value,
				...(atLeast ? { atLeast } : {}),
				unit,
				area,
				period,
				source: cell('source') || side.source,
				...(url || side.url ? { url: url || side.url } : {}),
				licence: cell('licence') || side.licence,
				line
			});
		}
	}
	if (problems.length >= MAX_PROBLEMS) add({ message: `stopped after ${MAX_PROBLEMS} problems; fix these and check again` });
	if (problems.length > 0) return { ok: false, problems };
	const table: LabourMarketTable = { id, ...side, rows };
	return { ok: true, table };
}
