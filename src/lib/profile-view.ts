// Turns a profile into what the profile page (and later the counsellor report) shows: localised
// titles, band texts and choice labels, and which chart fits each instrument.
import type { CompletedResult, Profile } from '$lib/core/profile/build';
import { choiceLabels, questionTitle } from '$lib/core/questionnaire/labels';
import { summarizeProfile } from '$lib/core/profile/summary';
import { localize } from '$lib/core/localize';
import type { Interval } from '$lib/core/questionnaire/types';
import { scaleReliableChange } from '$lib/core/scoring/rci';

export interface ScaleView {
	id: string;
	title: string;
	score: number | null;
	answered: number;
	items: number;
	reason: string | null;
	range: [number, number];
	percentile: number | null;
	t: number | null;
	sten: number | null;
	ci90: { score: Interval; t: Interval; percentile: Interval } | null;
	bandLabel: string | null;
	bandText: string | null;
	letter: string | null;
}

export interface ResultView {
	responseId: string;
	instrumentId: string;
	title: string;
	kind: string;
	version: string;
	completedAt: string;
	chart: 'radar' | 'percentile' | 'bars' | null;
	normTitle: string | null;
	/** Some scales have percentiles (a norm): the table shows them. */
	hasPercentiles: boolean;
	/** The instrument's translation into the reader's language is a draft (`validated: false`). */
	draftTranslation: boolean;
	scales: ScaleView[];
	codes: { id: string; code: string | null; ties: string[][] }[];
	rankings: { id: string; items: string[] }[];
	/** Chosen categories; `counted` is false when every one was chosen once (the counts say nothing then). */
	tallies: { id: string; counted: boolean; counts: { label: string; n: number }[] }[];
	/** Free-text lists, each with the title of its first question as the heading. */
	lists: { id: string; title: string; items: string[] }[];
	history: { responseId: string; completedAt: string; scales: { id: string; title: string; score: number | null }[] }[];
	/** Every attempt, newest first (the latest, then the history), each scale with its change since the attempt before. */
	attempts: AttemptView[];
	/** An adaptive test: how many statements were used of the bank. */
	adaptive: { used: number; of: number } | null;
}

export interface AttemptView {
	responseId: string;
	completedAt: string;
	scales: {
		id: string;
		title: string;
		score: number | null;
		/** Reliable change index against the previous attempt (Jacobson & Truax); null when it cannot be known. */
		change: { rci: number; direction: 'up' | 'down' | null } | null;
	}[];
}

/** Scores of each attempt with the reliable change from the attempt before it (by the newer attempt's norm and reliability). */
function attemptViews(newestFirst: CompletedResult[], locale: string): AttemptView[] {
	return newestFirst.map((r, i) => {
		const previous = newestFirst[i + 1];
		return {
			responseId: r.responseId,
			completedAt: r.completedAt,
			scales: scaleViews(r, locale).map((s) => {
				const def = r.questionnaire.scoring?.scales?.find((d) => d.id === s.id);
				const before = previous?.result.scales.find((x) => x.id === s.id)?.score ?? null;
				const normId = r.result.scales.find((x) => x.id === s.id)?.norm;
				const rc = def && before !== null && s.score !== null ? scaleReliableChange(def, before, s.score, normId) : null;
				return { id: s.id, title: s.title, score: s.score, change: rc ? { rci: rc.rci, direction: rc.direction } : null };
			})
		};
	});
}

function scaleViews(r: CompletedResult, locale: string): ScaleView[] {
	const defs = r.questionnaire.scoring?.scales ?? [];
	const letters = new Map<string, string>();
	for (const c of r.questionnaire.scoring?.codes ?? []) c.scales.forEach((s, i) => letters.set(s, c.letters[i]));
	return defs.map((def) => {
		const s = r.result.scales.find((x) => x.id === def.id);
		const k = def.items.length;
		return {
			id: def.id,
			title: localize(def.title, locale),
			score: s?.score ?? null,
			answered: s?.answered ?? 0,
			items: k,
			reason: s?.reason ?? null,
			range: def.method === 'sum' ? [k * def.range[0], k * def.range[1]] : def.range,
			percentile: s?.percentile ?? null,
			t: s?.t ?? null,
			sten: s?.sten ?? null,
			ci90: s?.ci90 ?? null,
			bandLabel: s?.band ? localize(s.band.label, locale) : null,
			bandText: s?.band?.text ? localize(s.band.text, locale) : null,
			letter: letters.get(def.id) ?? null
		};
	});
}

// A letter code over five or more scales (RIASEC) is read by its shape on the raw scores, even when the
// scales also have norms, so the radar comes first.
function chartOf(r: CompletedResult, scales: ScaleView[]): ResultView['chart'] {
	if (scales.length === 0) return null;
	if ((r.questionnaire.scoring?.codes ?? []).some((c) => c.scales.length >= 5)) return 'radar';
	if (scales.every((s) => s.percentile !== null)) return 'percentile';
	return scales.length > 1 ? 'bars' : null;
}

