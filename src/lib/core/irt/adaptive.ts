/**
 * The `adaptive` block of a questionnaire (docs/adaptive-testing.md): the calibrated item parameters and the
 * rule of the adaptive test. Validation and the bank and rule the server and `npm run cat` use.
 */
import type { QuestionnaireProblem as Problem, Questionnaire } from '../questionnaire/types.ts';
import { completeRule, type Bank, type CatRule } from './cat.ts';
import { bankFromParameters, type ParameterDocument } from './parameters.ts';

export interface AdaptiveDefinition {
	/** Stop a scale at SE ≤ this (default 0.40)… */
	se?: number;
	/** …after at least this many answers (default 4)… */
	minItems?: number;
	/** …or after this many statements (default: all of the scale's items). */
	maxItems?: number;
	/** Choose at random among this many most informative items (default 1). */
	randomesque?: number;
	/** Statements per page (default 1; at most one per scale). */
	perStep?: number;
	/** The calibrated parameters (the output of `npm run calibrate`), for every scale of the questionnaire. */
	parameters: ParameterDocument;
}

const KEYS = ['se', 'minItems', 'maxItems', 'randomesque', 'perStep', 'parameters'];

/** Problems of a questionnaire's `adaptive` block (none when it has none). */
export function validateAdaptive(q: Record<string, unknown>): Problem[] {
	const adaptive = q.adaptive as Record<string, unknown> | undefined;
	if (adaptive === undefined) return [];
	const out: Problem[] = [];
	if (typeof adaptive !== 'object' || adaptive === null || Array.isArray(adaptive)) {
		return [{ path: '$.adaptive', message: 'must be an object { se?, minItems?, maxItems?, randomesque?, perStep?, parameters }' }];
	}
	for (const key of Object.keys(adaptive)) if (!KEYS.includes(key)) out.push({ path: `$.adaptive.${key}`, message: `is not a known key (known: ${KEYS.join(', ')})` });
	if (adaptive.se !== undefined && !(typeof adaptive.se === 'number' && adaptive.se > 0 && adaptive.se < 1)) out.push({ path: '$.adaptive.se', message: 'must be a number between 0 and 1' });
	for (const key of ['minItems', 'maxItems', 'randomesque', 'perStep']) {
		const v = adaptive[key];
		if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 1)) out.push({ path: `$.adaptive.${key}`, message: 'must be a whole number ≥ 1' });
	}
	if (typeof adaptive.minItems === 'number' && typeof adaptive.maxItems === 'number' && adaptive.minItems > adaptive.maxItems) {
		out.push({ path: '$.adaptive.minItems', message: `must not exceed maxItems (${adaptive.maxItems})` });
	}
	const scales = (q.scoring as Questionnaire['scoring'])?.scales;
	if (!Array.isArray(scales) || scales.length === 0) {
		out.push({ path: '$.adaptive', message: 'an adaptive questionnaire needs scoring.scales (one dimension per scale)' });
		return out;
	}
	const built = bankFromParameters(adaptive.parameters, scales);
	if (!built.ok) for (const p of built.problems) out.push({ path: `$.adaptive.parameters.${p.split(':')[0]}`, message: p.slice(p.indexOf(':') + 2) });
	return out;
}

/** The bank and the complete rule of an adaptive questionnaire (undefined when it is not adaptive). */
export function adaptiveTest(q: Questionnaire & { adaptive?: AdaptiveDefinition }, override: Partial<CatRule> = {}): { bank: Bank; rule: CatRule } | undefined {
	const adaptive = q.adaptive;
	if (!adaptive || !q.scoring?.scales) return undefined;
	const built = bankFromParameters(adaptive.parameters, q.scoring.scales);
	if (!built.ok) throw new Error(`${q.id}: ${built.problems.join('; ')}`);
	const { se, minItems, maxItems, randomesque, perStep } = adaptive;
	return { bank: built.bank, rule: completeRule(built.bank, { se, minItems, maxItems, randomesque, perStep, ...override }) };
}
