// npx tsx scripts/data/add-work-values.ts "<path to O*NET 29.3 Work Values.txt>" [opportunities/onet-29-3.csv]
//
// Adds (or refreshes) the six O*NET work-value extent scores per O*NET-SOC code as columns of the O*NET
// opportunity set: wv_achievement, wv_working_conditions, wv_recognition, wv_relationships, wv_support,
// wv_independence (scale "EX", Extent, 1–7, as published). Occupations O*NET gives no work values leave the six
// cells empty. Source: O*NET 29.3 Database, "Work Values.txt" (tab-separated; CC BY 4.0, U.S. Department of
// Labor, Employment and Training Administration). See docs/opportunity-sets.md ("Work values").
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCsv } from '../../src/lib/core/csv/parse.ts';
import { WORK_VALUE_COLUMNS, WORK_VALUE_ELEMENTS } from '../../src/lib/core/opportunities/work-values.ts';

const [source, target = 'opportunities/onet-29-3.csv'] = process.argv.slice(2);
if (!source) {
	console.error('usage: npx tsx scripts/data/add-work-values.ts "<Work Values.txt>" [opportunities/onet-29-3.csv]');
	process.exit(2);
}

// O*NET-SOC code → column → value
const values = new Map<string, Map<string, string>>();
const lines = readFileSync(source, 'utf8').split(/\r?\n/);
const head = lines[0].split('\t');
const at = (name: string) => {
	const i = head.indexOf(name);
	if (i < 0) throw new Error(`${source}: no column "${name}" in the header`);
	return i;
};
const [iCode, iElement, iScale, iValue] = [at('O*NET-SOC Code'), at('Element ID'), at('Scale ID'), at('Data Value')];
for (const line of lines.slice(1)) {
	if (line.trim() === '') continue;
	const f = line.split('\t');
	if (f[iScale] !== 'EX') continue; // the high-point rows (scale "IH") are not used
	const column = WORK_VALUE_ELEMENTS[f[iElement]];
	if (!column) continue;
	const v = Number(f[iValue]);
	if (!Number.isFinite(v) || v < 1 || v > 7) throw new Error(`${source}: ${f[iCode]} ${f[iElement]}: value ${f[iValue]} is not 1–7`);
	let row = values.get(f[iCode]);
	if (!row) values.set(f[iCode], (row = new Map()));
	row.set(column, v.toFixed(2));
}

const { header, rows } = parseCsv(readFileSync(target, 'utf8'));
const keep = header.map((h, i) => i).filter((i) => !(WORK_VALUE_COLUMNS as readonly string[]).includes(header[i]));
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const out = [[...keep.map((i) => header[i]), ...WORK_VALUE_COLUMNS].map(quote).join(',')];
let joined = 0;
for (const r of rows) {
	const v = values.get(r.cells[header.indexOf('id')]);
	const complete = v !== undefined && WORK_VALUE_COLUMNS.every((c) => v.has(c));
	if (complete) joined++;
	out.push([...keep.map((i) => r.cells[i]), ...WORK_VALUE_COLUMNS.map((c) => (complete ? v.get(c)! : ''))].map(quote).join(','));
}
writeFileSync(target, out.join('\n') + '\n');
console.log(`${target}: work values for ${joined} of ${rows.length} occupations (${values.size} codes in ${source})`);
