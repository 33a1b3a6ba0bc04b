/**
 * Replaying recorded respondents through the adaptive test (`npm run cat -- simulate`): each "answer" is what
 * that person answered to the chosen item; θ from the short test is compared with the EAP from all their answers.
 */
import { runCat, scaleEstimate, type Bank, type CatRule } from './cat.ts';

export interface SimulatedScale {
	theta: number;
	se: number;
	items: string[];
	thetaFull: number;
	seFull: number;
}

export interface SimulatedRespondent {
	id: string;
	scales: Record<string, SimulatedScale>;
}

export interface SimulationSummary {
	respondents: number;
	rule: CatRule;
	/** Mean statements presented per respondent, and as a share of the bank. */
	meanItems: number;
	bankItems: number;
	meanShare: number;
	scales: Record<string, { meanItems: number; r: number; rmse: number; meanSe: number; meanSeFull: number }>;
	/** Share of respondents who were shown each item. */
	exposure: Record<string, number>;
	maxExposure: { item: string; share: number };
}

/** Pearson's r. */
export function correlation(x: readonly number[], y: readonly number[]): number {
	const n = x.length;
	let mx = 0;
	let my = 0;
	for (let i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= n;
	my /= n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) ** 2;
		syy += (y[i] - my) ** 2;
	}
	return sxy / Math.sqrt(sxx * syy);
}

/** One recorded respondent through the test. `answers` maps item → raw answer (missing items are absent). */
export function simulateRespondent(bank: Bank, rule: CatRule, id: string, answers: ReadonlyMap<string, number>, random: () => number): SimulatedRespondent {
	const { steps, scales } = runCat(bank, rule, (item) => answers.get(item) ?? null, random);
	const out: Record<string, SimulatedScale> = {};
	bank.scales.forEach((scale, s) => {
		const full = scaleEstimate(bank, scale, answers);
		const state = scales[s];
		out[scale.id] = {
			theta: state.theta,
			se: state.se,
			items: steps.filter((step) => scale.items.some((i) => i.id === step.item)).map((step) => step.item),
			thetaFull: full.theta,
			seFull: full.se
		};
	});
	return { id, scales: out };
}

export function summarize(bank: Bank, rule: CatRule, respondents: readonly SimulatedRespondent[]): SimulationSummary {
	const n = respondents.length;
	const bankItems = bank.scales.reduce((s, scale) => s + scale.items.length, 0);
	const exposure: Record<string, number> = {};
	for (const scale of bank.scales) for (const item of scale.items) exposure[item.id] = 0;
	let total = 0;
	const scales: SimulationSummary['scales'] = {};
	for (const scale of bank.scales) {
		const theta: number[] = [];
		const full: number[] = [];
		let items = 0;
		let se = 0;
		let seFull = 0;
		let sq = 0;
		for (const r of respondents) {
			const s = r.scales[scale.id];
			theta.push(s.theta);
			full.push(s.thetaFull);
			items += s.items.length;
			se += s.se;
			seFull += s.seFull;
			sq += (s.theta - s.thetaFull) ** 2;
			for (const item of s.items) exposure[item]++;
		}
		total += items;
		const round = (x: number) => Number(x.toFixed(4));
		scales[scale.id] = { meanItems: round(items / n), r: round(correlation(theta, full)), rmse: round(Math.sqrt(sq / n)), meanSe: round(se / n), meanSeFull: round(seFull / n) };
	}
	let maxExposure = { item: '', share: -1 };
	for (const item of Object.keys(exposure)) {
		exposure[item] = Number((exposure[item] / n).toFixed(4));
		if (exposure[item] > maxExposure.share) maxExposure = { item, share: exposure[item] };
	}
	const meanItems = total / n;
	return { respondents: n, rule, meanItems: Number(meanItems.toFixed(3)), bankItems, meanShare: Number((meanItems / bankItems).toFixed(4)), scales, exposure, maxExposure };
}
