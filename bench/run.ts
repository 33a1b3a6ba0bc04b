// npm run bench: every benchmark, each next to a baseline measured in the same run; writes
// bench/RESULTS.md (medians, ratios, machine and date) and prints the same table.
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { benchScoring } from './scoring.bench.ts';
import { benchMatching } from './matching.bench.ts';
import { benchCounsellor } from './counsellor.bench.ts';

const f = (x: number, d = 2) => x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const scoring = await benchScoring();
const matching = await benchMatching();
const counsellor = await benchCounsellor();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
const ip = scoring.inProcess;

const lines = [
	'# Benchmark results',
	'',
	`Recorded by \`npm run bench\` on ${scoring.date.slice(0, 10)}. Machine: ${machine}.`,
	'Each figure is the median of several runs; ratios compare with a baseline measured in the same run.',
	'',
	'## Scoring (core, one core, in process)',
	'',
	'| what | median | ratio to baseline |',
	'|---|---|---|',
	`| baseline: plain loop summing ${ip.respondentsPerRun.toLocaleString('en-GB')} × ${ip.items} answers | ${f(ip.baselineMedianMs)} ms (${f(ip.baselineItemAnswersPerSecond / 1e6)} M answers/s) | 1 |`,
	`| \`scoreResponse\` on ${ip.questionnaire}, ${ip.respondentsPerRun.toLocaleString('en-GB')} respondents × ${ip.items} items | ${f(ip.scoreMedianMs)} ms (**${f(ip.itemAnswersPerSecond / 1e6)} M item answers/s**) | ${f(ip.ratioToBaseline, 1)} |`,
	'',
	'Target: at least 1,000,000 item answers per second on one core.',
	'',
	'## Batch CLI (`npm run score`, streaming)',
	'',
	'| respondents × items | format | wall time | respondents/s | peak RSS |',
	'|---|---|---|---|---|',
	...scoring.cli.map(
		(c) => `| ${c.respondents.toLocaleString('en-GB')} × ${c.items} (${f(c.csvBytes / 2 ** 20, 1)} MiB) | ${c.format} | ${f(c.wallSeconds)} s | ${Math.round(c.respondentsPerSecond).toLocaleString('en-GB')} | ${c.peakRssMB === null ? 'n/a' : `${f(c.peakRssMB, 0)} MB`} (${c.rssSource}) |`
	),
	'',
	'Peak memory barely grows from a tenth of the rows to all of them: the CLI streams.',
	'',
	'## Matching (core, O*NET 29.3, 923 occupations)',
	'',
	'| what | median | per profile | ratio to baseline |',
	'|---|---|---|---|',
	...matching.map(
		(m) => `| ${m.name}: ${m.work} | ${f(m.medianMs, 3)} ms | ${m.perProfileMs === undefined ? '' : `${f(m.perProfileMs, 3)} ms`} | ${m.ratioToBaseline !== undefined ? f(m.ratioToBaseline, 0) : m.name.startsWith('baseline') ? '1 (baseline)' : '–'} |`
	),
	'',
	'## Counsellor client list (SQLite in memory, 10,000 sharing clients)',
	'',
	'| what | median | ratio to baseline |',
	'|---|---|---|',
	...counsellor.map((c) => `| ${c.name} | ${f(c.medianMs, 3)} ms | ${c.ratioToBaseline === undefined ? '1 (baseline)' : f(c.ratioToBaseline, 0)} |`),
	''
];
writeFileSync(new URL('./RESULTS.md', import.meta.url), lines.join('\n'));
console.log(lines.join('\n'));
