/**
 * The decision step (the "decision learning" of the DOTS model): for 2–5 kept options a balance sheet
 * each (gains and losses for me and for people close to me, and how I and they would feel), a grid of
 * how much I want each option against how likely I think I can get there, and an action plan of
 * if–then steps with a date and who can help. Pure: reading the form, checking it, the grid's hints
 * and the export's shape. Stored as JSON (`DecisionData`) by src/lib/server/decision.
 */

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 5;
export const MAX_STEPS = 10;
export const MAX_TEXT = 500;
/** The 1–5 ratings: feelings (very bad … very good), want (not at all … very much), likely (very unlikely … very likely). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const BALANCE_TEXTS = ['gainsSelf', 'lossesSelf', 'gainsOthers', 'lossesOthers'] as const;
export const RATINGS = ['feelSelf', 'feelOthers', 'want', 'likely'] as const;
export type BalanceText = (typeof BALANCE_TEXTS)[number];
export type Rating = (typeof RATINGS)[number];

export interface DecisionOption extends Record<BalanceText, string>, Record<Rating, number | null> {
	/** The opportunity set's id and the opportunity's id in it (a shortlist item). */
	set: string;
	id: string;
}

export interface PlanStep {
	/** The situation ("If …"); may be empty for a plain step. */
	if: string;
	/** What I will do ("then I …"); required. */
	then: string;
	/** By when, YYYY-MM-DD, or null. */
	by: string | null;
	/** Who can help; may be empty. */
	who: string;
}

export interface DecisionData {
	options: DecisionOption[];
	plan: PlanStep[];
}

/** The message keys of the form's problems (texts in src/lib/i18n/decision.*.ts). */
export const DECISION_PROBLEM_CODES = [
	'decision.error.tooLong',
	'decision.error.rating',
	'decision.error.date',
	'decision.error.then',
	'decision.error.count',
	'decision.error.option'
] as const;
export type DecisionProblemCode = (typeof DECISION_PROBLEM_CODES)[number];

export interface DecisionProblem {
	code: DecisionProblemCode;
	params?: Record<string, string | number>;
	field: string;
}

export const optionKey = (o: { set: string; id: string }) => `${o.set}|${o.id}`;

export const emptyOption = (set: string, id: string): DecisionOption => ({
	set,
	id,
	gainsSelf: '',
	lossesSelf: '',
	gainsOthers: '',
	lossesOthers: '',
	feelSelf: null,
	feelOthers: null,
	want: null,
	likely: null
});

