/**
 * EAP (expected a posteriori) scoring under the GRM with a N(0, 1) prior: θ̂ = E[θ | answers] and its posterior
 * SD, by quadrature. Any subset of a scale's items may be answered; unanswered items leave the likelihood alone.
 *
 * Reference: Bock, R. D. & Mislevy, R. J. (1982). Adaptive EAP estimation of ability in a microcomputer
 * environment. Applied Psychological Measurement, 6, 431–444.
 */
import { categoryProbabilities, type GradedItem } from './grm.ts';
import { normalGrid, type Grid } from './quadrature.ts';

export interface Estimate {
	theta: number;
	/** Posterior standard deviation, reported as the standard error. */
	se: number;
}

/** A keyed answer 1…K to one item. */
export interface KeyedAnswer {
	item: GradedItem;
	value: number;
}

let defaultGrid: Grid | undefined;

/** log P(X = k | θ_q) per category and node, remembered per item object and grid (items of a bank never change). */
const tables = new WeakMap<Grid, WeakMap<GradedItem, Float64Array[]>>();

function logTable(item: GradedItem, grid: Grid): Float64Array[] {
	let byItem = tables.get(grid);
	if (!byItem) tables.set(grid, (byItem = new WeakMap()));
	let table = byItem.get(item);
	if (table) return table;
	const K = item.b.length + 1;
	const Q = grid.nodes.length;
	table = Array.from({ length: K }, () => new Float64Array(Q));
	const probs: number[] = [];
	for (let q = 0; q < Q; q++) {
		categoryProbabilities(item, grid.nodes[q], probs);
		for (let k = 0; k < K; k++) table[k][q] = Math.log(Math.max(probs[k], 1e-300));
	}
	byItem.set(item, table);
	return table;
}

/**
 * EAP θ and posterior SD from keyed answers (each 1…K of its item).
 * @example eap([]) // → { theta: 0, se: ≈1 } (the prior)
 */
export function eap(answers: readonly KeyedAnswer[], grid: Grid = (defaultGrid ??= normalGrid())): Estimate {
	const { nodes, weights } = grid;
	const Q = nodes.length;
	const logPost = new Float64Array(Q);
	for (const { item, value } of answers) {
		const K = item.b.length + 1;
		if (!Number.isInteger(value) || value < 1 || value > K) throw new Error(`a keyed answer must be an integer 1…${K} (got ${value})`);
		const table = logTable(item, grid)[value - 1];
		for (let q = 0; q < Q; q++) logPost[q] += table[q];
	}
	let max = -Infinity;
	for (let q = 0; q < Q; q++) if (logPost[q] > max) max = logPost[q];
	let sum = 0;
	let mean = 0;
	for (let q = 0; q < Q; q++) {
		const w = weights[q] * Math.exp(logPost[q] - max);
		logPost[q] = w;
		sum += w;
		mean += w * nodes[q];
	}
	mean /= sum;
	let variance = 0;
	for (let q = 0; q < Q; q++) variance += logPost[q] * (nodes[q] - mean) ** 2;
	variance /= sum;
	return { theta: mean, se: Math.sqrt(variance) };
}
