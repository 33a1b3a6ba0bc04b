// Validation of answers against a compiled form, as SurveyJS validates a response it would complete:
// shapes on every save; at completion also visibility (hidden answers dropped), required questions,
// validators, text rules, selection counts, ranking completeness and dynamic row counts.
import type { CalculatedValue, FormModel, FormNode } from './compile';
import { formError, showValue, type FormError } from './errors';
import type { Values } from './expressions';
import { innerQuestions, isEmptyAnswer, shapeRecord, TOTAL, type Answers, type ShapeContext } from './shape';
import { computeValues, effectiveChoices, expressionNodes, nodeStates, type NodeState } from './state';
import { checkTextRules, runValidators } from './validators';
import { simpleCompletion } from './fast-path';
import { checkTriggerValue, decidedTriggerValue } from './value-triggers';

export interface ValidateFormOptions {
	/** true while in progress (saving a page): only the shape of each answer is checked. */
	partial?: boolean;
	/** Longest text accepted where a question sets no maxLength of its own (default 5000). */
	maxTextLength?: number;
}

export type FormValidation = { ok: true; answers: Answers } | { ok: false; errors: FormError[] };

interface Scope {
	tree: FormNode[];
	questions: FormNode[];
	expressions: FormNode[];
	calculated: CalculatedValue[];
}

const COMMENT = '-Comment';
const scopes = new WeakMap<object, Scope>();

function scopeOf(owner: FormModel | FormNode): Scope {
	let s = scopes.get(owner);
	if (!s) {
		const tree = 'pages' in owner ? owner.pages : owner.children;
		const questions = 'pages' in owner ? owner.questions : innerQuestions(owner);
		const calculated = 'pages' in owner ? owner.calculatedValues : [];
		scopes.set(owner, (s = { tree, questions, expressions: expressionNodes(tree), calculated }));
	}
	return s;
}

interface Run {
	model: FormModel;
	ctx: ShapeContext;
	clear: boolean;
}

/**
 * Completes one scope (the form, a dynamic panel, a matrix row): drops answers of hidden questions until
 * nothing changes (a dropped answer may hide more), adds computed values, then checks every visible,
 * enabled question. `extend` turns the scope's record into the values conditions see (e.g. `{panel.x}`).
 */
function finishScope(run: Run, scope: Scope, record: Answers, label: string, extend: (r: Answers) => Values, topLevel: boolean): Answers {
	let values: Values = {};
	let states = new Map<FormNode, NodeState>();
	for (let round = 0; round < 10; round++) {
		values = computeValues(scope.expressions, scope.calculated, extend(record));
		states = nodeStates(scope.tree, values);
		if (scope.tree === run.model.pages) skipUnreachedPages(run.model, states, values);
		if (!run.clear) break;
		// A question with `clearIfInvisible: "none"` keeps its answer while hidden, as in survey-core.
		const shown = new Set(scope.questions.filter((q) => states.get(q)?.visible || q.keepHidden).map((q) => q.key));
		const kept = (k: string) => shown.has(k.endsWith(COMMENT) && !scope.questions.some((q) => q.key === k) ? k.slice(0, -COMMENT.length) : k);
		// Values triggers store under names that are no question's are not answers that can be hidden.
		const byTrigger = (k: string) => scope.tree === run.model.pages && run.model.triggerKeys.has(k);
		const hidden = Object.keys(record).filter((k) => !kept(k) && !byTrigger(k));
		if (hidden.length === 0) break;
		record = Object.fromEntries(Object.entries(record).filter(([k]) => !hidden.includes(k)));
	}
	const out: Answers = { ...record };
	for (const e of scope.expressions) {
		if (states.get(e)?.visible && e.key && !isEmptyAnswer(values[e.key])) out[e.key] = values[e.key];
	}
	for (const cv of scope.calculated) if (cv.includeIntoResult && !isEmptyAnswer(values[cv.name])) out[cv.name] = values[cv.name];
	for (const q of scope.questions) {
		const state = states.get(q);
		if (!state?.visible || !state.enabled || q.type === 'expression') continue;
		const at = label + q.key;
		const ctx = { ...run.ctx, top: topLevel ? q.key : run.ctx.top };
		const value = completeQuestion(run, q, out[q.key], state.required, at, ctx, values);
		if (value === undefined) delete out[q.key];
		else out[q.key] = value;
	}
	return out;
}

