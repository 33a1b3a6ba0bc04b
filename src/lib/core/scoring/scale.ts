/** Raw scale scores: reverse keying, missing answers, mean or prorated sum (docs/questionnaire-format.md, "scales"). */
import type { Answers, ScaleDefinition } from '../questionnaire/types.ts';

export interface RawScaleScore {
	id: string;
	/** null when fewer than minAnswered items were answered. */
	score: number | null;
	answered: number;
	reason?: string;
}

/** undefined, null and '' are missing answers (an empty CSV cell, an unanswered question). */
const isMissing = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The keyed value of one item: y = lo + hi − x for reversed items, y = x otherwise.
 *
 * Reference: docs/questionnaire-format.md, "scales"; reverse keying as in Furr (2011), *Scale Construction and Psychometrics
 * for Social and Personality Psychology*, ch. 3.
 * @example keyedValue(1, [1, 5], true) // → 5
 */
export function keyedValue(x: number, range: readonly [number, number], reversed: boolean): number {
	return reversed ? range[0] + range[1] - x : x;
}

/**
 * Scores one scale from answers. With k items of which `answered` are non-missing:
 * mean = Σy / answered; sum = k · Σy / answered (prorated; the plain sum when nothing is missing).
 * Fewer than `minAnswered` (default k) answered items give score null and a reason — never 0.
 * Throws on a non-numeric or out-of-range value (answers must be validated before scoring).
 *
 * Reference: docs/questionnaire-format.md, "scales" (normative).
 * @example scoreScale({ id: 's', title: 'S', items: ['a', 'b'], reverse: ['b'], range: [1, 5], method: 'mean' }, { a: 4, b: 2 })
 * // → { id: 's', score: 4, answered: 2 }   (y = 4 and 1 + 5 − 2 = 4; 8 / 2)
 */
export function scoreScale(def: ScaleDefinition, answers: Answers): RawScaleScore {
	const reverse = new Set(def.reverse ?? []);
	const [lo, hi] = def.range;
	const k = def.items.length;
	let total = 0;
	let answered = 0;
	for (const item of def.items) {
		const x = answers[item];
		if (isMissing(x)) continue;
		if (typeof x !== 'number' || !Number.isFinite(x)) {
			throw new Error(`${def.id}: item ${item} has the non-numeric answer ${JSON.stringify(x)}`);
		}
		if (x < lo || x > hi) throw new Error(`${def.id}: item ${item} has the answer ${x}, outside the range [${lo}, ${hi}]`);
		total += keyedValue(x, def.range, reverse.has(item));
		answered++;
	}
	return rawScaleScoreFrom(def, total, answered);
}

/**
 * The raw score from the keyed total Σy of the `answered` non-missing items (docs/questionnaire-format.md, "scales"): mean = Σy / answered,
 * sum = k · Σy / answered; null with a reason when fewer than `minAnswered` (default k) items were answered.
 * Shared by `scoreScale` and the compiled scoring plan, so both give the same numbers.
 *
 * Reference: docs/questionnaire-format.md, "scales" (normative).
 * @example rawScaleScoreFrom({ id: 's', title: 'S', items: ['a', 'b'], range: [1, 5], method: 'sum' }, 8, 2) // → { id: 's', score: 8, answered: 2 }
 */
export function rawScaleScoreFrom(def: ScaleDefinition, total: number, answered: number): RawScaleScore {
	const k = def.items.length;
	const needed = def.minAnswered ?? k;
	if (answered === 0 || answered < needed) {
		return { id: def.id, score: null, answered, reason: `${answered} of ${k} items answered; at least ${needed} needed` };
	}
	const score = def.method === 'sum' ? (k * total) / answered : total / answered;
	return { id: def.id, score, answered };
}
