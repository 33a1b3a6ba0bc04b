/**
 * The item-parameter document of a calibrated bank (docs/adaptive-testing.md) and the bank built from it and a
 * questionnaire's scales.
 */
import type { Questionnaire, ScaleDefinition } from '../questionnaire/types.ts';
import type { ScaleCalibration } from './calibrate.ts';
import type { Bank } from './cat.ts';

export interface ParameterItem {
	a: number;
	b: number[];
	n?: number;
	observed?: number[];
	expected?: number[];
}

export interface ParameterScale {
	items: Record<string, ParameterItem>;
	n?: number;
	iterations?: number;
	converged?: boolean;
	lastChange?: number;
	logLikelihood?: number;
}

export interface ParameterDocument {
	model: 'graded';
	questionnaire?: string;
	version?: string;
	/** Where the parameters came from (sample, attribution, hold-out). */
	source?: string;
	respondents?: number;
	scales: Record<string, ParameterScale>;
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** The parameter document of a calibration (numbers rounded to 4 decimals). */
export function parameterDocument(q: Questionnaire, respondents: number, calibrations: { scale: ScaleDefinition; result: ScaleCalibration }[]): ParameterDocument {
	return {
		model: 'graded',
		questionnaire: q.id,
		version: q.version,
		respondents,
		scales: Object.fromEntries(
			calibrations.map(({ scale, result }) => [
				scale.id,
				{
					n: result.n,
					iterations: result.iterations,
					converged: result.converged,
					lastChange: Number(result.lastChange.toPrecision(3)),
					logLikelihood: round(result.logLikelihood, 2),
					items: Object.fromEntries(
						result.items.map((item, j) => [
							scale.items[j],
							{
								a: round(item.a),
								b: item.b.map((b) => round(b)),
								n: item.n,
								observed: item.observed.map((p) => round(p)),
								expected: item.expected.map((p) => round(p))
							}
						])
					)
				}
			])
		)
	};
}

/**
 * Checks a parameter document against a questionnaire's scales and builds the bank; returns the problems
 * (each naming where) instead when they do not fit.
 */
export function bankFromParameters(doc: unknown, scales: readonly ScaleDefinition[]): { ok: true; bank: Bank } | { ok: false; problems: string[] } {
	const problems: string[] = [];
	const d = doc as Partial<ParameterDocument> | null;
	if (!d || typeof d !== 'object' || d.model !== 'graded') return { ok: false, problems: ['model: must be "graded"'] };
	if (!d.scales || typeof d.scales !== 'object') return { ok: false, problems: ['scales: missing'] };
	const ranges = new Set(scales.map((s) => s.range.join('…')));
	if (ranges.size !== 1) problems.push(`the scales must share one answer range (found ${[...ranges].join(', ')})`);
	const [min, max] = scales[0]?.range ?? [1, 5];
	const K = max - min + 1;
	const bank: Bank = { min, max, scales: [] };
	for (const scale of scales) {
		const params = d.scales[scale.id];
		if (!params) {
			problems.push(`scales.${scale.id}: no parameters for this scale`);
			continue;
		}
		const reverse = new Set(scale.reverse ?? []);
		const items = [];
		for (const id of scale.items) {
			const p = params.items?.[id];
			const where = `scales.${scale.id}.items.${id}`;
			if (!p) {
				problems.push(`${where}: no parameters for this item`);
				continue;
			}
			if (!(typeof p.a === 'number' && p.a > 0 && Number.isFinite(p.a))) problems.push(`${where}.a: must be a number > 0`);
			if (!Array.isArray(p.b) || p.b.length !== K - 1 || !p.b.every((b, i) => Number.isFinite(b) && (i === 0 || b > p.b[i - 1]))) {
				problems.push(`${where}.b: must be ${K - 1} increasing numbers`);
			}
			items.push({ id, a: p.a, b: p.b, reverse: reverse.has(id) });
		}
		bank.scales.push({ id: scale.id, items });
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, bank };
}
