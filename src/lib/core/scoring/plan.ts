/**
 * A questionnaire's scales compiled once into a scoring plan: item slots, reverse flags and ranges as typed
 * arrays, so many respondents can be scored from a row of numbers without per-row objects or lookups by name.
 * Every number comes from the same functions as `scoreResponse` (`rawScaleScoreFrom`, `scaleResultFromRaw`),
 * so the plan and the per-response path agree exactly.
 */
import type { Questionnaire, ScaleDefinition, ScaleResult } from '../questionnaire/types.ts';
import { rawScaleScoreFrom } from './scale.ts';
import { scaleResultFromRaw } from './score.ts';

/** Scale properties the plan understands; a scale with any other property is scored by `scoreResponse`. */
const PLAN_KEYS = new Set(['id', 'title', 'dimension', 'items', 'reverse', 'range', 'method', 'minAnswered', 'norms', 'reliability', 'bands']);

/** Results remembered per (integer total, answered) pair stay below this many entries per scale. */
const MAX_TABLE = 1 << 16;

/** Numbers per scale in `scorePlanRows` output: score, answered, z, t, percentile, sten (NaN when absent). */
export const PLAN_FIELDS = 6;

export interface ScalePlan {
	def: ScaleDefinition;
	/** Slot of each item in a row of values, in the order of `def.items`. */
	slots: Int32Array;
	/** 1 for a reversed item. */
	reversed: Uint8Array;
	lo: number;
	hi: number;
	/** Smallest integer total the result table covers; totals are Σ of keyed values in [lo, hi]. */
	minTotal: number;
	/** Rows of the result table: totals minTotal … minTotal + totals − 1; 0 when there is no table. */
	totals: number;
}

export interface ScoringPlan {
	questionnaire: Questionnaire;
	/** The norm id asked for (each scale falls back to its first norm, as in `scoreResponse`). */
	norm?: string;
	/** The scored items, one slot each, in order of first appearance. */
	items: string[];
	scales: ScalePlan[];
}

/** Why a questionnaire cannot be compiled (it is then scored response by response), or undefined. */
export function planObstacle(q: Questionnaire): string | undefined {
	const scales = q.scoring?.scales ?? [];
	const ids = new Set<string>();
	for (const def of scales) {
		const extra = Object.keys(def).find((key) => !PLAN_KEYS.has(key));
		if (extra !== undefined) return `scale ${def.id} uses "${extra}"`;
		if (ids.has(def.id)) return `two scales are called ${def.id}`;
		ids.add(def.id);
		if (new Set(def.items).size !== def.items.length) return `scale ${def.id} names an item twice`;
	}
	return undefined;
}

/**
 * Compiles the scales of a validated questionnaire into a plan, or returns undefined when a scale uses
 * something the plan does not cover (see `planObstacle`); score such questionnaires with `scoreResponse`.
 * With integer ranges, each scale gets a table indexed by (total, answered): a respondent's scale result
 * depends on nothing else, so it is computed once per distinct pair (`planTableIndex`).
 *
 * @example compileScoringPlan(q)?.items.length // → 50 for big-five-ipip-50
 */
export function compileScoringPlan(q: Questionnaire, options: { norm?: string } = {}): ScoringPlan | undefined {
	if (planObstacle(q) !== undefined) return undefined;
	const items: string[] = [];
	const slotOf = new Map<string, number>();
	const scales = (q.scoring?.scales ?? []).map((def): ScalePlan => {
		const reverse = new Set(def.reverse ?? []);
		const k = def.items.length;
		const slots = new Int32Array(k);
		const reversed = new Uint8Array(k);
		def.items.forEach((item, i) => {
			let slot = slotOf.get(item);
			if (slot === undefined) {
				slot = items.push(item) - 1;
				slotOf.set(item, slot);
			}
			slots[i] = slot;
			reversed[i] = reverse.has(item) ? 1 : 0;
		});
		const [lo, hi] = def.range;
		const minTotal = Math.min(0, lo * k);
		const totals = Math.max(0, hi * k) - minTotal + 1;
		const tabled = Number.isInteger(lo) && Number.isInteger(hi) && totals * (k + 1) <= MAX_TABLE;
		return { def, slots, reversed, lo, hi, minTotal, totals: tabled ? totals : 0 };
	});
	return { questionnaire: q, norm: options.norm, items, scales };
}