/**
 * Pages the respondent never reached: after a `complete` trigger that holds (the survey ends on its
 * page), and between a `skip` trigger that holds and the page it jumps to. Their questions were never
 * shown, so they are not checked (their answers, if any, are kept as SurveyJS keeps them).
 */
function skipUnreachedPages(model: FormModel, states: Map<FormNode, NodeState>, values: Values) {
	if (model.completeTriggers.length === 0 && model.skipTriggers.length === 0) return;
	const shown = (page: number) => states.get(model.pages[page])?.visible === true;
	const skip = (nodes: FormNode[]) => nodes.forEach((n) => {
		const s = states.get(n);
		if (s) states.set(n, { ...s, enabled: false, required: false });
		if (n.kind !== 'question') skip(n.children);
	});
	const fired = model.completeTriggers.filter((t) => shown(t.page) && t.condition.run(values)).map((t) => t.page);
	if (fired.length > 0) skip(model.pages.slice(Math.min(...fired) + 1));
	for (const t of model.skipTriggers) if (shown(t.from) && t.condition.run(values)) skip(model.pages.slice(t.from + 1, t.to));
}

/** The checks of one visible, enabled question at completion; returns its final value. */
function completeQuestion(run: Run, q: FormNode, value: unknown, required: boolean, at: string, ctx: ShapeContext, values: Values): unknown {
	const push = (e: FormError) => ctx.errors.push(e);
	const info = q.info!;
	const nested = info.kind === 'dynamic' || info.kind === 'matrixdropdown' || info.kind === 'multipletext';
	if (!nested && isEmptyAnswer(value)) {
		if (required) push(formError(ctx.top, at, 'required'));
		// survey-core runs expression validators on an empty question too (one it cannot parse always fails).
		else failExpressionValidator(q, value, at, ctx, values);
		return undefined;
	}
	if (isBlankText(value)) {
		// Spaces only: survey-core trims a text before asking whether it is empty ("Response required"),
		// keeps it as typed when the question is optional, and runs no validator but an expression on it.
		if (required) push(formError(ctx.top, at, 'required'));
		else if (info.kind === 'text' && !failTextRule(q, value, at, ctx)) failExpressionValidator(q, value, at, ctx, values);
		else if (info.kind !== 'text') failExpressionValidator(q, value, at, ctx, values);
		return value;
	}
	if (nested) value = completeNested(run, q, value, at, ctx, values);
	if (info.kind === 'matrix' && run.clear) value = withoutHiddenRows(q, value as Answers, values);
	if (required && isEmptyAnswer(value)) {
		push(formError(ctx.top, at, 'required'));
		return undefined;
	}
	if (value === undefined) {
		failExpressionValidator(q, value, at, ctx, values);
		return undefined;
	}
	const before = ctx.errors.length;
	if (info.kind === 'text') {
		const rule = checkTextRules(q.json, value);
		if (rule) push(formError(ctx.top, at, rule.code, { value: showValue(value), ...rule.params }));
	}
	if (info.kind === 'number-choice' || info.kind === 'text-choice' || info.kind === 'multi-choice' || info.kind === 'ranking') {
		checkChoices(run, q, value, at, ctx, values);
	}
	if (info.kind === 'matrix' && (q.columns ?? []).some((c) => c.visibleIf)) {
		// A Likert grid's hidden columns (`columnsVisibleIf`, a column's `visibleIf`) cannot be picked.
		const shown = (q.columns ?? []).filter((c) => !c.visibleIf || c.visibleIf.run(values)).map((c) => c.value);
		for (const [row, v] of Object.entries(value as Answers)) {
			const stray = (Array.isArray(v) ? v : [v]).find((x) => !shown.includes(x as never));
			if (stray !== undefined) push(formError(ctx.top, `${at}.${row}`, 'notAllowed', { value: showValue(stray), allowed: shown.map((x) => showValue(x)).join(', ') }));
		}
	}
	if (info.kind === 'matrix' && (q.json.isAllRowRequired === true || q.json.eachRowRequired === true)) {
		const answered = value as Answers;
		const missing = (q.rows ?? []).filter((r) => (r.visibleIf ? r.visibleIf.run(values) : true) && isEmptyAnswer(answered[String(r.value)]));
		for (const r of missing) push(formError(ctx.top, `${at}.${r.value}`, 'required'));
	}
	if (ctx.errors.length === before) {
		const failure = runValidators(q.validators, value, values);
		if (failure) push(formError(ctx.top, at, failure.code, { value: showValue(value), ...failure.params }, failure.text));
	}
	return value;
}

