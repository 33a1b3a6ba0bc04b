/** Reliable change between two results of the same scale (retests). */
import type { ScaleDefinition } from '../questionnaire/types.ts';

/** |RCI| above this is a change unlikely (p < .05, two-sided) to come from measurement error alone. */
export const RCI_CRITICAL = 1.96;

export interface ReliableChange {
	/** (x2 − x1) / (√2 · SEM) */
	rci: number;
	/** sd · √(1 − α) */
	sem: number;
	/** |rci| > 1.96 */
	reliable: boolean;
	/** The sign of a reliable change; null when the change is not reliable. */
	direction: 'up' | 'down' | null;
}

/**
 * The reliable change index of Jacobson & Truax:
 * SEM = sd·√(1 − α), S_diff = √2·SEM, RCI = (x2 − x1) / S_diff; the change is *reliable* when |RCI| > 1.96.
 * `sd` is the scale's norm SD and `alpha` its reliability, both on the scale's own metric.
 *
 * Reference: Jacobson, N. S., & Truax, P. (1991). Clinical significance: A statistical approach to
 * defining meaningful change in psychotherapy research. *Journal of Consulting and Clinical Psychology*, 59(1), 12–19.
 *
 * @example reliableChange(3, 4.2, 1, 0.84) // → { rci: 2.1213…, sem: 0.4, reliable: true, direction: 'up' }
 */
export function reliableChange(x1: number, x2: number, sd: number, alpha: number): ReliableChange {
	if (!Number.isFinite(x1) || !Number.isFinite(x2)) throw new Error('both scores must be finite numbers');
	if (!(sd > 0)) throw new Error(`the norm's sd must be > 0 (got ${sd})`);
	if (!(alpha > 0 && alpha < 1)) throw new Error(`reliability alpha must be between 0 and 1 (got ${alpha})`);
	const sem = sd * Math.sqrt(1 - alpha);
	const rci = (x2 - x1) / (Math.SQRT2 * sem);
	const reliable = Math.abs(rci) > RCI_CRITICAL;
	return { rci, sem, reliable, direction: reliable ? (rci > 0 ? 'up' : 'down') : null };
}

/**
 * Reliable change on a scale, from its definition: uses the norm named `normId` (else the first norm)
 * and the scale's reliability. Null when the scale has no norm or no reliability — then whether a
 * change is reliable is not known, and nothing should be claimed.
 *
 * @example scaleReliableChange({ …, norms: [{ id: 'n', mean: 3, sd: 1 }], reliability: { alpha: 0.84 } }, 3, 4.2)?.reliable // → true
 */
export function scaleReliableChange(
	def: Pick<ScaleDefinition, 'norms' | 'reliability'>,
	x1: number,
	x2: number,
	normId?: string
): ReliableChange | null {
	const norm = def.norms?.find((n) => n.id === normId) ?? def.norms?.[0];
	const alpha = def.reliability?.alpha;
	if (!norm || alpha === undefined) return null;
	return reliableChange(x1, x2, norm.sd, alpha);
}
