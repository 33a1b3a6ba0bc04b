import { localize } from '../localize.ts';
import type { OpportunitySet } from '../opportunities/types.ts';
import { factsFor, type FactGroup } from '../labour-market/facts.ts';
import type { LabourMarketTable } from '../labour-market/types.ts';
import { fitLevel, type FitLevel } from './fit-words.ts';
import { matchOpportunities, translationOf } from './match.ts';
import { valuesProfile, valuesReason, valuesSentence } from './work-values.ts';
import { displayTitle } from './matches-view.ts';
import { riasecFromDimensions, type DimensionLike } from './profile-riasec.ts';

const LETTERS = ['R', 'I', 'A', 'S', 'E', 'C'] as const;

/** One occupation (or other opportunity) as its own page shows it: what it is, why it fits, the figures. */
export interface OccupationView {
	setId: string;
	id: string;
	kind: OpportunitySet['kind'];
	title: string;
	originalTitle?: string;
	untranslated?: boolean;
	titleSource?: string;
	titleRelation?: string;
	titleChecked?: string;
	/** The description, in the reader's language when the set has it. */
	description?: string;
	/** True when the set translates into the reader's language but not this description: it is the original (English for O*NET). */
	descriptionUntranslated?: boolean;
	/** The opportunity's own letters, highest first (up to three; ties broken R-I-A-S-E-C). */
	letters: string[];
	/** The six values with the set's scale, for a table of numbers. */
	riasec: { letter: string; value: number }[];
	scale: [number, number];
	/** The client's fit with it, when the client has interest scores: fit in words and numbers, and the letters behind it. */
	fit?: { r: number; level: FitLevel; agreement: number; code: string; personCode: string; why: string[]; valuesText?: string };
	level?: number;
	levelLabel?: string;
	levelDescription?: string;
	url?: string;
	facts: FactGroup[];
	set: { title: string; source?: string; licence: string; attribution: string[]; illustrative?: boolean };
}

/**
 * The page of one opportunity of `set` for one reader: title (translated where the set has it, and how the
 * translation was chosen), description, interest letters, the reader's fit with it (when they have interest
 * scores), its preparation level in words, and the labour-market figures for the reader's area
 * (`factsFor`). Null when the set has no such opportunity. Pure.
 *
 * Reference: docs/labour-market.md ("The occupation page"); docs/opportunity-sets.md.
 * @example buildOccupationView({ set, id: '15-1252.00', dimensions: {}, locale: 'en' })?.letters // → ['I', 'C', 'R']
 */
export function buildOccupationView(input: {
	set: OpportunitySet;
	id: string;
	dimensions: Readonly<Record<string, DimensionLike | undefined>>;
	locale: string;
	labourMarket?: { tables: readonly LabourMarketTable[]; area?: string | null };
	/** The client's top work values (`rankedWorkValues`): adds the sentence on which of them the occupation offers. */
	workValues?: readonly string[];
}): OccupationView | null {
	const { set, id, locale } = input;
	const o = set.opportunities.find((x) => x.id === id);
	if (!o) return null;
	const local = translationOf(o, locale);
	const shown = displayTitle(o, set, locale);
	const order = LETTERS.map((l, i) => ({ l, v: o.riasec[i] })).sort((a, b) => b.v - a.v);
	const mid = (set.scale[0] + set.scale[1]) / 2;
	// The opportunity's letters: the three highest, but never one at or below the middle of the scale.
	const letters = order.slice(0, 3).filter((x, i) => i === 0 || x.v > mid).map((x) => x.l);
	const view: OccupationView = {
		setId: set.id,
		id: o.id,
		kind: set.kind,
		...shown,
		...(local?.title && local.titleChecked ? { titleChecked: local.titleChecked } : {}),
		letters,
		riasec: LETTERS.map((letter, i) => ({ letter, value: o.riasec[i] })),
		scale: set.scale,
		...(o.url ? { url: o.url } : {}),
		facts: factsFor(o, input.labourMarket?.tables ?? [], input.labourMarket?.area ?? null, locale),
		set: {
			title: localize(set.title, locale),
			...(set.source ? { source: set.source } : {}),
			licence: set.licence,
			attribution: [...set.attribution, ...(shown.originalTitle && set.translations ? (set.translations[locale] ?? set.translations[locale.split('-')[0]])?.attribution ?? [] : [])],
			...(set.illustrative ? { illustrative: true } : {})
		}
	};
	if (local?.description) view.description = local.description;
	else if (o.description) {
		view.description = o.description;
		if (shown.originalTitle || shown.untranslated) view.descriptionUntranslated = true;
	}
	if (o.level !== undefined) {
		view.level = o.level;
		const label = set.levels?.[String(o.level)];
		const description = set.levelDescriptions?.[String(o.level)];
		if (label) view.levelLabel = localize(label, locale);
		if (description) view.levelDescription = localize(description, locale);
	}
	const { found, profile } = riasecFromDimensions(input.dimensions);
	if (found) {
		const result = matchOpportunities(profile, set, {});
		const m = result.matchable ? result.matches.find((x) => x.id === o.id) : undefined;
		if (result.matchable && m) view.fit = { r: m.fit, level: fitLevel(m.fit), agreement: m.agreement, code: m.code, personCode: result.code, why: m.why };
		const values = valuesProfile(input.workValues ?? []);
		if (view.fit && values && o.workValues) view.fit.valuesText = valuesSentence(valuesReason(o.workValues, values), locale);
	}
	return view;
}