/** A text of spaces only (survey-core's `isValueEmpty` trims strings before it decides). */
const isBlankText = (v: unknown): v is string => typeof v === 'string' && v.trim() === '';

/** The first expression validator that fails (the others skip empty and blank values, as in survey-core). */
function failExpressionValidator(q: FormNode, value: unknown, at: string, ctx: ShapeContext, values: Values): boolean {
	const failure = runValidators(q.validators.filter((v) => v.type === 'expression'), value, values);
	if (failure) ctx.errors.push(formError(ctx.top, at, failure.code, { value: showValue(value), ...failure.params }, failure.text));
	return failure !== undefined;
}

/** A text question's own rules (inputType email, masks, …) on a value; true when one failed. */
function failTextRule(q: FormNode, value: unknown, at: string, ctx: ShapeContext): boolean {
	const rule = checkTextRules(q.json, value);
	if (rule) ctx.errors.push(formError(ctx.top, at, rule.code, { value: showValue(value), ...rule.params }));
	return rule !== undefined;
}

/** A Likert grid's answers without the rows hidden by their `visibleIf` (SurveyJS clears those at completion). */
function withoutHiddenRows(q: FormNode, value: Answers, values: Values): Answers | undefined {
	if (!(q.rows ?? []).some((r) => r.visibleIf)) return value;
	const hidden = new Set((q.rows ?? []).filter((r) => r.visibleIf && !r.visibleIf.run(values)).map((r) => String(r.value)));
	if (hidden.size === 0) return value;
	const kept = Object.fromEntries(Object.entries(value).filter(([row]) => !hidden.has(row)));
	return isEmptyAnswer(kept) ? undefined : kept;
}

/** Selected values must be among the choices shown given the answers; counts and ranking completeness. */
function checkChoices(run: Run, q: FormNode, value: unknown, at: string, ctx: ShapeContext, values: Values) {
	const info = q.info!;
	const conditional = q.choicesFrom || (q.choices ?? []).some((c) => c.visibleIf);
	const offered = conditional ? effectiveChoices(q, values, run.model) : (info.values ?? []);
	const picked = Array.isArray(value) ? value : [value];
	const custom = (v: unknown) => (info.allowCustom || (info.hasOther && q.othersAsValue)) && !(info.values ?? []).includes(v as never);
	const stray = picked.find((v) => !offered.includes(v) && !custom(v) && !(v === 'other' && info.hasOther));
	if (stray !== undefined && conditional) {
		ctx.errors.push(formError(ctx.top, at, 'notAllowed', { value: showValue(stray), allowed: offered.map((v) => showValue(v)).join(', ') }));
		return;
	}
	const min = q.json.minSelectedChoices;
	if (info.kind === 'multi-choice' && typeof min === 'number' && min > 0 && picked.length < min && !picked.some((v) => (q.choices ?? []).find((c) => c.value === v)?.exclusive)) {
		ctx.errors.push(formError(ctx.top, at, 'tooFewSelected', { min }));
	}
	if (info.kind === 'ranking' && q.json.selectToRankEnabled !== true) {
		const missing = offered.filter((v) => !picked.includes(v));
		if (missing.length > 0) ctx.errors.push(formError(ctx.top, at, 'incompleteRanking', { missing: missing.map((v) => showValue(v)).join(', ') }));
	}
}

