import { localize } from '../localize.ts';
import type { OpportunityKind, OpportunitySet } from '../opportunities/types.ts';
import { fitLevel, type FitLevel } from './fit-words.ts';
import { matchOpportunities, translationOf, type Match } from './match.ts';
import { riasecFromDimensions, type DimensionLike } from './profile-riasec.ts';
import { valuesProfile, valuesSentence } from './work-values.ts';
import { areasOf, factsFor, type FactGroup } from '../labour-market/facts.ts';
import type { LabourMarketTable } from '../labour-market/types.ts';

export interface MatchView {
	id: string;
	/** The title in the reader's language when the set has it, else the original. */
	title: string;
	/** The original title, when `title` is a translation. */
	originalTitle?: string;
	/** Where the translation comes from (the set's `title_<locale>_source`, e.g. an ESCO URI). */
	titleSource?: string;
	/** How that source relates to the opportunity (`title_<locale>_relation`: `exactMatch`, `broadMatch`, `iscoGroup`, …). */
	titleRelation?: string;
	/** True when the set translates titles into the reader's language but not this one: `title` is the original. */
	untranslated?: boolean;
	/** Pearson r, unrounded; the UI shows two decimals. */
	fit: number;
	fitLevel: FitLevel;
	/** Iachan's M, 0–28. */
	agreement: number;
	/** The opportunity's three-letter code. */
	code: string;
	why: string[];
	level?: number;
	levelLabel?: string;
	url?: string;
	/** Labour-market figures for the reader's area (the first table that has the occupation; see `factsFor`). */
	facts?: FactGroup;
	/** With the client's work values and the opportunity's: one sentence on which of their values it offers. */
	valuesText?: string;
}

export interface MatchesView {
	/** `no-sets`: no opportunity set loaded; `no-result`: no interest scores yet; else as `matchOpportunities`. */
	status: 'ok' | 'no-sets' | 'no-result' | 'flat-profile' | 'incomplete';
	sets: { id: string; title: string }[];
	setId: string | null;
	kind: OpportunityKind | null;
	/** The chosen set's levels with their labels (and plain-words descriptions when the set has them), lowest first. */
	levels: { value: number; label: string; description?: string }[];
	/** The level filter in force (null = all). */
	level: number | null;
	text: string;
	/** The person's Holland code and its ties, when matchable. */
	code: string | null;
	ties: string[][];
	/** Where the interest scores come from (`riasec-48@1.0.0`). */
	from: string | null;
	/** Matches after filters, before the limit. */
	total: number;
	matches: MatchView[];
	/** The chosen set's source and the attribution its licence requires (show wherever its data is shown). */
	source: { title: string; source?: string; licence: string; attribution: string[]; notices: string[]; illustrative?: boolean } | null;
	/** The areas the labour-market tables have figures for, and the one in force (null: each table's default). */
	areas: { code: string; name: string }[];
	area: string | null;
	/** True when the client's ranked work values refined the order (see `matchOpportunities`, `values`). */
	valuesRefined: boolean;
}

export interface MatchesViewInput {
	dimensions: Readonly<Record<string, (DimensionLike & { from?: string }) | undefined>>;
	/** The loaded sets, in the order to offer them. */
	sets: readonly OpportunitySet[];
	defaultId?: string;
	/** The chosen set; an unknown id falls back to the default. */
	setId?: string | null;
	/** Level filter; ignored unless it is one of the set's levels. */
	level?: number | null;
	text?: string;
	/** How many matches to return (after ranking and filters). */
	limit: number;
	locale: string;
	/** Labour-market tables, and the reader's area (ignored unless one of the tables' areas). */
	labourMarket?: { tables: readonly LabourMarketTable[]; area?: string | null };
	/** The client's top work values (card values, most important first; `rankedWorkValues`). */
	workValues?: readonly string[];
}

/** The set's levels: the sidecar's labels, or the levels its opportunities use, lowest first. */
function levelsOf(set: OpportunitySet, locale: string): MatchesView['levels'] {
	if (set.levels) {
		return Object.entries(set.levels)
			.map(([k, label]) => {
				const description = set.levelDescriptions?.[k];
				return { value: Number(k), label: localize(label, locale), ...(description ? { description: localize(description, locale) } : {}) };
			})
			.sort((a, b) => a.value - b.value);
	}
	const used = new Set(set.opportunities.flatMap((o) => (o.level === undefined ? [] : [o.level])));
	return [...used].sort((a, b) => a - b).map((value) => ({ value, label: String(value) }));
}

