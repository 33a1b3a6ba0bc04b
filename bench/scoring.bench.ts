/**
 * Scoring benchmark, two parts:
 *
 * 1. In process, on one core: item answers scored per second by the core's `scoreResponse` on the
 *    big-five-ipip-50 questionnaire (5 scales × 10 items, norms), next to a baseline measured in the same run
 *    (a plain loop summing the same answers), so the ratio says what validation-free scoring costs on top of
 *    the arithmetic floor, independent of the machine.
 *    The same answers as rows of numbers go through the compiled scoring plan (`scorePlanRows`), next to a
 *    plain loop adding those numbers.
 * 2. The batch CLI (`node scripts/cli.js score`, what `npm run score` runs) on a generated 100,000 × 50
 *    Big-Five CSV (2 % missing) in os.tmpdir(), against R's read.csv + psych::scoreItems on the same file when
 *    Rscript and psych are installed (skipped with a reason otherwise); wall time, CPU time and peak RSS of
 *    each child from /usr/bin/time; and a tenth of the rows, to show that streaming keeps memory flat.
 *
 * Standalone: `npx tsx bench/scoring.bench.ts` prints JSON. Or import `benchScoring()`.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Answers, Questionnaire } from '../src/lib/core/questionnaire/types.ts';
import { scoreResponse } from '../src/lib/core/scoring/score.ts';
import { compileScoringPlan, PLAN_FIELDS, scorePlanRows } from '../src/lib/core/scoring/plan.ts';
import { responseScorerOf } from '../src/lib/core/scoring/response-scorer.ts';
import { median, mulberry32 } from './lib/stats.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface InProcessFigures {
	questionnaire: string;
	items: number;
	respondentsPerRun: number;
	runs: number;
	/** Medians over runs. Baseline: a plain loop adding the same answers stored as rows of numbers. */
	baselineMedianMs: number;
	baselineItemAnswersPerSecond: number;
	/** The compiled scoring plan (`scorePlanRows`): score, answered, z, T, percentile, sten per scale. */
	planMedianMs: number;
	planItemAnswersPerSecond: number;
	planRatioToBaseline: number;
	/** The server's path: `responseScorerOf` (compiled per questionnaire version), one answers object at a time, result and JSON text. */
	serverMedianMs: number;
	serverItemAnswersPerSecond: number;
	serverRatioToBaseline: number;
	/** `scoreResponse`, one answers object at a time (round one's path of the server and the CLI). */
	scoreMedianMs: number;
	itemAnswersPerSecond: number;
	/** scoreMedianMs / baselineMedianMs. */
	ratioToBaseline: number;
	respondentsPerSecond: number;
}

export interface CliFigures {
	respondents: number;
	items: number;
	csvBytes: number;
	format: 'json' | 'csv';
	wallSeconds: number;
	/** User + system CPU seconds and peak RSS (from /usr/bin/time; null without it). */
	cpuSeconds: number | null;
	peakRssMB: number | null;
	respondentsPerSecond: number;
	exitCode: number | null;
}

export interface ScoringBench {
	node: string;
	date: string;
	inProcess: InProcessFigures;
	peer: PeerFigures | { skipped: string };
	cli: CliFigures[];
}

/** big-five-ipip-50, or a synthetic 50-item, 5-scale questionnaire when it is missing. */
export function loadQuestionnaire(): Questionnaire {
	const file = join(root, 'questionnaires/big-five-ipip-50.json');
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Questionnaire;
	const scales = ['e', 'a', 'c', 'n', 'o'].map((id) => ({
		id,
		title: id,
		items: Array.from({ length: 10 }, (_, i) => `${id}${i + 1}`),
		reverse: [`${id}2`, `${id}4`, `${id}6`],
		range: [1, 5] as [number, number],
		method: 'mean' as const,
		norms: [{ id: 'synthetic', mean: 3, sd: 0.8 }]
	}));
	return {
		id: 'synthetic-50',
		version: '1.0.0',
		kind: 'test',
		title: 'Synthetic 50',
		survey: { elements: scales.flatMap((s) => s.items.map((name) => ({ type: 'rating', name }))) },
		scoring: { scales }
	};
}

function scoredItems(q: Questionnaire): string[] {
	return (q.scoring?.scales ?? []).flatMap((s) => s.items);
}

/** Answers 1–5, about 2 % missing. */
function randomAnswers(items: readonly string[], random: () => number): Answers {
	const a: Answers = {};
	for (const item of items) if (random() >= 0.02) a[item] = 1 + Math.floor(random() * 5);
	return a;
}

