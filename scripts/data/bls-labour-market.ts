// Turns BLS Employment Projections table 1.2 (2024–34, converted to CSV unchanged) into the labour-market
// table format (docs/labour-market.md): one row per SOC code and indicator, area US. Every row of the BLS
// table is kept (detailed occupations and the summary groups that some O*NET occupations fall back to).
//   npx tsx scripts/data/bls-labour-market.ts <bls_ep_2024_34_table_1_2.csv> > labour-market/bls-ep-2024-34.csv
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/lib/core/csv/parse';

const input = process.argv[2];
if (!input) {
	console.error('usage: tsx scripts/data/bls-labour-market.ts <bls_ep_2024_34_table_1_2.csv>');
	process.exit(2);
}
const { header, rows } = parseCsv(readFileSync(input, 'utf8'));
const at = (name: string) => {
	const i = header.indexOf(name);
	if (i < 0) throw new Error(`column ${name} is missing`);
	return i;
};
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const out = ['code_system,code,label,indicator,value,unit,area,period'];
const MISSING = '—';
/** Thousands (one decimal) to a whole number of people, without floating-point drift. */
const thousands = (v: string) => String(Math.round(Number(v) * 1000));
for (const { cells } of rows) {
	const soc = cells[at('soc')];
	const label = cells[at('title')];
	let first = true; // the label on the code's first row only (the format takes it from any row)
	const add = (indicator: string, value: string, unit: string, period: string) => {
		if (value === '' || value === MISSING) return;
		out.push(['soc', soc, first ? quote(label) : '', indicator, quote(value), unit, 'US', period].join(','));
		first = false;
	};
	add('employment', cells[at('emp_2024_k')] === MISSING ? MISSING : thousands(cells[at('emp_2024_k')]), 'persons', '2024');
	add('employment_change_pct', cells[at('change_pct')], 'percent', '2024-2034');
	add('openings_annual', cells[at('openings_annual_k')] === MISSING ? MISSING : thousands(cells[at('openings_annual_k')]), 'persons_per_year', '2024-2034');
	// ">=$239,200" (BLS prints the top wages as a floor) → ">=239200".
	const wage = cells[at('median_wage_usd_2024')].replace(/[$,]/g, '');
	add('median_wage_annual', wage, 'USD', '2024');
	add('entry_education', cells[at('entry_education')], 'text', '2024');
	add('work_experience', cells[at('work_experience')], 'text', '2024');
	add('on_the_job_training', cells[at('on_the_job_training')], 'text', '2024');
}
process.stdout.write(out.join('\n') + '\n');
