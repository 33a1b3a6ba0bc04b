/**
 * The result of an adaptive test in the result format of every other scale (ScaleResult): the EAP θ as the
 * score, z = θ against the scale's first norm (the calibration sample's θ metric, mean 0 and SD 1), T, percentile
 * and sten from it, the band by percentile, and the 90 % band θ ± 1.645·SE; plus how many statements were used.
 */
import type { ScaleResult, ScoredResult, Questionnaire } from '../questionnaire/types.ts';
import { chooseBand } from '../scoring/bands.ts';
import { applyNorm, percentileOf, tScore, Z90 } from '../scoring/norms.ts';
import { scaleStates, type Bank, type CatRule, type CatStep } from './cat.ts';

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function adaptiveResult(q: Questionnaire, bank: Bank, rule: CatRule, steps: readonly CatStep[]): ScoredResult {
	const states = scaleStates(bank, rule, steps);
	const scales: ScaleResult[] = (q.scoring?.scales ?? []).map((def) => {
		const state = states.find((s) => s.id === def.id)!;
		const theta = round(state.theta, 4);
		const se = round(state.se, 4);
		const result: ScaleResult = { id: def.id, score: theta, answered: state.answered };
		const norm = def.norms?.[0];
		if (norm) {
			Object.assign(result, { norm: norm.id }, applyNorm(theta, norm));
			const low = theta - Z90 * se;
			const high = theta + Z90 * se;
			const z = (x: number) => (x - norm.mean) / norm.sd;
			result.ci90 = {
				score: { low: round(low, 4), high: round(high, 4) },
				t: { low: tScore(z(low)), high: tScore(z(high)) },
				percentile: { low: percentileOf(z(low)), high: percentileOf(z(high)) }
			};
		}
		const index = chooseBand(def.bands ?? [], norm ? result.percentile! : theta);
		if (index >= 0) {
			const { label, text } = def.bands![index];
			result.band = text === undefined ? { index, label } : { index, label, text };
		}
		result.adaptive = { items: state.presented.length, of: def.items.length, se };
		return result;
	});
	return {
		scales,
		codes: {},
		tallies: {},
		rankings: {},
		lists: {},
		adaptive: {
			used: steps.length,
			of: bank.scales.reduce((s, scale) => s + scale.items.length, 0),
			steps: steps.map((s) => ({ item: s.item, value: s.value, theta: round(s.theta, 6), se: round(s.se, 6) }))
		}
	};
}
