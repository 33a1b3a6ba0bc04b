import { CsvError, parseCsv } from '../csv/parse.ts';
import { parseSidecar } from './sidecar.ts';
import type { Opportunity, OpportunityProblem, OpportunitySetResult, Riasec, WorkValues } from './types.ts';
import { WORK_VALUE_COLUMNS, WORK_VALUE_SCALE } from './work-values.ts';

export const RIASEC_COLUMNS = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
const REQUIRED = ['id', 'title', ...RIASEC_COLUMNS];
const OPTIONAL = ['level', 'url', 'isco', 'esco', 'description', ...WORK_VALUE_COLUMNS];
/**
 * `title_da`, `description_da`, and their provenance columns: `title_da_source` (where the text comes from),
 * `title_da_relation` (how the source concept relates to the opportunity) and `title_da_checked` (when a person
 * checked it), the same three for `description_da`.
 */
const TRANSLATED = /^(title|description)_([a-z]{2,3}(?:-[A-Za-z0-9]+)*)(?:_(source|relation|checked))?$/;
const PROVENANCE_KEY = {
	title: { source: 'titleSource', relation: 'titleRelation', checked: 'titleChecked' },
	description: { source: 'descriptionSource', relation: 'descriptionRelation', checked: 'descriptionChecked' }
} as const;
/** More problems than this are summarised, so a wrong file does not flood the screen. */
const MAX_PROBLEMS = 100;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const ISCO = /^\d{1,4}$/;

/** `dir/onet-29-3.csv` → `onet-29-3`. */
function stem(fileName: string): string {
	const base = fileName.split(/[\\/]/).pop() ?? fileName;
	return base.replace(/\.(csv|json)$/i, '');
}

