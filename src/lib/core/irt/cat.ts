/**
 * Computerised adaptive testing over a calibrated graded-response item bank, one dimension per scale.
 *
 * The rule (docs/adaptive-testing.md): the next statement goes to the active scale with the fewest statements
 * presented so far (content balancing; ties in the bank's scale order); within that scale it is one of the
 * `randomesque` unused items with the most Fisher information at the scale's current EAP θ, chosen at random
 * (exposure control, Kingsbury & Zara 1989). A scale stops when at least `minItems` answers give SE ≤ `se`, at
 * `maxItems` statements presented, or when its items run out.
 *
 * Everything here is pure: the random numbers come from the caller (a seeded generator, so a test can be
 * replayed exactly), and a test's state is nothing but its list of steps.
 */
import { eap, type Estimate, type KeyedAnswer } from './eap.ts';
import { itemInformation, type GradedItem } from './grm.ts';
import { keyedValue } from '../scoring/scale.ts';

export interface BankItem extends GradedItem {
	id: string;
	/** The answer is turned round (min + max − value) before scoring. */
	reverse: boolean;
}

export interface BankScale {
	id: string;
	items: BankItem[];
}

/** A calibrated bank: scales in a fixed order, raw answers `min`…`min + K − 1`. */
export interface Bank {
	scales: BankScale[];
	min: number;
	max: number;
}

export interface CatRule {
	/** Stop a scale when its SE is at most this (default 0.40)… */
	se: number;
	/** …after at least this many answers (default 4). */
	minItems: number;
	/** Stop a scale after this many statements presented, whatever its SE (default: all of its items). */
	maxItems: number;
	/** Choose at random among this many most informative items (default 1: always the best). */
	randomesque: number;
	/** Statements per step (default 1). */
	perStep: number;
}

export const DEFAULT_RULE: Omit<CatRule, 'maxItems'> = { se: 0.4, minItems: 4, randomesque: 1, perStep: 1 };

/** One statement presented: the raw answer (null when skipped) and the scale's θ and SE after it. */
export interface CatStep {
	item: string;
	value: number | null;
	theta: number;
	se: number;
}

export interface ScaleState extends Estimate {
	id: string;
	/** Items presented, in order (answered or skipped). */
	presented: string[];
	answered: number;
	done: boolean;
}

/** Where each item is: its scale and the item. */
export function indexBank(bank: Bank): Map<string, { scale: BankScale; item: BankItem }> {
	let index = indexes.get(bank);
	if (index) return index;
	index = new Map();
	for (const scale of bank.scales) for (const item of scale.items) index.set(item.id, { scale, item });
	indexes.set(bank, index);
	return index;
}

const indexes = new WeakMap<Bank, Map<string, { scale: BankScale; item: BankItem }>>();

/** The keyed answer (1…K) of a raw answer. */
export function keyed(bank: Bank, item: BankItem, value: number): number {
	return keyedValue(value, [bank.min, bank.max], item.reverse) - bank.min + 1;
}

/** EAP θ and SE of one scale from raw answers to some of its items (item id → raw value). */
export function scaleEstimate(bank: Bank, scale: BankScale, answers: ReadonlyMap<string, number>): Estimate {
	const list: KeyedAnswer[] = [];
	for (const item of scale.items) {
		const value = answers.get(item.id);
		if (value !== undefined) list.push({ item, value: keyed(bank, item, value) });
	}
	return eap(list);
}

/** Fills in every rule setting a questionnaire left out. */
export function completeRule(bank: Bank, rule: Partial<CatRule> = {}): CatRule {
	const largest = Math.max(...bank.scales.map((s) => s.items.length));
	return { ...DEFAULT_RULE, maxItems: largest, ...Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) };
}

/**
 * Each scale's state after the given steps (θ and SE recomputed from the answers, not read from the steps).
 * Throws on a step naming an item not in the bank or presented twice.
 */
export function scaleStates(bank: Bank, rule: CatRule, steps: readonly Pick<CatStep, 'item' | 'value'>[]): ScaleState[] {
	const index = indexBank(bank);
	const presented = new Map<string, string[]>(bank.scales.map((s) => [s.id, []]));
	const answers = new Map<string, number>();
	const seen = new Set<string>();
	for (const step of steps) {
		const found = index.get(step.item);
		if (!found) throw new Error(`step names "${step.item}", which is not in the item bank`);
		if (seen.has(step.item)) throw new Error(`"${step.item}" is presented twice`);
		seen.add(step.item);
		presented.get(found.scale.id)!.push(step.item);
		if (step.value !== null) answers.set(step.item, step.value);
	}
	return bank.scales.map((scale) => {
		const list = presented.get(scale.id)!;
		const answered = list.filter((id) => answers.has(id)).length;
		const estimate = scaleEstimate(bank, scale, answers);
		const done =
			list.length >= scale.items.length ||
			list.length >= rule.maxItems ||
			(answered >= rule.minItems && estimate.se <= rule.se);
		return { id: scale.id, presented: list, answered, done, ...estimate };
	});
}