export function resultView(r: CompletedResult, history: CompletedResult[], locale: string): ResultView {
	const q = r.questionnaire;
	const scoring = q.scoring ?? {};
	const scales = scaleViews(r, locale);
	const firstNorm = scoring.scales?.find((s) => s.norms?.length)?.norms?.[0];
	return {
		responseId: r.responseId,
		instrumentId: r.instrumentId,
		title: localize(q.title, locale),
		kind: q.kind,
		version: r.version,
		completedAt: r.completedAt,
		chart: chartOf(r, scales),
		normTitle: firstNorm ? localize(firstNorm.title ?? firstNorm.id, locale) : null,
		hasPercentiles: scales.some((s) => s.percentile !== null),
		draftTranslation: q.translations?.[locale.split('-')[0]]?.validated === false,
		scales,
		codes: Object.entries(r.result.codes).map(([id, c]) => ({ id, code: c.code, ties: c.ties })),
		rankings: (scoring.rankings ?? []).map((def) => {
			const labels = choiceLabels(q.survey, def.question);
			const values = r.result.rankings[def.id] ?? [];
			return { id: def.id, items: values.map((v) => localize(labels.get(v) ?? v, locale)) };
		}),
		tallies: (scoring.tallies ?? []).map((def) => {
			const labels = choiceLabels(q.survey, def.question, def.column);
			const counts = Object.entries(r.result.tallies[def.id] ?? {})
				.filter(([, n]) => n > 0)
				.map(([v, n]) => ({ label: localize(labels.get(v) ?? v, locale), n }))
				.sort((a, b) => b.n - a.n);
			return { id: def.id, counted: counts.some((c) => c.n > 1), counts };
		}),
		lists: (scoring.lists ?? []).map((def) => ({
			id: def.id,
			title: localize(questionTitle(q.survey, def.questions[0]), locale),
			items: r.result.lists[def.id] ?? []
		})),
		history: history.map((h) => ({
			responseId: h.responseId,
			completedAt: h.completedAt,
			scales: scaleViews(h, locale).map((s) => ({ id: s.id, title: s.title, score: s.score }))
		})),
		attempts: history.length ? attemptViews([r, ...history], locale) : [],
		adaptive: r.result.adaptive ? { used: r.result.adaptive.used, of: r.result.adaptive.of } : null
	};
}

/** The shipped instruments in the order a profile reads best: interests, personality, values, then the exercises. */
export const INSTRUMENT_ORDER = ['riasec-48', 'big-five-ipip-50', 'work-values', 'brainstorm-strengths', 'brainstorm-dream-jobs'];
const rank = (id: string) => (INSTRUMENT_ORDER.includes(id) ? INSTRUMENT_ORDER.indexOf(id) : INSTRUMENT_ORDER.length);

/** Every latest result, in the fixed instrument order (others after them, by title). */
export function profileView(profile: Profile, locale: string): ResultView[] {
	return profile.latest
		.map((r) => resultView(r, profile.history[r.instrumentId] ?? [], locale))
		.sort((a, b) => rank(a.instrumentId) - rank(b.instrumentId) || a.title.localeCompare(b.title, locale));
}

export interface SummaryView {
	/** Holland letters, strongest first, and the code. */
	interests: { letters: string[]; code: string } | null;
	personality: { high: string[]; low: string[] } | null;
	/** Short labels of the top values ("Learning", not "Learning – …"). */
	values: string[] | null;
	/** Themes: a RIASEC letter when the theme is one (the UI words it), else the choice label. */
	strengths: { entries: number; majority: boolean; themes: { letter: string | null; label: string }[] } | null;
}

/** The facts of the profile summary (see `summarizeProfile`) with the labels the person saw. */
export function summaryView(profile: Profile, locale: string): SummaryView {
	const s = summarizeProfile(profile);
	const q = (id: string) => profile.latest.find((r) => r.instrumentId === id)?.questionnaire;
	let values: string[] | null = null;
	if (s.values) {
		const vq = q(s.values.instrumentId)!;
		const def = vq.scoring!.rankings!.find((k) => k.id === s.values!.rankingId)!;
		const labels = choiceLabels(vq.survey, def.question);
		values = s.values.items.map((v) => localize(labels.get(v) ?? v, locale).split(/\s+[–—-]\s+/)[0]);
	}
	let strengths: SummaryView['strengths'] = null;
	if (s.strengths) {
		const sq = q(s.strengths.instrumentId)!;
		const def = sq.scoring!.tallies!.find((k) => k.id === s.strengths!.tallyId)!;
		const labels = choiceLabels(sq.survey, def.question, def.column);
		strengths = {
			entries: s.strengths.entries,
			majority: s.strengths.majority,
			themes: s.strengths.themes.map((v) => ({ letter: /^[RIASEC]$/.test(v) ? v : null, label: localize(labels.get(v) ?? v, locale) }))
		};
	}
	return {
		interests: s.interests ? { letters: s.interests, code: s.interests.join('') } : null,
		personality: s.personality,
		values,
		strengths
	};
}
