// The `adaptive` block of a questionnaire: what validation refuses (naming where), and the shipped
// big-five-ipip-50-cat bank.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../questionnaire/validate.ts';
import type { Questionnaire } from '../questionnaire/types.ts';
import { adaptiveTest } from './adaptive.ts';

const shipped = JSON.parse(readFileSync(new URL('../../../../questionnaires/big-five-ipip-50-cat.json', import.meta.url), 'utf8')) as Questionnaire;

describe('adaptive questionnaires', () => {
	it('ships big-five-ipip-50-cat with calibrated parameters for all 50 items and its own rule', () => {
		const checked = validateQuestionnaire(shipped, { fileName: 'big-five-ipip-50-cat.json' });
		expect(checked.problems).toEqual([]);
		const { bank, rule } = adaptiveTest(shipped)!;
		expect(rule).toEqual({ se: 0.42, minItems: 3, maxItems: 6, randomesque: 3, perStep: 1 });
		expect(bank.scales.map((s) => s.items.length)).toEqual([10, 10, 10, 10, 10]);
		expect(bank.scales.flatMap((s) => s.items).every((i) => i.a > 0.3 && i.a < 4 && i.b.length === 4)).toBe(true);
		// reverse keys come from the questionnaire's scales
		expect(bank.scales[0].items.find((i) => i.id === 'EXT2')?.reverse).toBe(true);
		expect(shipped.adaptive?.parameters.source).toContain('never the raw rows');
	});

	it('refuses a broken adaptive block, naming each problem', () => {
		const broken = structuredClone(shipped) as Questionnaire & { adaptive: Record<string, unknown> };
		const params = broken.adaptive.parameters as { scales: Record<string, { items: Record<string, { a: number; b: number[] }> }> };
		delete params.scales.extraversion.items.EXT3;
		params.scales.intellect.items.OPN1.b = [1, 0, 2, 3];
		params.scales.agreeableness.items.AGR1.a = -1;
		broken.adaptive.minItems = 7;
		broken.adaptive.colour = 'red';
		const result = validateQuestionnaire(broken);
		expect(result.ok).toBe(false);
		const paths = result.problems.map((p) => p.path).sort();
		expect(paths).toEqual([
			'$.adaptive.colour',
			'$.adaptive.minItems',
			'$.adaptive.parameters.scales.agreeableness.items.AGR1.a',
			'$.adaptive.parameters.scales.extraversion.items.EXT3',
			'$.adaptive.parameters.scales.intellect.items.OPN1.b'
		]);
		expect(validateQuestionnaire({ ...shipped, adaptive: { parameters: { model: 'rasch' } } }).problems.map((p) => p.message)).toContain('must be "graded"');
	});
});