/** matrixdropdown rows, dynamic rows and panels, multipletext items: each completed as its own scope. */
function completeNested(run: Run, q: FormNode, value: unknown, at: string, ctx: ShapeContext, values: Values): unknown {
	const scope = scopeOf(q);
	const sub: Run = { ...run, ctx };
	const info = q.info!;
	if (info.kind === 'multipletext') {
		const out = finishScope(sub, scope, (value ?? {}) as Answers, `${at}.`, (r) => ({ ...values, ...r }), false);
		return isEmptyAnswer(out) ? undefined : out;
	}
	if (info.kind === 'matrixdropdown') {
		const rows = (value ?? {}) as Record<string, Answers>;
		const out: Record<string, Answers> = {};
		for (const row of q.rows ?? []) {
			if (row.visibleIf && !row.visibleIf.run(values)) continue;
			const key = String(row.value);
			const cells = finishScope(sub, scope, rows[key] ?? {}, `${at}.${key}.`, (r) => ({ ...values, row: r, rowName: row.value }), false);
			if (!isEmptyAnswer(cells)) out[key] = cells;
		}
		return isEmptyAnswer(out) ? undefined : out;
	}
	const list = (value ?? []) as Answers[];
	const panel = q.type === 'paneldynamic' ? 'panel' : 'row';
	const out = list.map((r, i) => finishScope(sub, scope, r, `${at}[${i}].`, (x) => ({ ...values, [panel]: x, [`${panel}Index`]: i + 1 }), false));
	if (out.length < q.minRows && value !== undefined) {
		ctx.errors.push(formError(ctx.top, at, 'tooFewRows', { count: out.length, min: q.minRows }));
	}
	return out.length === 0 ? undefined : out;
}

/**
 * Validates answers as SurveyJS produces them (`survey.data`) against a compiled form. Always: unknown
 * names, rows and columns, wrong types, values outside the choices, over-long text, too many rows, bad
 * files. Unless `partial` (completion): answers of questions that end up hidden are dropped (SurveyJS's
 * default `clearInvisibleValues: "onComplete"`), expression questions and calculated values with
 * `includeIntoResult` are computed and stored, and every visible, enabled question is checked for
 * required, validators, inputType rules, masks, selection counts, ranking completeness and row counts.
 * Every error is reported; on success the cleaned answers are returned.
 *
 * Reference: SurveyJS validation, https://surveyjs.io/form-library/documentation/data-validation
 * @example validateForm(formModelOf(survey), { age: 101 }) // → { ok: false, errors: [{ name: 'age', code: 'outOfRange', … }] }
 */
export function validateForm(model: FormModel, answers: unknown, options: ValidateFormOptions = {}): FormValidation {
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
		return { ok: false, errors: [formError('', '(answers)', 'notObject', { value: showValue(answers) })] };
	}
	// Completing a form of plain single-choice questions with plainly valid answers: the same answers as below, found faster.
	const simple = options.partial ? undefined : simpleCompletion(model, answers);
	if (simple !== undefined) return { ok: true, answers: simple };
	return validateFully(model, answers, options);
}