function splitList(cell: string): string[] {
	return cell
		.split('|')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** The row's non-empty translated cells by locale, or undefined when it has none. */
function translatedCells(
	header: readonly string[],
	cell: (name: string) => string | undefined
): Opportunity['translations'] {
	const out: NonNullable<Opportunity['translations']> = {};
	for (const h of header) {
		const m = TRANSLATED.exec(h);
		const value = m ? cell(h) : undefined;
		if (!m || !value) continue;
		const [, field, locale, kind] = m;
		const f = field as 'title' | 'description';
		const key = kind ? PROVENANCE_KEY[f][kind as 'source' | 'relation' | 'checked'] : f;
		(out[locale] ??= {})[key] = value;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Reads an opportunity set (docs/opportunity-sets.md): the CSV text with columns `id,title,R,I,A,S,E,C` and optional
 * `level,url,isco,esco,description` (any order), translated `title_<locale>` and `description_<locale>`
 * with optional provenance columns `title_<locale>_source|_relation|_checked` (the same for descriptions; an empty
 * translated cell means "no translation": the original is shown), and its parsed JSON sidecar (see
 * `parseSidecar`).
 * Checks the header (required columns present, no unknown or repeated ones) and every row: a non-empty,
 * unique `id`; a `title`; R–C numbers within the sidecar's `scale` (lo ≤ x ≤ hi); `level` an integer (and
 * a key of `levels` when the sidecar has them); `url` http(s); `isco` 1–4 digit codes. `isco` and `esco`
 * are `|`-separated lists. The six optional work-value columns `wv_achievement` … `wv_independence` (O*NET extent
 * scores, 1–7) are all present or all absent; in a row all six are numbers 1–7 or all six are empty (no values).
 * Every problem names the file, the row (1-based line, header = 1) and the column.
 *
 * Reference: docs/opportunity-sets.md; CSV per RFC 4180 (see `parseCsv`).
 * @example parseOpportunitySet('id,title,R,I,A,S,E,C\nx,X,1,2,3,4,5,6\n', { title: 'Demo', kind: 'job', licence: 'MIT', scale: [1, 7] }, 'demo.csv')
 * // → { ok: true, set: { id: 'demo', …, opportunities: [{ id: 'x', title: 'X', riasec: [1, 2, 3, 4, 5, 6] }] } }
 */
export function parseOpportunitySet(csvText: string, sidecar: unknown, fileName: string): OpportunitySetResult {
	const id = stem(fileName);
	const side = parseSidecar(sidecar, id, `${id}.json`);
	const problems: OpportunityProblem[] = [...side.problems];
	const add = (p: Omit<OpportunityProblem, 'file'>) => problems.push({ file: fileName, ...p });

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
	if (header.length === 0) {
		add({ row: 1, message: 'the file is empty; expected a header row id,title,R,I,A,S,E,C' });
		return { ok: false, problems };
	}
	const col = new Map<string, number>();
	header.forEach((h, i) => {
		if (col.has(h)) add({ row: 1, column: h, message: `column "${h}" appears more than once` });
		else if (!REQUIRED.includes(h) && !OPTIONAL.includes(h) && !TRANSLATED.test(h)) {
			add({ row: 1, column: h, message: `unknown column "${h}" (allowed: ${[...REQUIRED, ...OPTIONAL].join(', ')}, and per language title_<locale>, description_<locale>, and for each of them _source, _relation, _checked)` });
		} else col.set(h, i);
	});
	for (const r of REQUIRED) {
		if (!col.has(r)) add({ row: 1, column: r, message: `required column "${r}" is missing` });
	}
	const wvPresent = WORK_VALUE_COLUMNS.filter((c) => col.has(c));
	if (wvPresent.length > 0 && wvPresent.length < WORK_VALUE_COLUMNS.length) {
		const missing = WORK_VALUE_COLUMNS.filter((c) => !col.has(c));
		add({ row: 1, column: missing[0], message: `work-value columns come as six; missing: ${missing.join(', ')}` });
	}
	for (const h of col.keys()) {
		const locale = TRANSLATED.exec(h)?.[2];
		if (locale && side.fields && !side.fields.translations?.[locale]) {
			add({ row: 1, column: h, message: `column "${h}" is a translation, but the sidecar's "translations" has no "${locale}" entry saying where it comes from` });
		}
	}
	if (problems.length > 0) return { ok: false, problems };
	if (parsed.rows.length === 0) {
		add({ message: 'the set has no opportunities (only a header)' });
		return { ok: false, problems };
	}

	const scale = side.fields?.scale;
	const levels = side.fields?.levels;
	const seen = new Map<string, number>();
	const opportunities: Opportunity[] = [];
	for (const { line, cells } of parsed.rows) {
		if (problems.length >= MAX_PROBLEMS) break;
		if (cells.length !== header.length) {
			add({ row: line, message: `has ${cells.length} cells, but the header has ${header.length} columns` });
			continue;
		}
		const cell = (name: string): string | undefined => {
			const i = col.get(name);
			return i === undefined ? undefined : cells[i].trim();
		};
		const before = problems.length;
		const oid = cell('id') ?? '';
		if (oid === '') add({ row: line, column: 'id', message: 'id is empty' });
		else if (seen.has(oid)) {
			add({ row: line, column: 'id', message: `id "${oid}" is repeated (first on line ${seen.get(oid)})` });
		} else seen.set(oid, line);
		const title = cell('title') ?? '';
		if (title === '') add({ row: line, column: 'title', message: 'title is empty' });

		const riasec = RIASEC_COLUMNS.map((c) => {
			const v = cell(c) ?? '';
			if (!NUMBER.test(v)) {
				add({ row: line, column: c, message: `${c} ${JSON.stringify(v)} is not a number (use a point as decimal mark)` });
				return NaN;
			}
			const x = Number(v);
			if (scale && (x < scale[0] || x > scale[1])) {
				add({ row: line, column: c, message: `${c} ${v} is outside the set's scale ${scale[0]}–${scale[1]}` });
			}
			return x;
		}) as Riasec;

		const o: Opportunity = { id: oid, title, riasec };
		const level = cell('level');
		if (level !== undefined && level !== '') {
			if (!INTEGER.test(level)) add({ row: line, column: 'level', message: `level "${level}" is not a whole number` });
			else if (levels && !(String(Number(level)) in levels)) {
				add({ row: line, column: 'level', message: `level ${level} is not one of the sidecar's levels (${Object.keys(levels).join(', ')})` });
			} else o.level = Number(level);
		}
		const url = cell('url');
		if (url !== undefined && url !== '') {
			if (!/^https?:\/\/\S+$/i.test(url)) add({ row: line, column: 'url', message: `url "${url}" must start with http:// or https://` });
			else o.url = url;
		}
		const isco = splitList(cell('isco') ?? '');
		const badIsco = isco.filter((c) => !ISCO.test(c));
		if (badIsco.length > 0) {
			add({ row: line, column: 'isco', message: `ISCO-08 codes are 1–4 digits; not: ${badIsco.join(', ')}` });
		} else if (isco.length > 0) o.isco = isco;
		const esco = splitList(cell('esco') ?? '');
		if (esco.length > 0) o.esco = esco;
		const description = cell('description');
		if (description) o.description = description;
		const translations = translatedCells(header, cell);
		if (translations) o.translations = translations;
		if (col.has(WORK_VALUE_COLUMNS[0])) {
			const raw = WORK_VALUE_COLUMNS.map((c) => cell(c) ?? '');
			if (raw.some((v) => v !== '')) {
				const wv = WORK_VALUE_COLUMNS.map((c, i) => {
					const v = raw[i];
					const x = Number(v);
					if (!NUMBER.test(v) || x < WORK_VALUE_SCALE[0] || x > WORK_VALUE_SCALE[1]) {
						add({ row: line, column: c, message: `${c} ${JSON.stringify(v)} must be a number from ${WORK_VALUE_SCALE[0]} to ${WORK_VALUE_SCALE[1]} (or all six work-value cells empty)` });
					}
					return x;
				});
				o.workValues = wv as WorkValues;
			}
		}
		if (problems.length === before) opportunities.push(o);
	}
	if (problems.length >= MAX_PROBLEMS) {
		add({ message: `stopped after ${MAX_PROBLEMS} problems; fix these and check again` });
	}
	if (problems.length > 0 || !side.fields) return { ok: false, problems };
	return { ok: true, set: { ...side.fields, opportunities } };
}