/**
 * The next statements to present (up to `rule.perStep`, at most one per scale), or [] when every scale is done.
 * `random` gives uniform numbers in [0, 1); it is called once per statement chosen.
 */
export function nextItems(bank: Bank, rule: CatRule, steps: readonly Pick<CatStep, 'item' | 'value'>[], random: () => number): string[] {
	const states = scaleStates(bank, rule, steps);
	const active = states
		.map((state, order) => ({ state, order }))
		.filter(({ state }) => !state.done)
		.sort((x, y) => x.state.presented.length - y.state.presented.length || x.order - y.order)
		.slice(0, Math.max(1, rule.perStep));
	return active.map(({ state, order }) => {
		const used = new Set(state.presented);
		const ranked = bank.scales[order].items
			.filter((item) => !used.has(item.id))
			.map((item) => ({ id: item.id, info: itemInformation(item, state.theta) }))
			.sort((x, y) => y.info - x.info);
		const pick = Math.min(ranked.length, Math.max(1, rule.randomesque));
		return ranked[Math.min(pick - 1, Math.floor(random() * pick))].id;
	});
}

/**
 * Records answers to presented statements: each step gets its scale's θ and SE after the answer, so the stored
 * list reads back exactly which items came in which order with which estimate after each.
 */
export function recordSteps(bank: Bank, before: readonly CatStep[], given: readonly { item: string; value: number | null }[]): CatStep[] {
	const index = indexBank(bank);
	const steps: CatStep[] = [...before];
	const answers = new Map<string, number>();
	const seen = new Set<string>();
	for (const step of before) {
		seen.add(step.item);
		if (step.value !== null) answers.set(step.item, step.value);
	}
	for (const { item, value } of given) {
		const found = index.get(item);
		if (!found) throw new Error(`"${item}" is not in the item bank`);
		if (seen.has(item)) throw new Error(`"${item}" is presented twice`);
		if (value !== null && !(Number.isInteger(value) && value >= bank.min && value <= bank.max)) {
			throw new Error(`the answer to "${item}" must be an integer ${bank.min}…${bank.max} (got ${value})`);
		}
		seen.add(item);
		if (value !== null) answers.set(item, value);
		const estimate = scaleEstimate(bank, found.scale, answers);
		steps.push({ item, value, theta: estimate.theta, se: estimate.se });
	}
	return steps;
}

/**
 * Replays stored steps: recomputes θ and SE after each from the answers alone and reports the first step whose
 * stored θ or SE differs by more than `tolerance` (undefined when all agree).
 */
export function replayMismatch(bank: Bank, steps: readonly CatStep[], tolerance = 1e-9): { step: number; stored: Estimate; replayed: Estimate } | undefined {
	const replayed = recordSteps(bank, [], steps);
	for (let i = 0; i < steps.length; i++) {
		if (Math.abs(replayed[i].theta - steps[i].theta) > tolerance || Math.abs(replayed[i].se - steps[i].se) > tolerance) {
			return { step: i, stored: { theta: steps[i].theta, se: steps[i].se }, replayed: { theta: replayed[i].theta, se: replayed[i].se } };
		}
	}
	return undefined;
}

/**
 * Runs a whole adaptive test against a function that answers (a recorded respondent, a simulated one).
 * A null answer is a skipped statement. Returns the steps and the final state of each scale.
 */
export function runCat(
	bank: Bank,
	rule: CatRule,
	answer: (item: string) => number | null,
	random: () => number
): { steps: CatStep[]; scales: ScaleState[] } {
	let steps: CatStep[] = [];
	for (;;) {
		const next = nextItems(bank, rule, steps, random);
		if (next.length === 0) break;
		steps = recordSteps(bank, steps, next.map((item) => ({ item, value: answer(item) })));
	}
	return { steps, scales: scaleStates(bank, rule, steps) };
}

/**
 * Rebuilds a test in progress from its answers alone: the statements are chosen again, in order, with the same
 * random numbers (a generator seeded per response), so the steps come out exactly as they were given. Returns
 * the steps so far and the next statements (those not yet answered; [] when the test is over). `stray` lists
 * answers to items the test never reached (never the case for answers the server took one step at a time).
 */
export function resumeCat(bank: Bank, rule: CatRule, answers: ReadonlyMap<string, number>, random: () => number): { steps: CatStep[]; next: string[]; stray: string[] } {
	let steps: CatStep[] = [];
	for (;;) {
		const next = nextItems(bank, rule, steps, random);
		if (next.length === 0 || !next.every((item) => answers.has(item))) {
			const reached = new Set([...steps.map((s) => s.item), ...next]);
			return { steps, next: next.filter((item) => !answers.has(item)), stray: [...answers.keys()].filter((item) => !reached.has(item)) };
		}
		steps = recordSteps(bank, steps, next.map((item) => ({ item, value: answers.get(item)! })));
	}
}

/** A 32-bit seed from a text (FNV-1a), so a response's id seeds its randomesque choices. */
export function seedOf(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}
