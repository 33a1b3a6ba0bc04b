/**
 * What an author looks at before trusting a bank (docs/adaptive-testing.md): each item's information curve and
 * each scale's test information (their sum, with 1 / √information the SE a test of all its items would reach),
 * and how often each item was actually shown.
 */
import type { Answers } from '../questionnaire/types.ts';
import { itemInformation } from './grm.ts';
import type { Bank } from './cat.ts';

export interface InformationCurves {
	theta: number[];
	scales: { id: string; test: number[]; items: { id: string; info: number[] }[] }[];
}

/**
 * Item and test information on an even grid of θ.
 * @example informationCurves(bank, -1, 1, 1).theta // → [-1, 0, 1]
 */
export function informationCurves(bank: Bank, from = -3, to = 3, step = 0.25): InformationCurves {
	const theta: number[] = [];
	for (let i = 0; from + i * step <= to + 1e-9; i++) theta.push(Number((from + i * step).toFixed(6)));
	const round = (x: number) => Number(x.toFixed(4));
	return {
		theta,
		scales: bank.scales.map((scale) => {
			const items = scale.items.map((item) => ({ id: item.id, info: theta.map((t) => round(itemInformation(item, t))) }));
			const test = theta.map((_, i) => round(items.reduce((s, item) => s + item.info[i], 0)));
			return { id: scale.id, test, items };
		})
	};
}

/**
 * The share of completed tests that showed each item (an adaptive response's answers are exactly the statements
 * it showed). Every item of the bank is listed, 0 when never shown; all 0 when there are no responses.
 */
export function observedExposure(bank: Bank, responses: readonly Answers[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const scale of bank.scales) {
		for (const item of scale.items) {
			const shown = responses.filter((answers) => answers[item.id] !== undefined && answers[item.id] !== null).length;
			out[item.id] = responses.length > 0 ? shown / responses.length : 0;
		}
	}
	return out;
}