/** Times `fn` `runs` times after `warmup` unmeasured calls; returns the median in ms. */
function measure(runs: number, warmup: number, fn: () => number): number {
	let sink = 0;
	for (let i = 0; i < warmup; i++) sink += fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		sink += fn();
		times.push(performance.now() - t0);
	}
	if (Number.isNaN(sink)) console.log(sink); // keeps the results observable so the work is not optimised away
	return median(times);
}

export function benchInProcess(options: { respondents?: number; runs?: number; seed?: number } = {}): InProcessFigures {
	const n = options.respondents ?? 20_000;
	const runs = options.runs ?? 7;
	const random = mulberry32(options.seed ?? 20261126);
	const q = loadQuestionnaire();
	const items = scoredItems(q);
	const rows = Array.from({ length: n }, () => randomAnswers(items, random));
	const answersGiven = rows.reduce((s, r) => s + Object.keys(r).length, 0);

	// The same answers as the plan reads them: one row of numbers per respondent, NaN for a missing answer.
	const plan = compileScoringPlan(q)!;
	const width = plan.items.length;
	const values = new Float64Array(n * width);
	rows.forEach((row, r) => plan.items.forEach((item, i) => (values[r * width + i] = typeof row[item] === 'number' ? (row[item] as number) : NaN)));
	const out = new Float64Array(n * plan.scales.length * PLAN_FIELDS);

	// The floor: add every answer of the same rows of numbers, skipping missing ones.
	const baselineMs = measure(runs, 2, () => {
		let s = 0;
		for (let i = 0; i < values.length; i++) {
			const x = values[i];
			if (x === x) s += x;
		}
		return s;
	});
	const planMs = measure(runs, 2, () => {
		scorePlanRows(plan, values, n, out);
		return out[out.length - PLAN_FIELDS];
	});
	const scorer = responseScorerOf(q);
	const serverMs = measure(runs, 2, () => {
		let s = 0;
		for (const row of rows) {
			const { result, json } = scorer(row);
			for (const scale of result.scales) s += scale.score ?? 0;
			s += json.length;
		}
		return s;
	});
	const scoreMs = measure(runs, 2, () => {
		let s = 0;
		for (const row of rows) for (const scale of scoreResponse(q, row).scales) s += scale.score ?? 0;
		return s;
	});
	return {
		questionnaire: q.id,
		items: items.length,
		respondentsPerRun: n,
		runs,
		baselineMedianMs: baselineMs,
		baselineItemAnswersPerSecond: answersGiven / (baselineMs / 1000),
		planMedianMs: planMs,
		planItemAnswersPerSecond: answersGiven / (planMs / 1000),
		planRatioToBaseline: planMs / baselineMs,
		serverMedianMs: serverMs,
		serverItemAnswersPerSecond: answersGiven / (serverMs / 1000),
		serverRatioToBaseline: serverMs / baselineMs,
		scoreMedianMs: scoreMs,
		itemAnswersPerSecond: answersGiven / (scoreMs / 1000),
		ratioToBaseline: scoreMs / baselineMs,
		respondentsPerSecond: n / (scoreMs / 1000)
	};
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
function gaussian(random: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Writes an `id,<items…>` CSV of `n` respondents and returns its path: per scale one latent trait, each item
 * round(3 ± 0.9·trait + noise) on 1–5 (− for reversed items), so the scales hang together as real ones do;
 * 2 % of the cells empty.
 */
export function writeResponsesCsv(q: Questionnaire, n: number, seed = 7): string {
	const random = mulberry32(seed);
	const scales = q.scoring?.scales ?? [];
	const items = scoredItems(q);
	const file = join(tmpdir(), `spejl-bench-${q.id}-${n}.csv`);
	const fd = openSync(file, 'w');
	let chunk = `id,${items.join(',')}\n`;
	for (let r = 1; r <= n; r++) {
		let line = `p${r}`;
		for (const scale of scales) {
			const trait = gaussian(random);
			const reverse = new Set(scale.reverse ?? []);
			for (const item of scale.items) {
				const x = Math.round(3 + (reverse.has(item) ? -0.9 : 0.9) * trait + 0.9 * gaussian(random));
				line += random() < 0.02 ? ',' : `,${Math.min(5, Math.max(1, x))}`;
			}
		}
		chunk += `${line}\n`;
		if (chunk.length > 1 << 20) {
			writeSync(fd, chunk);
			chunk = '';
		}
	}
	writeSync(fd, chunk);
	closeSync(fd);
	return file;
}

export interface ProcessRun {
	exitCode: number | null;
	wallSeconds: number;
	/** User + system CPU seconds and peak RSS of the child, from /usr/bin/time (null without it). */
	cpuSeconds: number | null;
	peakRssMB: number | null;
	stderr: string;
}

const TIME = '/usr/bin/time';

/** Runs a command with stdout to `stdoutFile` (or discarded); wall time, CPU time and peak RSS. */
export async function runProcess(cmd: string, args: string[], stdoutFile?: string): Promise<ProcessRun> {
	const useTime = existsSync(TIME);
	const fd = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
	const t0 = performance.now();
	const child = spawn(useTime ? TIME : cmd, useTime ? ['-f', 'spejl-time %e %U %S %M', cmd, ...args] : args, {
		cwd: root,
		stdio: ['ignore', fd, 'pipe']
	});
	let stderr = '';
	child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
	const exitCode: number | null = await new Promise((resolve) => child.on('close', resolve));
	const wallSeconds = (performance.now() - t0) / 1000;
	if (typeof fd === 'number') closeSync(fd);
	const m = /spejl-time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
	return {
		exitCode,
		wallSeconds,
		cpuSeconds: m ? Number(m[2]) + Number(m[3]) : null,
		peakRssMB: m ? Number(m[4]) / 1024 : null,
		stderr: stderr.replace(/spejl-time .*\n?/, '')
	};
}

const cliArgs = (qFile: string, csv: string, format: 'json' | 'csv') => [join(root, 'scripts/cli.js'), 'score', qFile, csv, '--format', format];

/** Runs `npm run score`'s command (node scripts/cli.js score …) on `csv`, output discarded. */
export async function benchCli(qFile: string, csv: string, respondents: number, items: number, format: 'json' | 'csv'): Promise<CliFigures> {
	const run = await runProcess(process.execPath, cliArgs(qFile, csv, format));
	if (run.exitCode !== 0) process.stderr.write(run.stderr);
	return {
		respondents,
		items,
		csvBytes: statSync(csv).size,
		format,
		wallSeconds: run.wallSeconds,
		cpuSeconds: run.cpuSeconds,
		peakRssMB: run.peakRssMB,
		respondentsPerSecond: respondents / run.wallSeconds,
		exitCode: run.exitCode
	};
}

export interface PeerFigures {
	/** Why R was not run, when it was not. */
	skipped?: string;
	runs: number;
	respondents: number;
	/** Medians over the runs, alternating R and Spejl in the same run of the benchmark. */
	rWallSeconds: number;
	rCpuSeconds: number | null;
	rPeakRssMB: number | null;
	spejlWallSeconds: number;
	spejlCpuSeconds: number | null;
	spejlPeakRssMB: number | null;
	/** R wall time / Spejl wall time (above 1: Spejl is faster). */
	wallRatio: number;
	cpuRatio: number | null;
	/** Spejl's first run, when it bundles the CLI and asks SurveyJS about the questionnaire. */
	spejlFirstRunSeconds: number;
	/** Scale scores compared with R's and the largest absolute difference; scales left unscored (minAnswered). */
	compared: number;
	maxAbsDifference: number;
	unscored: number;
}

/** The R side: read.csv + psych::scoreItems with the questionnaire's keys, as a researcher would run it. */
function rScript(q: Questionnaire, csv: string, out?: string): string {
	const scales = q.scoring?.scales ?? [];
	const keys = scales
		.map((s) => {
			const reverse = new Set(s.reverse ?? []);
			return `\`${s.id}\` = c(${s.items.map((i) => `"${reverse.has(i) ? '-' : ''}${i}"`).join(', ')})`;
		})
		.join(',\n  ');
	const [lo, hi] = scales[0].range;
	return [
		'suppressPackageStartupMessages(library(psych))',
		`d <- read.csv(${JSON.stringify(csv)})`,
		`keys <- list(\n  ${keys}\n)`,
		'items <- d[, -1]',
		`s <- scoreItems(make.keys(items, keys), items, totals = FALSE, impute = "none", min = ${lo}, max = ${hi})`,
		out
			? `write.table(cbind(d[, 1, drop = FALSE], formatC(s$scores, digits = 17, format = "g")), ${JSON.stringify(out)}, sep = ",", quote = FALSE, row.names = FALSE)`
			: 'invisible(s)',
		''
	].join('\n');
}

/** Why R psych cannot be run here, or undefined when it can. */
async function rMissing(): Promise<string | undefined> {
	const probe = await new Promise<number | null | 'absent'>((resolve) => {
		const child = spawn('Rscript', ['-e', 'suppressPackageStartupMessages(library(psych))'], { stdio: 'ignore' });
		child.on('error', () => resolve('absent'));
		child.on('close', resolve);
	});
	if (probe === 'absent') return 'Rscript is not installed (Debian: apt-get install r-base-core r-cran-psych)';
	if (probe !== 0) return 'R is installed but the psych package is not (Debian: apt-get install r-cran-psych)';
	return undefined;
}

/**
 * Spejl's `npm run score` against R's read.csv + psych::scoreItems on the same file, whole process against
 * whole process (start-up included), alternating in the same run; then one more run of each with the
 * scores kept, compared scale by scale.
 */
export async function benchPeer(q: Questionnaire, qFile: string, csv: string, respondents: number, runs = 5): Promise<PeerFigures | { skipped: string }> {
	const missing = await rMissing();
	if (missing) return { skipped: missing };
	const dir = tmpdir();
	const timed = join(dir, 'spejl-bench-psych.R');
	writeFileSync(timed, rScript(q, csv));
	const rOut = join(dir, 'spejl-bench-psych-scores.csv');
	const checked = join(dir, 'spejl-bench-psych-check.R');
	writeFileSync(checked, rScript(q, csv, rOut));
	const spejlOut = join(dir, 'spejl-bench-scores.json');

	const first = await runProcess(process.execPath, cliArgs(qFile, csv, 'json'));
	const r: ProcessRun[] = [];
	const spejl: ProcessRun[] = [];
	for (let i = 0; i < runs; i++) {
		r.push(await runProcess('Rscript', [timed]));
		spejl.push(await runProcess(process.execPath, cliArgs(qFile, csv, 'json')));
	}
	for (const run of [...r, ...spejl]) if (run.exitCode !== 0) throw new Error(`a benchmark process failed:\n${run.stderr}`);
	await runProcess('Rscript', [checked]);
	await runProcess(process.execPath, cliArgs(qFile, csv, 'json'), spejlOut);

	// Compare every scale score Spejl gave with R's mean of the answered items (psych reverses as lo + hi − x).
	const rLines = readFileSync(rOut, 'utf8').trim().split('\n');
	const rHeader = rLines[0].split(',');
	const rById = new Map(rLines.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
	const results = JSON.parse(readFileSync(spejlOut, 'utf8')) as { id: string; scales: Record<string, { score: number | null }> }[];
	let compared = 0;
	let maxAbsDifference = 0;
	let unscored = 0;
	for (const result of results) {
		const row = rById.get(result.id);
		if (!row) throw new Error(`R has no row ${result.id}`);
		for (const def of q.scoring?.scales ?? []) {
			const mine = result.scales[def.id].score;
			if (mine === null) {
				unscored++;
				continue;
			}
			const theirs = Number(row[rHeader.indexOf(def.id)]);
			const mean = def.method === 'sum' ? mine / def.items.length : mine;
			maxAbsDifference = Math.max(maxAbsDifference, Math.abs(mean - theirs));
			compared++;
		}
	}
	const med = (runs: ProcessRun[], f: (r: ProcessRun) => number | null) => {
		const xs = runs.map(f);
		return xs.some((x) => x === null) ? null : median(xs as number[]);
	};
	const rWall = median(r.map((x) => x.wallSeconds));
	const sWall = median(spejl.map((x) => x.wallSeconds));
	const rCpu = med(r, (x) => x.cpuSeconds);
	const sCpu = med(spejl, (x) => x.cpuSeconds);
	return {
		runs,
		respondents,
		rWallSeconds: rWall,
		rCpuSeconds: rCpu,
		rPeakRssMB: med(r, (x) => x.peakRssMB),
		spejlWallSeconds: sWall,
		spejlCpuSeconds: sCpu,
		spejlPeakRssMB: med(spejl, (x) => x.peakRssMB),
		wallRatio: rWall / sWall,
		cpuRatio: rCpu !== null && sCpu !== null ? rCpu / sCpu : null,
		spejlFirstRunSeconds: first.wallSeconds,
		compared,
		maxAbsDifference,
		unscored
	};
}

export async function benchScoring(options: { respondents?: number; cliRespondents?: number } = {}): Promise<ScoringBench> {
	const inProcess = benchInProcess({ respondents: options.respondents });
	const q = loadQuestionnaire();
	const cliN = options.cliRespondents ?? 100_000;
	const qFile = join(root, 'questionnaires/big-five-ipip-50.json');
	const cli: CliFigures[] = [];
	let peer: ScoringBench['peer'] = { skipped: 'the big-five-ipip-50 questionnaire is missing' };
	if (existsSync(qFile) && q.id === 'big-five-ipip-50') {
		const csv = writeResponsesCsv(q, cliN);
		const items = scoredItems(q).length;
		peer = await benchPeer(q, qFile, csv, cliN);
		// A tenth of the rows too: if memory were proportional to input, peak RSS would grow tenfold.
		const small = writeResponsesCsv(q, cliN / 10);
		cli.push(await benchCli(qFile, small, cliN / 10, items, 'json'));
		cli.push(await benchCli(qFile, csv, cliN, items, 'json'));
		cli.push(await benchCli(qFile, csv, cliN, items, 'csv'));
	}
	return { node: process.version, date: new Date().toISOString(), inProcess, peer, cli };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
	console.log(JSON.stringify(await benchScoring(), null, 2));
}
