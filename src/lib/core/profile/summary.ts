/**
 * The facts behind the plain-language summary at the top of a profile: only what the scored results
 * say, as codes and labels for the UI's sentence templates (never invented text).
 */
import type { Profile } from './build.ts';

export interface ProfileSummary {
	/** The Holland code's letters, strongest first (from the `holland` code), when there is one. */
	interests: string[] | null;
	/** Big Five dimensions (`E`, `A`, `C`, `ES`, `O`) in the lowest and the highest band of their norm. */
	personality: { high: string[]; low: string[] } | null;
	/** The first three values of the first ranking (choice values; the UI shows their labels). */
	values: { instrumentId: string; rankingId: string; items: string[] } | null;
	/** Strengths: how many entries the `skills` tally counted, and its most chosen themes (values). */
	/** `majority`: the first theme holds more than half of the entries (only then may a text say "most"). */
	strengths: { instrumentId: string; tallyId: string; entries: number; themes: string[]; majority: boolean } | null;
}

const BIG_FIVE = ['E', 'A', 'C', 'ES', 'O'];

/**
 * Summarises a profile: the Holland code letters; the Big Five scales whose band is the lowest or the
 * highest of their bands (by percentile, so "lower/higher than most"); the top three of the first
 * ranking (work values); and the size and the themes of a `skills` tally (the theme most chosen when it holds a majority, else up to three) (strengths,
 * ties in the tally's order). A part is null when no result gives it. Pure.
 *
 * @example summarizeProfile({ latest: [], history: {}, dimensions: {}, codes: { holland: 'IAC' } }).interests // → ['I', 'A', 'C']
 */
export function summarizeProfile(profile: Profile): ProfileSummary {
	const holland = profile.codes.holland;
	const summary: ProfileSummary = { interests: holland ? [...holland] : null, personality: null, values: null, strengths: null };
	for (const r of profile.latest) {
		const defs = r.questionnaire.scoring?.scales ?? [];
		const high: string[] = [];
		const low: string[] = [];
		for (const def of defs) {
			const dim = def.dimension?.startsWith('bigfive.') ? def.dimension.slice('bigfive.'.length) : null;
			const band = r.result.scales.find((s) => s.id === def.id)?.band;
			if (!dim || !BIG_FIVE.includes(dim) || !band || !def.bands || def.bands.length < 3) continue;
			if (band.index === 0) low.push(dim);
			else if (band.index === def.bands.length - 1) high.push(dim);
		}
		if (!summary.personality && defs.some((d) => d.dimension?.startsWith('bigfive.'))) summary.personality = { high, low };
		const ranking = r.questionnaire.scoring?.rankings?.[0];
		const ranked = ranking ? r.result.rankings[ranking.id] ?? [] : [];
		if (!summary.values && ranking && ranked.length > 0) {
			summary.values = { instrumentId: r.instrumentId, rankingId: ranking.id, items: ranked.slice(0, 3) };
		}
		const tally = r.questionnaire.scoring?.tallies?.find((t) => t.dimension === 'skills');
		if (!summary.strengths && tally) {
			const counts = Object.entries(r.result.tallies[tally.id] ?? {}).filter(([, n]) => n > 0);
			const entries = counts.reduce((a, [, n]) => a + n, 0);
			const sorted = counts.map(([v, n], i) => ({ v, n, i })).sort((a, b) => b.n - a.n || a.i - b.i);
			// "Most of them about X" only for a real majority; otherwise up to three themes, no claim of frequency.
			const majority = sorted.length > 0 && sorted[0].n * 2 > entries;
			const themes = (majority ? sorted.slice(0, 1) : sorted.slice(0, 3)).map((x) => x.v);
			if (entries > 0) summary.strengths = { instrumentId: r.instrumentId, tallyId: tally.id, entries, themes, majority };
		}
	}
	return summary;
}
