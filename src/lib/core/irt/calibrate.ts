/**
 * Marginal maximum likelihood estimation of graded-response-model item parameters by the EM algorithm over a
 * quadrature grid (Bock & Aitkin 1981), one dimension per scale, θ ~ N(0, 1) fixed for identification.
 *
 * E-step: each respondent's posterior over the grid nodes given the items they answered (missing answers are
 * left out of the likelihood); the expected number of answers in category k at node q, r[j][k][q].
 * M-step: for each item, Fisher scoring on (a, d₁…d_{K−1}) with P(X > j) = logistic(aθ + dⱼ), maximising
 * Σ_q Σ_k r[j][k][q] · log Pₖ(θ_q), with step halving so the item's expected log-likelihood never falls and
 * the intercepts stay ordered. Thresholds are reported as bⱼ = −dⱼ / a.
 *
 * References: Bock, R. D. & Aitkin, M. (1981). Marginal maximum likelihood estimation of item parameters:
 * application of an EM algorithm. Psychometrika, 46, 443–459. Baker, F. B. & Kim, S.-H. (2004). *Item
 * Response Theory: Parameter Estimation Techniques*, 2nd ed., ch. 8 (the graded model).
 */
import { logistic, type GradedItem } from './grm.ts';
import { normalGrid, type Grid } from './quadrature.ts';

export interface CalibrationOptions {
	/** Stop when no a or b moved by more than this in one cycle (default 1e-4). */
	tolerance?: number;
	/** At most this many EM cycles (default 500). */
	maxIterations?: number;
	grid?: Grid;
}

export interface CalibratedItem extends GradedItem {
	/** Respondents who answered the item. */
	n: number;
	/** Observed share of each category 1…K among those answers. */
	observed: number[];
	/** The share the model expects in each category (averaged over those respondents' posteriors). */
	expected: number[];
}

export interface ScaleCalibration {
	items: CalibratedItem[];
	/** Respondents with at least one answer on the scale. */
	n: number;
	iterations: number;
	converged: boolean;
	/** Largest change of any a or b in the last cycle. */
	lastChange: number;
	/** Marginal log-likelihood at the final parameters. */
	logLikelihood: number;
}

/**
 * Calibrates one scale. `data` holds `respondents × items` keyed answers row by row: 1…K, or 0 for missing.
 * Every item has `categories` (K ≥ 2) answer categories. Respondents with no answer at all are skipped.
 */
