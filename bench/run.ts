// npm run bench: every benchmark, each next to a baseline measured in the same run; writes
// bench/RESULTS.md (medians, ratios, machine and date) and prints the same table.
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchScoring, type PeerFigures, type ScoringBench } from './scoring.bench.ts';
import { benchMatching } from './matching.bench.ts';
import { benchCounsellor } from './counsellor.bench.ts';
import { benchCompletion, ensureBuild, type CompletionBench } from './completion.bench.ts';
import { benchValidation, validationSection } from './validation.bench.ts';
import { benchDatabases, type DatabasesBench } from './databases.bench.ts';
import { benchTransfer, transferSection } from './transfer.bench.ts';
import { benchGroups, groupsSection } from './groups.bench.ts';

/** Figures recorded before this round's work, kept so progress shows. */
const PREVIOUS = {
	date: '2026-11-26',
	coreMillionPerSecond: '1.66',
	cliSeconds: '5.90',
	cliRssMB: 289,
	/** Measured side by side on 2026-12-01 before the scoring plan: npm run score vs read.csv + scoreItems. */
	peer: 'npm run score about 10.9 s, R psych about 2.5 s (Spejl 4× slower)',
	completions: 'about 350–400 completions/s with p99 about 180–200 ms, the trivial page about 1,100/s: ratio 0.33'
};

const f = (x: number, d = 2) => x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const loadAtStart = loadavg()[0];
const startedAt = Date.now();
const minutes = (ms: number) => (ms / 60_000).toFixed(1);
/** Runs one section, saying on stderr when it starts and how long it took (the whole run takes minutes). */
async function section<T>(name: string, run: () => T | Promise<T>): Promise<T> {
	const t0 = Date.now();
	console.error(`[bench] ${name}… (${minutes(t0 - startedAt)} min so far)`);
	const result = await run();
	console.error(`[bench] ${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	return result;
}
const scoring = await section('scoring core, batch CLI and R psych', () => benchScoring());
const matching = await section('matching', () => benchMatching());
const counsellor = await section('counsellor client list', () => benchCounsellor());
const validation = await section('validation', () => benchValidation());
const buildDir = await section('build (only when BUILD_DIR or build/ has none)', () => ensureBuild());
const completions: CompletionBench[] = [
	await section('completions, 1 process', () => benchCompletion({ args: [buildDir], server: '1 process (`node build`)' })),
	await section('completions, 2 processes', () =>
		benchCompletion({ args: ['scripts/cluster.js', buildDir], env: { WORKERS: '2' }, server: '2 processes (`WORKERS=2 node scripts/cluster.js`)' })
	)
];
const databases = await section('databases: SQLite and PostgreSQL', () => benchDatabases());
const transfer = await section('transfer', () => benchTransfer());
const groups = await section('group page, 10,000 members, SQLite and PostgreSQL', () => benchGroups());
const tookMinutes = minutes(Date.now() - startedAt);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
const ip = scoring.inProcess;

function peerLines(peer: ScoringBench['peer']): string[] {
	if ('skipped' in peer && peer.skipped) return [`Skipped: ${peer.skipped}.`, '', `Before (2026-12-01, first measurement): ${PREVIOUS.peer}.`];
	const p = peer as PeerFigures;
	const cpu = (x: number | null) => (x === null ? 'n/a' : `${f(x)} s`);
	const rss = (x: number | null) => (x === null ? 'n/a' : `${f(x, 0)} MB`);
	return [
		`The same generated ${p.respondents.toLocaleString('en-GB')} × 50 Big-Five CSV (2 % missing), ${p.runs} runs each, alternating, medians. R: \`Rscript\` running read.csv + psych::scoreItems (impute = "none"), scores kept in memory. Spejl: \`node scripts/cli.js score\` (what \`npm run score\` runs), all results written as JSON to /dev/null.`,
		'',
		'| what | wall time | CPU (user + sys) | peak RSS |',
		'|---|---|---|---|',
		`| R psych: read.csv + scoreItems | ${f(p.rWallSeconds)} s | ${cpu(p.rCpuSeconds)} | ${rss(p.rPeakRssMB)} |`,
		`| Spejl: npm run score (json) | ${f(p.spejlWallSeconds)} s | ${cpu(p.spejlCpuSeconds)} | ${rss(p.spejlPeakRssMB)} |`,
		`| **ratio R / Spejl** | **${f(p.wallRatio)}** | ${p.cpuRatio === null ? 'n/a' : f(p.cpuRatio)} | |`,
		'',
		`Same results: ${p.compared.toLocaleString('en-GB')} scale scores compared with R's, largest absolute difference ${p.maxAbsDifference.toExponential(1)}; ${p.unscored.toLocaleString('en-GB')} scales left unscored by Spejl because fewer than minAnswered items were answered (R averages whatever was answered). Spejl's first run, which also bundles the CLI and asks SurveyJS about the questionnaire (both remembered afterwards), took ${f(p.spejlFirstRunSeconds)} s. Goal: ratio at least 2. Before (2026-12-01, first measurement): ${PREVIOUS.peer}.`
	];
}