/**
 * The keyed total Σy and the number of answered items of scale `s` for one row of values (`values[offset
 * + slot]`, NaN for a missing answer), summed in item order exactly as `scoreScale` does. Returns the total
 * and writes `answered[s]`. Throws on a value outside the scale's range, as `scoreScale` does.
 */
export function planScaleTotal(plan: ScoringPlan, s: number, values: ArrayLike<number>, offset: number, answered: Int32Array): number {
	const { slots, reversed, lo, hi, def } = plan.scales[s];
	const mirror = lo + hi;
	let total = 0;
	let n = 0;
	for (let i = 0; i < slots.length; i++) {
		const x = values[offset + slots[i]];
		if (x !== x) continue; // NaN: missing
		if (x < lo || x > hi) throw new Error(`${def.id}: item ${def.items[i]} has the answer ${x}, outside the range [${lo}, ${hi}]`);
		total += reversed[i] === 1 ? mirror - x : x;
		n++;
	}
	answered[s] = n;
	return total;
}

/** Index of (total, answered) in scale `s`'s result table, or -1 when the pair is not tabled. */
export function planTableIndex(plan: ScoringPlan, s: number, total: number, answered: number): number {
	const { totals, minTotal, slots } = plan.scales[s];
	const row = total - minTotal;
	if (totals === 0 || !Number.isInteger(row) || row < 0 || row >= totals) return -1;
	return row * (slots.length + 1) + answered;
}

/** Scale `s`'s full result for a keyed total and answered count: the numbers `scoreResponse` gives. */
export function planScaleResult(plan: ScoringPlan, s: number, total: number, answered: number): ScaleResult {
	const def = plan.scales[s].def;
	return scaleResultFromRaw(def, rawScaleScoreFrom(def, total, answered), plan.norm);
}

/**
 * Scores `rows` rows of values (row r at `values[r · plan.items.length + slot]`, NaN = missing) into `out`:
 * per row and scale the PLAN_FIELDS numbers score, answered, z, t, percentile, sten (NaN where absent).
 * Results are computed once per (total, answered) pair and copied afterwards.
 *
 * @example scorePlanRows(plan, new Float64Array([4, 2]), 1, out) // out → [4, 2, z, t, percentile, sten]
 */
export function scorePlanRows(plan: ScoringPlan, values: Float64Array, rows: number, out: Float64Array): void {
	const width = plan.items.length;
	const nScales = plan.scales.length;
	const answered = new Int32Array(nScales);
	const tables = plan.scales.map((p) => new Float64Array(p.totals * (p.slots.length + 1) * PLAN_FIELDS).fill(-1));
	const fill = (target: Float64Array, at: number, s: number, total: number, n: number) => {
		const r = planScaleResult(plan, s, total, n);
		target[at] = r.score ?? NaN;
		target[at + 1] = r.answered;
		target[at + 2] = r.z ?? NaN;
		target[at + 3] = r.t ?? NaN;
		target[at + 4] = r.percentile ?? NaN;
		target[at + 5] = r.sten ?? NaN;
	};
	for (let r = 0; r < rows; r++) {
		for (let s = 0; s < nScales; s++) {
			const total = planScaleTotal(plan, s, values, r * width, answered);
			const at = (r * nScales + s) * PLAN_FIELDS;
			const index = planTableIndex(plan, s, total, answered[s]);
			if (index < 0) {
				fill(out, at, s, total, answered[s]);
				continue;
			}
			const table = tables[s];
			const from = index * PLAN_FIELDS;
			if (table[from + 1] < 0) fill(table, from, s, total, answered[s]);
			for (let f = 0; f < PLAN_FIELDS; f++) out[at + f] = table[from + f];
		}
	}
}