export function calibrateGraded(
	data: ArrayLike<number>,
	itemCount: number,
	categories: number,
	options: CalibrationOptions = {}
): ScaleCalibration {
	const J = itemCount;
	const K = categories;
	const M = K - 1;
	if (!(J >= 1) || !(K >= 2)) throw new Error(`a scale needs at least 1 item and 2 categories (got ${J} and ${K})`);
	if (data.length % J !== 0) throw new Error(`the data has ${data.length} cells, not a multiple of ${J} items`);
	const tolerance = options.tolerance ?? 1e-4;
	const maxIterations = options.maxIterations ?? 500;
	const { nodes, weights } = options.grid ?? normalGrid();
	const Q = nodes.length;

	// Keep respondents with at least one answer, packed as Uint8Array.
	const allRows = data.length / J;
	const kept: number[] = [];
	for (let i = 0; i < allRows; i++) {
		for (let j = 0; j < J; j++) {
			const x = data[i * J + j];
			if (x !== 0) {
				kept.push(i);
				break;
			}
		}
	}
	const N = kept.length;
	if (N === 0) throw new Error('no respondent answered any item of the scale');
	const x = new Uint8Array(N * J);
	const counts = Array.from({ length: J }, () => new Float64Array(K));
	for (let n = 0; n < N; n++) {
		for (let j = 0; j < J; j++) {
			const v = data[kept[n] * J + j];
			if (v === 0) continue;
			if (!Number.isInteger(v) || v < 1 || v > K) throw new Error(`an answer must be 0 (missing) or an integer 1…${K} (got ${v})`);
			x[n * J + j] = v;
			counts[j][v - 1]++;
		}
	}

	// Starting values: a = 1, dⱼ from the logit of the share answering above j (never two equal).
	const a = new Float64Array(J).fill(1);
	const d = Array.from({ length: J }, (_, j) => {
		const total = counts[j].reduce((s, c) => s + c, 0);
		const out = new Float64Array(M);
		let above = total;
		for (let m = 0; m < M; m++) {
			above -= counts[j][m];
			const p = Math.min(Math.max((above + 0.5) / (total + 1), 1e-3), 1 - 1e-3);
			out[m] = 1.2 * Math.log(p / (1 - p));
			if (m > 0 && out[m] > out[m - 1] - 0.05) out[m] = out[m - 1] - 0.05;
		}
		return out;
	});

	const logP = new Float64Array(J * K * Q); // log Pₖ(θ_q) of item j at [(j*K + k)*Q + q]
	const r = new Float64Array(J * K * Q); // expected counts
	const lp = new Float64Array(Q);
	const fillLogP = () => {
		for (let j = 0; j < J; j++) {
			for (let q = 0; q < Q; q++) {
				let above = 1;
				for (let k = 0; k < K; k++) {
					const next = k < M ? logistic(a[j] * nodes[q] + d[j][k]) : 0;
					logP[(j * K + k) * Q + q] = Math.log(Math.max(above - next, 1e-300));
					above = next;
				}
			}
		}
	};
	const logW = new Float64Array(Q);
	for (let q = 0; q < Q; q++) logW[q] = Math.log(weights[q]);

	/** E-step at the current parameters: fills r, returns the marginal log-likelihood. */
	const eStep = (): number => {
		fillLogP();
		r.fill(0);
		let logLik = 0;
		for (let n = 0; n < N; n++) {
			const row = n * J;
			lp.set(logW);
			for (let j = 0; j < J; j++) {
				const v = x[row + j];
				if (v === 0) continue;
				const base = (j * K + v - 1) * Q;
				for (let q = 0; q < Q; q++) lp[q] += logP[base + q];
			}
			let max = -Infinity;
			for (let q = 0; q < Q; q++) if (lp[q] > max) max = lp[q];
			let sum = 0;
			for (let q = 0; q < Q; q++) {
				const e = Math.exp(lp[q] - max);
				lp[q] = e;
				sum += e;
			}
			logLik += max + Math.log(sum);
			const inv = 1 / sum;
			for (let q = 0; q < Q; q++) lp[q] *= inv;
			for (let j = 0; j < J; j++) {
				const v = x[row + j];
				if (v === 0) continue;
				const base = (j * K + v - 1) * Q;
				for (let q = 0; q < Q; q++) r[base + q] += lp[q];
			}
		}
		return logLik;
	};

	const P = 1 + M; // parameters per item
	const grad = new Float64Array(P);
	const info = new Float64Array(P * P);
	const deriv = new Float64Array(K * P);
	const pStar = new Float64Array(K + 1);
	const wStar = new Float64Array(K + 1);

	/** The expected complete-data log-likelihood of item j at (aj, dj). */
	const itemObjective = (j: number, aj: number, dj: Float64Array): number => {
		let total = 0;
		for (let q = 0; q < Q; q++) {
			let above = 1;
			for (let k = 0; k < K; k++) {
				const next = k < M ? logistic(aj * nodes[q] + dj[k]) : 0;
				const rk = r[(j * K + k) * Q + q];
				if (rk > 0) total += rk * Math.log(Math.max(above - next, 1e-300));
				above = next;
			}
		}
		return total;
	};

	/** One Fisher-scoring step for item j with step halving; returns the largest change of a or b. */
	const mStepItem = (j: number): number => {
		grad.fill(0);
		info.fill(0);
		for (let q = 0; q < Q; q++) {
			const t = nodes[q];
			pStar[0] = 1;
			wStar[0] = 0;
			for (let m = 0; m < M; m++) {
				const p = logistic(a[j] * t + d[j][m]);
				pStar[m + 1] = p;
				wStar[m + 1] = p * (1 - p);
			}
			pStar[K] = 0;
			wStar[K] = 0;
			let nq = 0;
			for (let k = 0; k < K; k++) nq += r[(j * K + k) * Q + q];
			if (nq === 0) continue;
			deriv.fill(0);
			for (let k = 0; k < K; k++) {
				// Pₖ = P*ₖ − P*ₖ₊₁ (1-based categories: index k here is category k+1)
				const o = k * P;
				deriv[o] = t * (wStar[k] - wStar[k + 1]);
				if (k >= 1) deriv[o + k] += wStar[k]; // ∂/∂d_k (intercept index k−1 → parameter k)
				if (k < M) deriv[o + k + 1] -= wStar[k + 1];
				const pk = Math.max(pStar[k] - pStar[k + 1], 1e-300);
				const rk = r[(j * K + k) * Q + q];
				for (let u = 0; u < P; u++) {
					grad[u] += (rk * deriv[o + u]) / pk;
					const du = (nq * deriv[o + u]) / pk;
					for (let v = u; v < P; v++) info[u * P + v] += du * deriv[o + v];
				}
			}
		}
		for (let u = 0; u < P; u++) for (let v = 0; v < u; v++) info[u * P + v] = info[v * P + u];
		const step = solve(info, grad, P);
		if (!step) return 0;
		const before = itemObjective(j, a[j], d[j]);
		const oldA = a[j];
		const oldB = Array.from(d[j], (dm) => -dm / oldA);
		let scale = 1;
		for (let tries = 0; tries < 30; tries++, scale /= 2) {
			const newA = a[j] + scale * step[0];
			const newD = new Float64Array(M);
			let ordered = newA > 0;
			for (let m = 0; m < M; m++) {
				newD[m] = d[j][m] + scale * step[m + 1];
				if (m > 0 && !(newD[m] < newD[m - 1])) ordered = false;
			}
			if (!ordered) continue;
			if (itemObjective(j, newA, newD) >= before - 1e-9 * Math.abs(before)) {
				a[j] = newA;
				d[j] = newD;
				let change = Math.abs(newA - oldA);
				for (let m = 0; m < M; m++) change = Math.max(change, Math.abs(-newD[m] / newA - oldB[m]));
				return change;
			}
		}
		return 0;
	};

	let iterations = 0;
	let lastChange = Infinity;
	let converged = false;
	while (iterations < maxIterations) {
		eStep();
		iterations++;
		lastChange = 0;
		for (let j = 0; j < J; j++) lastChange = Math.max(lastChange, mStepItem(j));
		if (lastChange < tolerance) {
			converged = true;
			break;
		}
	}
	const logLikelihood = eStep();

	const items: CalibratedItem[] = [];
	for (let j = 0; j < J; j++) {
		const n = counts[j].reduce((s, c) => s + c, 0);
		const expected = new Array<number>(K).fill(0);
		// The model's share per category, weighted by the posteriors of those who answered item j.
		let mass = 0;
		for (let q = 0; q < Q; q++) {
			let nq = 0;
			for (let k = 0; k < K; k++) nq += r[(j * K + k) * Q + q];
			mass += nq;
			for (let k = 0; k < K; k++) expected[k] += nq * Math.exp(logP[(j * K + k) * Q + q]);
		}
		items.push({
			a: a[j],
			b: Array.from(d[j], (dm) => -dm / a[j]),
			n,
			observed: Array.from(counts[j], (c) => (n > 0 ? c / n : 0)),
			expected: expected.map((e) => (mass > 0 ? e / mass : 0))
		});
	}
	return { items, n: N, iterations, converged, lastChange, logLikelihood };
}

