import type { Questionnaire, ScoredResult } from '../questionnaire/types';

/** One completed response with the definition it was scored by. */
export interface CompletedResult {
	responseId: string;
	instrumentId: string;
	version: string;
	/** ISO timestamp. */
	completedAt: string;
	questionnaire: Questionnaire;
	result: ScoredResult;
}

export interface ProfileDimension {
	score: number;
	percentile?: number;
	/** The range of the score: the scale's range for means, [k·lo, k·hi] for sums, [0, count] style for tallies. */
	scale: [number, number];
	/** `<instrument>@<version>` */
	from: string;
}

export interface Profile {
	/** The latest completed result of each instrument, newest first. */
	latest: CompletedResult[];
	/** Older results per instrument (for retests), newest first. */
	history: Record<string, CompletedResult[]>;
	dimensions: Record<string, ProfileDimension>;
	codes: Record<string, string>;
}

/**
 * Builds a profile from completed results (docs/profile-export.md): the latest result of each instrument
 * counts, older ones are history. Scales with a `dimension` and tallies with a `dimension`
 * namespace (`<dimension>.<category>` = count) become profile dimensions; letter codes are kept
 * by their id. When two instruments feed the same dimension, the more recent result wins.
 *
 * @example buildProfile([]) // → { latest: [], history: {}, dimensions: {}, codes: {} }
 */
export function buildProfile(results: CompletedResult[]): Profile {
	const sorted = [...results].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
	const profile: Profile = { latest: [], history: {}, dimensions: {}, codes: {} };
	for (const r of sorted) {
		if (profile.latest.some((l) => l.instrumentId === r.instrumentId))
			(profile.history[r.instrumentId] ??= []).push(r);
		else profile.latest.push(r);
	}
	// Oldest first, so that newer results overwrite shared dimensions.
	for (const r of [...profile.latest].reverse()) addDimensions(profile, r);
	return profile;
}

function addDimensions(profile: Profile, r: CompletedResult) {
	const from = `${r.instrumentId}@${r.version}`;
	const scoring = r.questionnaire.scoring ?? {};
	for (const def of scoring.scales ?? []) {
		const s = r.result.scales.find((x) => x.id === def.id);
		if (!def.dimension || !s || s.score === null) continue;
		const [lo, hi] = def.range;
		const k = def.items.length;
		const scale: [number, number] = def.method === 'sum' ? [k * lo, k * hi] : [lo, hi];
		profile.dimensions[def.dimension] = {
			score: s.score,
			...(s.percentile !== undefined ? { percentile: s.percentile } : {}),
			scale,
			from
		};
	}
	for (const def of scoring.tallies ?? []) {
		if (!def.dimension) continue;
		const counts = r.result.tallies[def.id] ?? {};
		const total = Object.values(counts).reduce((a, b) => a + b, 0);
		for (const [category, n] of Object.entries(counts))
			profile.dimensions[`${def.dimension}.${category}`] = { score: n, scale: [0, total], from };
	}
	for (const [id, c] of Object.entries(r.result.codes)) if (c.code) profile.codes[id] = c.code;
}
