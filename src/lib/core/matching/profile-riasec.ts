import { RIASEC_LETTERS } from './holland.ts';
import type { MatchProfile } from './match.ts';

/** A profile dimension as the profile and its export (docs/profile-export.md) carry it. */
export interface DimensionLike {
	score: number;
	scale?: readonly [number, number] | readonly number[];
}

/** The six RIASEC dimension names in R, I, A, S, E, C order. */
export const RIASEC_DIMENSIONS = RIASEC_LETTERS.map((l) => `riasec.${l}`);

/**
 * Reads the client's six interest scores from profile dimensions (`riasec.R` … `riasec.C`, docs/profile-export.md)
 * for `matchOpportunities`. `found` is false when the profile has none of them (no interest result yet);
 * a missing one is passed on as `undefined`, which `matchOpportunities` reports as `incomplete`. The
 * scale range (for the flat-profile threshold) is taken from the first dimension that states one.
 *
 * Reference: docs/profile-export.md (dimensions) and docs/opportunity-sets.md (matching).
 * @example riasecFromDimensions({ 'riasec.R': { score: 2, scale: [1, 5] } })
 * // → { found: true, profile: { riasec: [2, undefined, undefined, undefined, undefined, undefined], scale: [1, 5] } }
 */
export function riasecFromDimensions(dimensions: Readonly<Record<string, DimensionLike | undefined>>): {
	found: boolean;
	profile: MatchProfile;
} {
	const dims = RIASEC_DIMENSIONS.map((name) => dimensions[name]);
	const riasec = dims.map((d) => (d && typeof d.score === 'number' ? d.score : undefined));
	const withScale = dims.find((d) => Array.isArray(d?.scale) && d.scale.length === 2);
	const profile: MatchProfile = { riasec };
	if (withScale?.scale) profile.scale = [withScale.scale[0], withScale.scale[1]];
	return { found: dims.some((d) => d !== undefined), profile };
}