/** The set's translation provenance for `locale` (exact tag, then language); none for English. */
function translationSource(set: OpportunitySet, locale: string) {
	if (!set.translations || locale.split('-')[0] === 'en') return undefined;
	return set.translations[locale] ?? set.translations[locale.split('-')[0]];
}

/** The title to show for `m` in `locale`, and whether it is a translation or a marked original. */
export function displayTitle(
	m: Pick<Match, 'title' | 'translations'>,
	set: OpportunitySet,
	locale: string
): Pick<MatchView, 'title' | 'originalTitle' | 'titleSource' | 'titleRelation' | 'untranslated'> {
	if (!translationSource(set, locale)) return { title: m.title };
	const local = translationOf(m, locale);
	if (!local?.title) return { title: m.title, untranslated: true };
	// ESCO labels are lower case ("administrerende direktør"); a title starts with a capital.
	const title = local.title.charAt(0).toLocaleUpperCase(locale) + local.title.slice(1);
	return {
		title,
		originalTitle: m.title,
		...(local.titleSource ? { titleSource: local.titleSource } : {}),
		...(local.titleRelation ? { titleRelation: local.titleRelation } : {})
	};
}

/**
 * What a matches page (or a counsellor's report) shows for one person: the chosen set (default
 * O*NET), its levels with labels, and the person's best opportunities by profile shape with their fit
 * in words (`fitLevel`), code agreement and the letters that drove the fit, titles in the reader's
 * language where the set has them (`displayTitle`; search covers them too) — or why there are none
 * (no set, no interest scores, a flat or incomplete profile). Pure: the sets come in as data.
 *
 * Reference: docs/opportunity-sets.md; `matchOpportunities` for the method.
 * @example buildMatchesView({ dimensions: {}, sets: [], limit: 20, locale: 'en' }).status // → 'no-sets'
 */
export function buildMatchesView(input: MatchesViewInput): MatchesView {
	const { locale } = input;
	const set =
		input.sets.find((s) => s.id === input.setId) ??
		input.sets.find((s) => s.id === input.defaultId) ??
		input.sets[0];
	const levels = set ? levelsOf(set, locale) : [];
	const level = input.level != null && levels.some((l) => l.value === input.level) ? input.level : null;
	const text = (input.text ?? '').trim();
	const tables = input.labourMarket?.tables ?? [];
	const areas = areasOf(tables, locale);
	const area = input.labourMarket?.area && areas.some((a) => a.code === input.labourMarket?.area) ? input.labourMarket.area : null;
	const view: MatchesView = {
		status: 'ok',
		sets: input.sets.map((s) => ({ id: s.id, title: localize(s.title, locale) })),
		setId: set?.id ?? null,
		kind: set?.kind ?? null,
		levels,
		level,
		text,
		code: null,
		ties: [],
		from: input.dimensions['riasec.R']?.from ?? null,
		total: 0,
		matches: [],
		source: set
			? {
					title: localize(set.title, locale),
					...(set.source ? { source: set.source } : {}),
					licence: set.licence,
					attribution: [...set.attribution, ...(translationSource(set, locale)?.attribution ?? [])],
					notices: set.notices ?? [],
					...(set.illustrative ? { illustrative: true } : {})
				}
			: null,
		areas,
		area,
		valuesRefined: false
	};
	if (!set) return { ...view, status: 'no-sets' };
	const { found, profile } = riasecFromDimensions(input.dimensions);
	if (!found) return { ...view, status: 'no-result' };
	const values = valuesProfile(input.workValues ?? []);
	const result = matchOpportunities(profile, set, { ...(level !== null ? { level } : {}), text, locale, values });
	if (!result.matchable) return { ...view, status: result.reason };
	const labels = new Map(levels.map((l) => [l.value, l.label]));
	return {
		...view,
		code: result.code,
		ties: result.ties,
		total: result.matches.length,
		valuesRefined: values !== null && set.opportunities.some((o) => o.workValues),
		matches: result.matches.slice(0, Math.max(0, input.limit)).map((m) => {
			const facts = tables.length > 0 ? factsFor(m, tables, area, locale)[0] : undefined;
			return {
				id: m.id,
				...displayTitle(m, set, locale),
				fit: m.fit,
				fitLevel: fitLevel(m.fit),
				agreement: m.agreement,
				code: m.code,
				why: m.why,
				...(m.level !== undefined ? { level: m.level, levelLabel: labels.get(m.level) ?? String(m.level) } : {}),
				...(m.url !== undefined ? { url: m.url } : {}),
				...(facts ? { facts } : {}),
				...(m.values ? { valuesText: valuesSentence(m.values, locale) } : {})
			};
		})
	};
}
