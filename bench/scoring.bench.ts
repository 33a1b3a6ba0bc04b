/**
 * Scoring benchmark, two parts:
 *
 * 1. In process, on one core: item answers scored per second by the core's `scoreResponse` on the
 *    big-five-ipip-50 questionnaire (5 scales × 10 items, norms), next to a baseline measured in the same run
 *    (a plain loop summing the same answers), so the ratio says what validation-free scoring costs on top of
 *    the arithmetic floor, independent of the machine.
 * 2. The batch CLI (`scripts/score.ts` through tsx) on a generated 100,000 × 50 CSV in os.tmpdir(): wall time
 *    and peak RSS of the child (from `/usr/bin/time -v` when present, else `maxRSS` reported by the CLI itself
 *    with SPEJL_REPORT_MAXRSS=1), to show that streaming keeps memory flat.
 *
 * Standalone: `npx tsx bench/scoring.bench.ts` prints JSON. Or import `benchScoring()`.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Answers, Questionnaire } from '../src/lib/core/questionnaire/types.ts';
import { scoreResponse } from '../src/lib/core/scoring/score.ts';
import { median, mulberry32 } from './lib/stats.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface InProcessFigures {
	questionnaire: string;
	items: number;
	respondentsPerRun: number;
	runs: number;
	/** Median over runs. */
	scoreMedianMs: number;
	baselineMedianMs: number;
	itemAnswersPerSecond: number;
	baselineItemAnswersPerSecond: number;
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
	peakRssMB: number | null;
	rssSource: '/usr/bin/time -v' | 'process.resourceUsage' | 'unavailable';
	respondentsPerSecond: number;
	exitCode: number | null;
}

export interface ScoringBench {
	node: string;
	date: string;
	inProcess: InProcessFigures;
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

	// The floor: look up and add every scored item's answer, skipping missing ones.
	const baselineMs = measure(runs, 2, () => {
		let s = 0;
		for (const row of rows) {
			for (const item of items) {
				const x = row[item];
				if (typeof x === 'number') s += x;
			}
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
		scoreMedianMs: scoreMs,
		baselineMedianMs: baselineMs,
		itemAnswersPerSecond: answersGiven / (scoreMs / 1000),
		baselineItemAnswersPerSecond: answersGiven / (baselineMs / 1000),
		ratioToBaseline: scoreMs / baselineMs,
		respondentsPerSecond: n / (scoreMs / 1000)
	};
}

/** Writes an `id,<items…>` CSV of `n` respondents (about 5 % empty cells) and returns its path. */
export function writeResponsesCsv(q: Questionnaire, n: number, seed = 7): string {
	const random = mulberry32(seed);
	const items = scoredItems(q);
	const file = join(tmpdir(), `spejl-bench-${q.id}-${n}.csv`);
	const fd = openSync(file, 'w');
	let chunk = `id,${items.join(',')}\n`;
	for (let r = 1; r <= n; r++) {
		let line = `p${r}`;
		for (let i = 0; i < items.length; i++) line += random() < 0.05 ? ',' : `,${1 + Math.floor(random() * 5)}`;
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

/** Runs the score CLI on `csv`, output discarded; wall time and the child's peak RSS. */
export async function benchCli(qFile: string, csv: string, respondents: number, items: number, format: 'json' | 'csv'): Promise<CliFigures> {
	const tsx = join(root, 'node_modules/.bin/tsx');
	const args = [join(root, 'scripts/score.ts'), qFile, csv, '--format', format];
	const useTime = existsSync('/usr/bin/time');
	const [cmd, argv] = useTime ? ['/usr/bin/time', ['-v', tsx, ...args]] : [tsx, args];
	const t0 = performance.now();
	const child = spawn(cmd, argv, {
		cwd: root,
		stdio: ['ignore', 'ignore', 'pipe'],
		env: { ...process.env, SPEJL_REPORT_MAXRSS: '1' }
	});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
	const exitCode: number | null = await new Promise((resolve) => child.on('close', resolve));
	const wallSeconds = (performance.now() - t0) / 1000;
	const timeKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
	const selfKb = /maxRSS=(\d+)/.exec(stderr);
	const [kb, rssSource]: [number | null, CliFigures['rssSource']] = timeKb
		? [Number(timeKb[1]), '/usr/bin/time -v']
		: selfKb
			? [Number(selfKb[1]), 'process.resourceUsage']
			: [null, 'unavailable'];
	if (exitCode !== 0) process.stderr.write(stderr);
	return {
		respondents,
		items,
		csvBytes: statSync(csv).size,
		format,
		wallSeconds,
		peakRssMB: kb === null ? null : kb / 1024,
		rssSource,
		respondentsPerSecond: respondents / wallSeconds,
		exitCode
	};
}

export async function benchScoring(options: { respondents?: number; cliRespondents?: number } = {}): Promise<ScoringBench> {
	const inProcess = benchInProcess({ respondents: options.respondents });
	const q = loadQuestionnaire();
	const cliN = options.cliRespondents ?? 100_000;
	const qFile = join(root, 'questionnaires/big-five-ipip-50.json');
	const cli: CliFigures[] = [];
	if (existsSync(qFile) && q.id === 'big-five-ipip-50') {
		const csv = writeResponsesCsv(q, cliN);
		const items = scoredItems(q).length;
		// A tenth of the rows too: if memory were proportional to input, peak RSS would grow tenfold.
		const small = writeResponsesCsv(q, cliN / 10);
		cli.push(await benchCli(qFile, small, cliN / 10, items, 'json'));
		cli.push(await benchCli(qFile, csv, cliN, items, 'json'));
		cli.push(await benchCli(qFile, csv, cliN, items, 'csv'));
	}
	return { node: process.version, date: new Date().toISOString(), inProcess, cli };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
	console.log(JSON.stringify(await benchScoring(), null, 2));
}