const clean = (v: string | null | undefined) => (v ?? '').replace(/\r\n/g, '\n').trim();

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDay(v: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * Reads the decision form. `get(name)` gives a field's text (null when absent). Option i is `o<i>-key`
 * (`set|id`, one of `allowed`) with `o<i>-gainsSelf` … `o<i>-likely`; plan step i is `p<i>-if`,
 * `p<i>-then`, `p<i>-by`, `p<i>-who` (a step with every field empty is dropped). Returns the data, or
 * every problem with the field it is about; nothing is half-read.
 * @example readDecisionForm((n) => ({ 'o0-key': 's|1', 'o0-want': '4' })[n] ?? null, ['s|1']).ok // → true
 */
export function readDecisionForm(
	get: (name: string) => string | null,
	allowed: readonly string[]
): { ok: true; value: DecisionData } | { ok: false; problems: DecisionProblem[] } {
	const problems: DecisionProblem[] = [];
	const options: DecisionOption[] = [];
	const seen = new Set<string>();
	for (let i = 0; i < MAX_OPTIONS; i++) {
		const key = get(`o${i}-key`);
		if (key === null) continue;
		if (!allowed.includes(key) || seen.has(key)) {
			problems.push({ code: 'decision.error.option', field: `o${i}-key` });
			continue;
		}
		seen.add(key);
		const bar = key.indexOf('|');
		const o = emptyOption(key.slice(0, bar), key.slice(bar + 1));
		for (const f of BALANCE_TEXTS) {
			const v = clean(get(`o${i}-${f}`));
			if ([...v].length > MAX_TEXT) problems.push({ code: 'decision.error.tooLong', params: { n: MAX_TEXT }, field: `o${i}-${f}` });
			o[f] = v;
		}
		for (const f of RATINGS) {
			const v = clean(get(`o${i}-${f}`));
			if (v === '') continue;
			const n = Number(v);
			if (!/^\d$/.test(v) || n < RATING_MIN || n > RATING_MAX)
				problems.push({ code: 'decision.error.rating', params: { min: RATING_MIN, max: RATING_MAX }, field: `o${i}-${f}` });
			else o[f] = n;
		}
		options.push(o);
	}
	const plan: PlanStep[] = [];
	for (let i = 0; i < MAX_STEPS + 1; i++) {
		const raw = { if: clean(get(`p${i}-if`)), then: clean(get(`p${i}-then`)), by: clean(get(`p${i}-by`)), who: clean(get(`p${i}-who`)) };
		if (!raw.if && !raw.then && !raw.by && !raw.who) continue;
		for (const f of ['if', 'then', 'who'] as const)
			if ([...raw[f]].length > MAX_TEXT) problems.push({ code: 'decision.error.tooLong', params: { n: MAX_TEXT }, field: `p${i}-${f}` });
		if (!raw.then) problems.push({ code: 'decision.error.then', field: `p${i}-then` });
		if (raw.by && !isIsoDay(raw.by)) problems.push({ code: 'decision.error.date', field: `p${i}-by` });
		plan.push({ if: raw.if, then: raw.then, by: raw.by || null, who: raw.who });
	}
	if (plan.length > MAX_STEPS) problems.push({ code: 'decision.error.count', params: { n: MAX_STEPS }, field: `p${MAX_STEPS}-then` });
	return problems.length ? { ok: false, problems } : { ok: true, value: { options, plan } };
}

/**
 * The options the decision step weighs: the stored ones still on the shortlist (in their order, with
 * what was written), or, when none are stored, the first `MAX_OPTIONS` kept. Options kept since are
 * not added by themselves; the client chooses (`chooseOptions`).
 */
export function currentOptions(stored: DecisionData | null, kept: readonly { set: string; id: string }[]): DecisionOption[] {
	const keys = new Set(kept.map(optionKey));
	const still = (stored?.options ?? []).filter((o) => keys.has(optionKey(o)));
	if (still.length >= MIN_OPTIONS) return still.slice(0, MAX_OPTIONS);
	const have = new Set(still.map(optionKey));
	return [...still, ...kept.filter((k) => !have.has(optionKey(k))).map((k) => emptyOption(k.set, k.id))].slice(0, MAX_OPTIONS);
}

/** Replaces the options weighed by `chosen` (keys of kept items, 2–5), keeping what was written for each. */
export function chooseOptions(
	current: readonly DecisionOption[],
	chosen: readonly string[],
	kept: readonly string[]
): { ok: true; value: DecisionOption[] } | { ok: false; problem: DecisionProblem } {
	const unique = [...new Set(chosen)];
	if (unique.some((k) => !kept.includes(k))) return { ok: false, problem: { code: 'decision.error.option', field: 'choose' } };
	if (unique.length < MIN_OPTIONS || unique.length > MAX_OPTIONS)
		return { ok: false, problem: { code: 'decision.error.count', params: { min: MIN_OPTIONS, n: MAX_OPTIONS }, field: 'choose' } };
	const byKey = new Map(current.map((o) => [optionKey(o), o]));
	return {
		ok: true,
		value: unique.map((k) => byKey.get(k) ?? emptyOption(k.slice(0, k.indexOf('|')), k.slice(k.indexOf('|') + 1)))
	};
}

/**
 * What the grid suggests for one option: `pursue` (want it and likely: go for it), `build` (want it,
 * less likely: plan steps that make it likelier), `check` (likely but not much wanted: is it what you
 * want?), `reconsider` (neither), or null until both are rated. "High" is 4 or 5 on the 1–5 scale.
 */
export type GridHint = 'pursue' | 'build' | 'check' | 'reconsider';
export function gridHint(o: { want: number | null; likely: number | null }): GridHint | null {
	if (o.want === null || o.likely === null) return null;
	const want = o.want >= 4;
	const likely = o.likely >= 4;
	return want ? (likely ? 'pursue' : 'build') : likely ? 'check' : 'reconsider';
}

/**
 * Facts about the labour market for one opportunity, when a source has them (a small interface: the
 * decision step asks, and shows nothing when the answer is null). `change` is the projected change in
 * employment in percent over `period`, as the source publishes it.
 */
export interface LabourFacts {
	change: number;
	period: string;
	source: string;
}
export type LabourFactsLookup = (set: string, id: string) => LabourFacts | null;
export const noLabourFacts: LabourFactsLookup = () => null;

/** The export's `decision` (profile v1 extension, docs/profile-export.md). */
export interface ExportDecision {
	updatedAt: string;
	options: {
		set: string;
		id: string;
		title: string;
		balance: Record<BalanceText, string> & { feelSelf: number | null; feelOthers: number | null };
		want: number | null;
		likely: number | null;
	}[];
	plan: PlanStep[];
}

export function exportDecision(options: readonly (DecisionOption & { title: string })[], plan: readonly PlanStep[], updatedAt: string): ExportDecision {
	return {
		updatedAt: updatedAt.replace(/\.\d{3}Z$/, 'Z'),
		options: options.map((o) => ({
			set: o.set,
			id: o.id,
			title: o.title,
			balance: {
				gainsSelf: o.gainsSelf,
				lossesSelf: o.lossesSelf,
				gainsOthers: o.gainsOthers,
				lossesOthers: o.lossesOthers,
				feelSelf: o.feelSelf,
				feelOthers: o.feelOthers
			},
			want: o.want,
			likely: o.likely
		})),
		plan: plan.map((s) => ({ ...s }))
	};
}

/** Reads stored JSON back; anything unreadable is an empty decision (never throws on old rows). */
export function parseStoredDecision(text: string | null | undefined): DecisionData | null {
	if (!text) return null;
	try {
		const v = JSON.parse(text) as Partial<DecisionData>;
		const options = Array.isArray(v.options) ? v.options.filter((o) => o && typeof o.set === 'string' && typeof o.id === 'string') : [];
		const plan = Array.isArray(v.plan) ? v.plan.filter((s) => s && typeof s.then === 'string') : [];
		return { options: options.map((o) => ({ ...emptyOption(o.set, o.id), ...o })), plan };
	} catch {
		return null;
	}
}
