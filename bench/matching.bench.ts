/**
 * Matching benchmark: one profile against the 923 O*NET occupations, and 10,000 random profiles, each next
 * to a baseline measured in the same run (a plain loop of 923 six-element dot products per profile), so
 * the ratio says how much the real work (Pearson r, Holland codes, Iachan M, sorting, `why`) costs on top
 * of the arithmetic floor, independent of the machine.
 *
 * Standalone: `npx tsx bench/matching.bench.ts` prints JSON. Or import `benchMatching()`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseOpportunitySet } from '../src/lib/core/opportunities/parse-set.ts';
import { matchOpportunities } from '../src/lib/core/matching/match.ts';
import type { OpportunitySet } from '../src/lib/core/opportunities/types.ts';
import { median, mulberry32 } from './lib/stats.ts';

export interface BenchResult {
	name: string;
	/** Median wall time of one run, in milliseconds. */
	medianMs: number;
	minMs: number;
	maxMs: number;
	runs: number;
	/** What one run does. */
	work: string;
	/** medianMs divided by the matching baseline's medianMs (only on the measured, non-baseline rows). */
	ratioToBaseline?: number;
	/** medianMs per profile, for batch rows. */
	perProfileMs?: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured with performance.now(). */
function measure(name: string, work: string, runs: number, warmup: number, fn: () => unknown): BenchResult {
	let sink = 0;
	for (let i = 0; i < warmup; i++) sink += fn() ? 1 : 0;
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		sink += fn() ? 1 : 0;
		times.push(performance.now() - t0);
	}
	if (sink < 0) console.log(sink); // keeps the results observable so the work is not optimised away
	return { name, work, runs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
}

/** The arithmetic floor: one six-element dot product per opportunity, best score kept. */
function dotProducts(profile: readonly number[], vectors: Float64Array, n: number): number {
	let best = -Infinity;
	for (let j = 0; j < n; j++) {
		const o = j * 6;
		let d = 0;
		for (let k = 0; k < 6; k++) d += profile[k] * vectors[o + k];
		if (d > best) best = d;
	}
	return best;
}

export function loadOnet(): OpportunitySet {
	const dir = fileURLToPath(new URL('../opportunities/', import.meta.url));
	const r = parseOpportunitySet(
		readFileSync(dir + 'onet-29-3.csv', 'utf8'),
		JSON.parse(readFileSync(dir + 'onet-29-3.json', 'utf8')),
		'onet-29-3.csv'
	);
	if (!r.ok) throw new Error(`onet-29-3 does not parse: ${JSON.stringify(r.problems.slice(0, 3))}`);
	return r.set;
}

export async function benchMatching(options: { profiles?: number; seed?: number } = {}): Promise<BenchResult[]> {
	const nProfiles = options.profiles ?? 10_000;
	const random = mulberry32(options.seed ?? 20261126);
	const dir = fileURLToPath(new URL('../opportunities/', import.meta.url));
	const csv = readFileSync(dir + 'onet-29-3.csv', 'utf8');
	const sidecar = JSON.parse(readFileSync(dir + 'onet-29-3.json', 'utf8'));

	const results: BenchResult[] = [];
	results.push(measure('parse onet-29-3.csv', 'parseOpportunitySet on 923 rows', 30, 3, () => parseOpportunitySet(csv, sidecar, 'onet-29-3.csv')));

	const set = loadOnet();
	const n = set.opportunities.length;
	const vectors = new Float64Array(n * 6);
	set.opportunities.forEach((o, j) => vectors.set(o.riasec, j * 6));

	// RIASEC-48 means on 1–5, two decimals; re-drawn if flat so every profile is matched
	const profiles: number[][] = [];
	while (profiles.length < nProfiles) {
		const p = Array.from({ length: 6 }, () => Math.round((1 + 4 * random()) * 100) / 100);
		const result = matchOpportunities({ riasec: p }, set, { top: 1 });
		if (result.matchable) profiles.push(p);
	}
	const one = [2.1, 4.3, 1.8, 3.2, 2.5, 4.0];

	const base1 = measure('baseline: 923 dot products', `${n} six-element dot products (plain loop)`, 500, 50, () => dotProducts(one, vectors, n));
	const match1 = measure('match 1 profile × 923', `matchOpportunities, all ${n} ranked`, 500, 50, () => matchOpportunities({ riasec: one }, set));
	const match1top = measure('match 1 profile × 923, top 20', 'matchOpportunities with { top: 20 }', 500, 50, () => matchOpportunities({ riasec: one }, set, { top: 20 }));
	match1.ratioToBaseline = match1.medianMs / base1.medianMs;
	match1top.ratioToBaseline = match1top.medianMs / base1.medianMs;

	const baseN = measure(`baseline: ${nProfiles} × 923 dot products`, `${nProfiles} profiles × ${n} dot products`, 7, 1, () => {
		let s = 0;
		for (const p of profiles) s += dotProducts(p, vectors, n);
		return s;
	});
	const matchN = measure(`match ${nProfiles} profiles × 923, top 20`, `${nProfiles} × matchOpportunities({ top: 20 })`, 7, 1, () => {
		let s = 0;
		for (const p of profiles) {
			const r = matchOpportunities({ riasec: p }, set, { top: 20 });
			if (r.matchable) s += r.matches.length;
		}
		return s;
	});
	matchN.ratioToBaseline = matchN.medianMs / baseN.medianMs;
	matchN.perProfileMs = matchN.medianMs / nProfiles;
	baseN.perProfileMs = baseN.medianMs / nProfiles;

	results.push(base1, match1, match1top, baseN, matchN);
	return results;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
	const results = await benchMatching();
	console.log(JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2));
}
