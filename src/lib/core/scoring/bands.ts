/** Choosing a scale's band (docs/questionnaire-format.md, "scales", last rule). */
import type { Band } from '../questionnaire/types.ts';

/**
 * The index of the first band whose upTo ≥ value (bands ascend; upTo is inclusive); above all bands, the
 * last. `value` is the percentile when the scale has norms, otherwise the score. -1 when there are no bands.
 * Reference: docs/questionnaire-format.md.
 * @example chooseBand([{ upTo: 30, label: 'low' }, { upTo: 70, label: 'mid' }, { upTo: 100, label: 'high' }], 30) // → 0
 */
export function chooseBand(bands: readonly Band[], value: number): number {
	if (bands.length === 0) return -1;
	const index = bands.findIndex((b) => b.upTo >= value);
	return index === -1 ? bands.length - 1 : index;
}