const lines = [
	'# Benchmark results',
	'',
	`Recorded by \`npm run bench\` on ${scoring.date.slice(0, 10)}. Machine: ${machine}.`,
	'Each figure is the median of several runs; ratios compare with a baseline measured in the same run.',
	`How busy the machine was: load average ${f(loadAtStart)} at the start and ${f(loadavg()[0])} at the end (1-minute; with ${cpus().length} cores, above ${cpus().length} means other work competed for them, and wall times and rates suffer more than CPU times and ratios). The whole run took ${tookMinutes} minutes.`,
	'',
	'## Scoring (core, one core, in process)',
	'',
	`${ip.respondentsPerRun.toLocaleString('en-GB')} respondents × ${ip.items} items of ${ip.questionnaire} (2 % missing). The baseline adds the same answers stored as rows of numbers (NaN = missing).`,
	'',
	'| what | median | item answers/s | ratio to baseline |',
	'|---|---|---|---|',
	`| baseline: plain loop adding the answers | ${f(ip.baselineMedianMs)} ms | ${f(ip.baselineItemAnswersPerSecond / 1e6)} M | 1 |`,
	`| scoring plan (\`scorePlanRows\`): score, answered, z, T, percentile, sten per scale | ${f(ip.planMedianMs)} ms | **${f(ip.planItemAnswersPerSecond / 1e6)} M** | ${f(ip.planRatioToBaseline, 1)} |`,
	`| the server's path (\`responseScorerOf\`, compiled per version): one answers object at a time, result and its JSON text | ${f(ip.serverMedianMs)} ms | ${f(ip.serverItemAnswersPerSecond / 1e6)} M | ${f(ip.serverRatioToBaseline, 1)} |`,
	`| \`scoreResponse\`, one answers object at a time | ${f(ip.scoreMedianMs)} ms | ${f(ip.itemAnswersPerSecond / 1e6)} M | ${f(ip.ratioToBaseline, 1)} |`,
	'',
	`Target: at least 10 M item answers per second on one core on the plan. Before (${PREVIOUS.date}): \`scoreResponse\` ${PREVIOUS.coreMillionPerSecond} M item answers/s (the only path then).`,
	'',
	'## Batch scoring against R psych (whole process against whole process)',
	'',
	...peerLines(scoring.peer),
	'',
	'## Batch CLI (`npm run score`, streaming)',
	'',
	'| respondents × items | format | wall time | CPU (user + sys) | respondents/s | peak RSS |',
	'|---|---|---|---|---|---|',
	...scoring.cli.map(
		(c) => `| ${c.respondents.toLocaleString('en-GB')} × ${c.items} (${f(c.csvBytes / 2 ** 20, 1)} MiB) | ${c.format} | ${f(c.wallSeconds)} s | ${c.cpuSeconds === null ? 'n/a' : `${f(c.cpuSeconds)} s`} | ${Math.round(c.respondentsPerSecond).toLocaleString('en-GB')} | ${c.peakRssMB === null ? 'n/a' : `${f(c.peakRssMB, 0)} MB`} |`
	),
	'',
	`Peak memory barely grows from a tenth of the rows to all of them: the CLI streams (what grows is the set of ids, checked for duplicates). Before (${PREVIOUS.date}, through tsx): 100,000 × 50 json ${PREVIOUS.cliSeconds} s, ${PREVIOUS.cliRssMB} MB.`,
	'',
	'## Matching (core, O*NET 29.3, 923 occupations)',
	'',
	'| what | median | per profile | ratio to baseline |',
	'|---|---|---|---|',
	...matching.map(
		(m) => `| ${m.name}: ${m.work} | ${f(m.medianMs, 3)} ms | ${m.perProfileMs === undefined ? '' : `${f(m.perProfileMs, 3)} ms`} | ${m.ratioToBaseline !== undefined ? f(m.ratioToBaseline, 0) : m.name.startsWith('baseline') ? '1 (baseline)' : '–'} |`
	),
	'',
	'## Completions under load (the built app, SQLite file, load generator on the same machine)',
	'',
	`${completions[0].concurrency} signed-in clients, each completing riasec-48 again and again as the SurveyJS page does (POST /q/riasec-48/complete with the answers as JSON, without a response id: start the response, validate, score, store), for ${completions[0].durationSeconds} s after a warm-up; next to a trivial page of the same server for the same time (GET /schema/questionnaire-v1.json with the same session cookies: the hooks, the session lookup and a fixed 9 KB JSON document). The load generator (bench/lib/load.ts, keep-alive connections) runs in the benchmark process on the same ${cpus().length} cores as the server. CPU ms/request is the server's own CPU time (every process) per request, which depends less on what else the machine runs.`,
	'',
	'| server | what | requests/s | p50 | p99 | errors | server CPU ms/request | ratio to trivial page |',
	'|---|---|---|---|---|---|---|---|',
	...completions.flatMap((c) => [
		`| ${c.server} | trivial page | ${f(c.trivial.perSecond, 0)} | ${f(c.trivial.p50Ms, 1)} ms | ${f(c.trivial.p99Ms, 1)} ms | ${c.trivial.errors} | ${f(c.trivialCpuMs)} | 1 |`,
		`| ${c.server} | **completion** | **${f(c.complete.perSecond, 0)}** | ${f(c.complete.p50Ms, 1)} ms | **${f(c.complete.p99Ms, 1)} ms** | ${c.complete.errors} | ${f(c.completeCpuMs)} | **${f(c.ratio)}** |`
	]),
	'',
	`Every acknowledged completion was in the database afterwards: ${completions.map((c) => `${c.acknowledged.toLocaleString('en-GB')} acknowledged, ${c.stored.toLocaleString('en-GB')} stored (${c.server.replace(/ \(.*$/, '')})`).join('; ')}. Goals: ratio at least 0.8, at least 1,000 completions/s, p99 under 100 ms, no errors. Before (2026-12-01, first measurement, 1 process, 32 clients): ${PREVIOUS.completions}.`,
	'',
	'## Counsellor client list (SQLite in memory, 10,000 sharing clients)',
	'',
	'| what | median | ratio to baseline |',
	'|---|---|---|',
	...counsellor.map((c) => `| ${c.name} | ${f(c.medianMs, 3)} ms | ${c.ratioToBaseline === undefined ? '1 (baseline)' : f(c.ratioToBaseline, 0)} |`),
	'',
	...validationSection(validation),
	...databaseLines(databases),
	'',
	...transferSection(transfer),
	'',
	...groupsSection(groups)
];
function databaseLines(c: DatabasesBench): string[] {
	const head = ['## Completion load (built app over HTTP: SQLite with one server, PostgreSQL with two)', ''];
	if ('skipped' in c) return [...head, `Skipped: ${c.skipped}.`];
	return [
		...head,
		`${c.clients} clients at once, ${c.completionsPerSetup} completions of the 48-item interest questionnaire per set-up: each is a save that starts a response and the complete action (validate, score, store), timed together. The trivial page is GET /login on the same servers with the same clients. With two servers each request goes to the other server than the one before.`,
		'',
		'| set-up | completions/s | p50 | p99 | trivial pages/s | p50 | p99 | completions per trivial page |',
		'|---|---|---|---|---|---|---|---|',
		...c.setups.map(
			(s) =>
				`| ${s.name} | **${f(s.completion.perSecond, 1)}** | ${f(s.completion.p50Ms, 1)} ms | ${f(s.completion.p99Ms, 1)} ms | ${f(s.trivial.perSecond, 1)} | ${f(s.trivial.p50Ms, 1)} ms | ${f(s.trivial.p99Ms, 1)} ms | ${f(s.ratio, 3)} |`
		),
		'',
		'Both set-ups ran on this one machine (app servers, database and load generator share its cores), so the PostgreSQL figures show the cost of the network protocol and a second process, not the capacity of a real cluster.'
	];
}


/** A section's heading without what is in brackets (a date or how it was run may change). */
function sectionKey(heading: string): string {
	return heading.replace(/\s*\(.*$/, '').trim();
}

// Earlier recordings are kept below the new one, so progress shows. Sections this run does not write
// (recorded by hand, or by one benchmark run alone) stay as they were, after the ones it writes; the old
// copies of the sections it writes become the first of the previous recordings (under a dated heading,
// their headings one level down), and older recordings follow.
const resultsFile = new URL('./RESULTS.md', import.meta.url);
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const kept = previous.indexOf('\n## Previous recordings');
const written = new Set(lines.filter((l) => l.startsWith('## ')).map(sectionKey));
const current = kept >= 0 ? previous.slice(0, kept + 1) : previous;
const replaced: string[] = [];
for (const section of current.split(/\n(?=## )/).slice(1)) {
	if (written.has(sectionKey(section.split('\n')[0]))) replaced.push(section.trimEnd().replace(/^(#{2,4}) /gm, '##$1 '), '');
	else lines.push(section.trimEnd(), '');
}
const older = kept >= 0 ? previous.slice(kept + 1).replace(/^## Previous recordings[^\n]*\n/, '').trim() : '';
const lastDate = /Recorded by `npm run bench` on (\d{4}-\d{2}-\d{2})/.exec(current)?.[1];
if (replaced.length || older) {
	lines.push('## Previous recordings', '');
	if (replaced.length) lines.push(`### Recorded on ${lastDate ?? 'an earlier run'}`, '', ...replaced);
	if (older) lines.push(older, '');
}
writeFileSync(resultsFile, lines.join('\n'));
console.log(lines.join('\n'));
console.error(`[bench] done in ${tookMinutes} min; written to bench/RESULTS.md`);
