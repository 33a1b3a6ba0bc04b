/**
 * The client's ranked work values as a small refinement of the interest ranking (docs/opportunity-sets.md,
 * "Work values"). Pure.
 */
import type { LocalizedString } from '../questionnaire/types.ts';
import type { CompletedResult } from '../profile/build.ts';
import { localize } from '../localize.ts';
import { WORK_VALUES, type WorkValue } from '../opportunities/work-values.ts';
import type { WorkValues } from '../opportunities/types.ts';

/** The instrument and ranking the client's values come from (questionnaires/work-values.json). */
export const WORK_VALUES_INSTRUMENT = 'work-values';
export const WORK_VALUES_RANKING = 'top-values';

/**
 * Spejl's value cards (choice values of `values_rank`) → the O*NET work value whose definition (O*NET 29.3
 * Content Model, 1.B.2.a–f) names the same thing. Cards not listed have no honest counterpart and are left
 * out: `income`, `variety` (both only needs inside O*NET's broad Working Conditions value), `work-life-balance`,
 * `learning`, `physical-activity`. O*NET's Support (supportive management) has no card.
 */
export const CARD_TO_ONET: Readonly<Record<string, WorkValue>> = {
	achievement: 'achievement',
	security: 'working-conditions',
	'working-conditions': 'working-conditions',
	recognition: 'recognition',
	leadership: 'recognition',
	prestige: 'recognition',
	'helping-others': 'relationships',
	teamwork: 'relationships',
	autonomy: 'independence',
	creativity: 'independence'
};

/** Weight of the card at place 1, 2, 3, … of the client's top values (most important first). */
export const PLACE_WEIGHTS: readonly number[] = [5, 4, 3, 2, 1];
/** Largest change the values make to an opportunity's sorting key (Pearson r): ± this. */
export const VALUES_WEIGHT = 0.03;
/** An occupation "offers" a value when its O*NET extent score is at least this (1–7 scale). */
export const HIGH_EXTENT = 5;

/** The client's values on O*NET's six: `weights` (sum 1, O*NET order) and the values by importance. */
export interface ValuesProfile {
	weights: readonly number[];
	order: readonly WorkValue[];
}

/** The client's top values (card values, most important first) of their latest work-values result; [] if none. */
export function rankedWorkValues(latest: readonly CompletedResult[]): string[] {
	const r = latest.find((x) => x.instrumentId === WORK_VALUES_INSTRUMENT);
	return r?.result.rankings?.[WORK_VALUES_RANKING] ?? [];
}

/**
 * Maps ranked cards to O*NET's six values: the card at place i weighs `PLACE_WEIGHTS[i]` (5, 4, 3, 2, 1; cards
 * below place 5 and cards without a counterpart count nothing), cards with the same O*NET value add up, and the
 * weights are scaled to sum 1. Null when no card maps.
 * @example valuesProfile(['autonomy', 'income', 'achievement', 'teamwork', 'learning'])
 * // → { weights: [0.3, 0, 0, 0.2, 0, 0.5], order: ['independence', 'achievement', 'relationships'] }
 */
export function valuesProfile(ranked: readonly string[]): ValuesProfile | null {
	const raw = WORK_VALUES.map(() => 0);
	const order: WorkValue[] = [];
	ranked.slice(0, PLACE_WEIGHTS.length).forEach((card, i) => {
		const v = CARD_TO_ONET[card];
		if (!v) return;
		raw[WORK_VALUES.indexOf(v)] += PLACE_WEIGHTS[i];
		if (!order.includes(v)) order.push(v);
	});
	const total = raw.reduce((a, b) => a + b, 0);
	return total === 0 ? null : { weights: raw.map((w) => w / total), order };
}

/** How much of the client's weighted values the occupation offers: Σ wⱼ·(xⱼ − 1)/6, 0–1. */
export function valuesScore(wv: WorkValues, p: ValuesProfile): number {
	let s = 0;
	for (let j = 0; j < 6; j++) s += p.weights[j] * ((wv[j] - 1) / 6);
	return s;
}

/** The change to the sorting key: `VALUES_WEIGHT` × (2·score − 1), so −0.03 … +0.03; 0 without work values. */
export function valuesBonus(wv: WorkValues | undefined, p: ValuesProfile): number {
	return wv ? VALUES_WEIGHT * (2 * valuesScore(wv, p) - 1) : 0;
}

/** Why the values moved a match: the client's values (most important first) it offers, at most two, or `less`. */
export interface ValuesReason {
	fits: boolean;
	values: WorkValue[];
}

/**
 * `fits`: up to two of the client's values, most important first, with extent ≥ `HIGH_EXTENT`; else `fits:
 * false` with the client's two most important values (the occupation offers less of them).
 */
export function valuesReason(wv: WorkValues, p: ValuesProfile): ValuesReason {
	const offered = p.order.filter((v) => wv[WORK_VALUES.indexOf(v)] >= HIGH_EXTENT).slice(0, 2);
	return offered.length > 0 ? { fits: true, values: offered } : { fits: false, values: p.order.slice(0, 2) };
}

const NAMES: Readonly<Record<WorkValue, LocalizedString>> = {
	achievement: { default: 'achievement', da: 'resultater' },
	'working-conditions': { default: 'secure, good working conditions', da: 'trygge, gode arbejdsforhold' },
	recognition: { default: 'recognition', da: 'anerkendelse' },
	relationships: { default: 'working with and for people', da: 'at arbejde med og for mennesker' },
	support: { default: 'supportive management', da: 'opbakning fra ledelsen' },
	independence: { default: 'independence', da: 'selvstændighed' }
};
const FITS: LocalizedString = { default: 'Fits what you value most: {values}.', da: 'Passer til det, du sætter højest: {values}.' };
const LESS: LocalizedString = { default: 'Offers less of what you value most: {values}.', da: 'Giver mindre af det, du sætter højest: {values}.' };
const AND: LocalizedString = { default: ' and ', da: ' og ' };

/**
 * The reason as one plain sentence in the reader's language.
 * @example valuesSentence({ fits: true, values: ['independence', 'achievement'] }, 'en')
 * // → 'Fits what you value most: independence and achievement.'
 */
export function valuesSentence(reason: ValuesReason, locale: string): string {
	const values = reason.values.map((v) => localize(NAMES[v], locale)).join(localize(AND, locale));
	return localize(reason.fits ? FITS : LESS, locale).replace('{values}', values);
}