/** Solves the symmetric positive definite system A·x = b (size n) by Gaussian elimination with partial pivoting. */
function solve(A: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
	const m = new Float64Array(n * (n + 1));
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) m[i * (n + 1) + j] = A[i * n + j];
		m[i * (n + 1) + n] = b[i];
	}
	const w = n + 1;
	for (let c = 0; c < n; c++) {
		let pivot = c;
		for (let i = c + 1; i < n; i++) if (Math.abs(m[i * w + c]) > Math.abs(m[pivot * w + c])) pivot = i;
		if (!(Math.abs(m[pivot * w + c]) > 1e-12)) return undefined;
		if (pivot !== c) for (let j = 0; j < w; j++) [m[c * w + j], m[pivot * w + j]] = [m[pivot * w + j], m[c * w + j]];
		for (let i = c + 1; i < n; i++) {
			const f = m[i * w + c] / m[c * w + c];
			if (f !== 0) for (let j = c; j < w; j++) m[i * w + j] -= f * m[c * w + j];
		}
	}
	const out = new Float64Array(n);
	for (let i = n - 1; i >= 0; i--) {
		let s = m[i * w + n];
		for (let j = i + 1; j < n; j++) s -= m[i * w + j] * out[j];
		out[i] = s / m[i * w + i];
	}
	return out;
}