/** `validateForm` without the shortcut for simple forms (fast-path.ts): every rule walked. */
export function validateFully(model: FormModel, answers: object, options: ValidateFormOptions = {}): FormValidation {
	const ctx: ShapeContext = { errors: [], maxTextLength: options.maxTextLength ?? 5000, top: '' };
	// Calculated values are computed here; a client's copy of them (SurveyJS sends those with includeIntoResult) is ignored.
	const computed = new Set(model.calculatedValues.map((c) => c.name));
	const given = Object.fromEntries(Object.entries(answers).filter(([k]) => (!computed.has(k) && !model.triggerKeys.has(k)) || model.byKey.has(k)));
	const cleaned = { ...shapeRecord(model.byKey, given, '', ctx, true), ...triggerValues(model, answers as Answers, ctx) };
	if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
	if (options.partial) return { ok: true, answers: withTotals(model, withComputed(model, cleaned)) };
	const run: Run = { model, ctx, clear: model.clearInvisible !== 'none' };
	const done = withDecidedTriggerValues(model, cleaned, finishScope(run, scopeOf(model), cleaned, '', (r) => r, true));
	return ctx.errors.length > 0 ? { ok: false, errors: ctx.errors } : { ok: true, answers: withTotals(model, done) };
}

/** The answered values under names only triggers write, each one a value those triggers can set (value-triggers.ts). */
function triggerValues(model: FormModel, answers: Answers, ctx: ShapeContext): Answers {
	const out: Answers = {};
	const fromShape = (question: string, value: unknown) => {
		if (!model.byKey.has(question)) return undefined;
		const probe: ShapeContext = { ...ctx, errors: [] };
		shapeRecord(model.byKey, { [question]: value }, '', probe, true);
		return probe.errors.length === 0;
	};
	for (const [key, writers] of model.triggerKeys) {
		const value = answers[key];
		if (isEmptyAnswer(value)) continue;
		const problem = checkTriggerValue(writers, key, value, ctx.maxTextLength, fromShape);
		if (problem) ctx.errors.push(problem);
		else out[key] = value;
	}
	return out;
}

/**
 * At completion: names whose trigger the final answers decide get the value SurveyJS ends with
 * (value-triggers.ts). The answers as sent decide, before hidden ones are dropped: SurveyJS's
 * clearing at completion runs no triggers, so a copy of an answer dropped then stays.
 */
function withDecidedTriggerValues(model: FormModel, sent: Answers, done: Answers): Answers {
	if (model.triggerKeys.size === 0) return done;
	const values = computeValues(scopeOf(model).expressions, model.calculatedValues, sent);
	const out: Answers = { ...done };
	for (const [key, writers] of model.triggerKeys) {
		if (!(key in out)) continue;
		const decided = decidedTriggerValue(writers, values, (name) => model.byKey.has(name));
		if (!decided) continue;
		if (isEmptyAnswer(decided.value)) delete out[key];
		else out[key] = decided.value;
	}
	return out;
}

/** While in progress: the values of expression questions and `includeIntoResult` calculated values, as `survey.data` has them. */
function withComputed(model: FormModel, answers: Answers): Answers {
	const scope = scopeOf(model);
	if (scope.expressions.length === 0 && !scope.calculated.some((c) => c.includeIntoResult)) return answers;
	const values = computeValues(scope.expressions, scope.calculated, answers);
	const out: Answers = { ...answers };
	for (const e of scope.expressions) if (e.key && !isEmptyAnswer(values[e.key])) out[e.key] = values[e.key];
	for (const cv of scope.calculated) if (cv.includeIntoResult && !isEmptyAnswer(values[cv.name])) out[cv.name] = values[cv.name];
	return out;
}

/** Column totals of answered matrices, stored as `<key>-total` (`{ column: total }`) as SurveyJS does. */
function withTotals(model: FormModel, answers: Answers): Answers {
	let out = answers;
	for (const q of model.questions) {
		if (!q.totals || isEmptyAnswer(answers[q.key])) continue;
		const values = { ...answers, matrix: answers[q.key] };
		const totals: Answers = {};
		for (const t of q.totals) {
			const v = t.expression.run(values);
			if (!isEmptyAnswer(v)) totals[t.column] = v;
		}
		if (!isEmptyAnswer(totals)) out = { ...out, [q.key + TOTAL]: totals };
	}
	return out;
}
