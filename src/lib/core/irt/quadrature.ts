/**
 * A quadrature grid for the standard normal prior: `points` equally spaced nodes on [−range, range] with
 * weights proportional to the N(0, 1) density, normalised to sum to 1 (the rectangle rule, as in Bock &
 * Aitkin 1981 and R's mirt/ltm defaults of equally spaced nodes).
 */
export interface Grid {
	nodes: Float64Array;
	weights: Float64Array;
}

/** The default grid of the calibration and of EAP scoring: 81 nodes on [−6, 6]. */
export const DEFAULT_POINTS = 81;
export const DEFAULT_RANGE = 6;

/**
 * @example normalGrid(3, 1).nodes // → [-1, 0, 1]
 */
export function normalGrid(points = DEFAULT_POINTS, range = DEFAULT_RANGE): Grid {
	if (!(points >= 3) || !Number.isInteger(points)) throw new Error(`a grid needs an integer number of points ≥ 3 (got ${points})`);
	const nodes = new Float64Array(points);
	const weights = new Float64Array(points);
	let sum = 0;
	for (let q = 0; q < points; q++) {
		const x = -range + (2 * range * q) / (points - 1);
		nodes[q] = x;
		weights[q] = Math.exp(-0.5 * x * x);
		sum += weights[q];
	}
	for (let q = 0; q < points; q++) weights[q] /= sum;
	return { nodes, weights };
}
