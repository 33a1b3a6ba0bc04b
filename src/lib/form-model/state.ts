// Which elements are visible, enabled and required given the answers, and the values SurveyJS computes
// (expression questions, calculated values) — the state a SurveyJS Model would be in, without one.
import type { CalculatedValue, Choice, FormModel, FormNode } from './compile';
import type { Values } from './expressions';
import { isOn } from '../core/questionnaire/describe-element';

export interface NodeState {
	visible: boolean;
	enabled: boolean;
	required: boolean;
}

/** Expression questions and calculated values, in document order, run twice so one may use another. */
export function computeValues(expressions: FormNode[], calculated: CalculatedValue[], base: Values): Values {
	const values: Values = { ...base };
	for (let pass = 0; pass < 2; pass++) {
		for (const cv of calculated) values[cv.name] = cv.expression.run(values);
		for (const e of expressions) if (e.expression && e.key) values[e.key] = e.expression.run(values);
	}
	return values;
}

/** The expression questions in a tree (not inside dynamic questions, which have their own scope). */
export function expressionNodes(nodes: FormNode[], into: FormNode[] = []): FormNode[] {
	for (const n of nodes) {
		if (n.type === 'expression') into.push(n);
		else if (n.kind !== 'question') expressionNodes(n.children, into);
	}
	return into;
}

/**
 * Visible / enabled / required for every node of a tree (pages, panels, questions; not descending into
 * dynamic questions). An element is visible when it and all its containers are: its `visibleIf` decides
 * when it has one (survey-core sets `visible` from the condition, so an older SurveyJS Creator export's
 * `"visible": false` beside a `visibleIf` does not hide it), else `visible: false` hides; enabled likewise
 * (`readOnly`, `enableIf`); required by `isRequired` or `requiredIf`.
 */
export function nodeStates(nodes: FormNode[], values: Values, into = new Map<FormNode, NodeState>(), visible = true, enabled = true) {
	for (const n of nodes) {
		const v = visible && !hiddenByTriggers(n, values) && (n.visibleIf ? n.visibleIf.run(values) : true);
		const e = enabled && !n.readOnly && (n.enableIf ? n.enableIf.run(values) : true);
		const required = isOn(n.json.isRequired) || (n.requiredIf ? n.requiredIf.run(values) : false);
		into.set(n, { visible: v, enabled: e, required });
		if (n.kind !== 'question') nodeStates(n.children, values, into, v, e);
	}
	return into;
}

/**
 * `visible: false`, or what `visible` triggers decided: a trigger that holds shows the element; one that
 * fails after its question was answered hides it (SurveyJS runs triggers when a value changes, so an
 * unanswered trigger leaves the element as the JSON says).
 */
function hiddenByTriggers(n: FormNode, values: Values): boolean {
	const hidden = n.hidden && !n.visibleIf;
	if (!n.shownBy) return hidden;
	if (n.shownBy.some((t) => t.condition.run(values))) return false;
	return hidden || n.shownBy.some((t) => t.variables.some((v) => values[v] !== undefined && values[v] !== null && values[v] !== ''));
}

/** The values a choice question offers given the answers: visible choices, or those of `choicesFromQuestion`. */
export function effectiveChoices(node: FormNode, values: Values, model?: { byKey: Map<string, FormNode[]> }): unknown[] {
	if (node.choicesFrom && model) {
		const source = model.byKey.get(node.choicesFrom.key)?.[0];
		const column = node.json.choiceValuesFromQuestion;
		if (source?.info?.kind === 'dynamic' && typeof column === 'string' && column !== '') return valuesFromRows(values[source.key], column);
		const all = source ? visibleChoices(source.choices ?? [], values).map((c) => c.value) : [];
		const picked = values[node.choicesFrom.key];
		const selected = Array.isArray(picked) ? picked : picked === undefined ? [] : [picked];
		if (node.choicesFrom.mode === 'selected') return all.filter((v) => selected.includes(v));
		if (node.choicesFrom.mode === 'unselected') return all.filter((v) => !selected.includes(v));
		return all;
	}
	return visibleChoices(node.choices ?? [], values).map((c) => c.value);
}

/**
 * Choices taken from a matrixdynamic or paneldynamic (`choiceValuesFromQuestion`): the column's values
 * in the rows or panels answered so far, each once, as SurveyJS lists them.
 */
function valuesFromRows(rows: unknown, column: string): unknown[] {
	if (!Array.isArray(rows)) return [];
	const out: unknown[] = [];
	for (const r of rows) {
		const v = typeof r === 'object' && r !== null ? (r as Record<string, unknown>)[column] : undefined;
		if (v !== undefined && v !== null && v !== '' && !out.includes(v)) out.push(v);
	}
	return out;
}

export function visibleChoices(choices: Choice[], values: Values): Choice[] {
	return choices.filter((c) => (c.visibleIf ? c.visibleIf.run(values) : true));
}

/** The whole form's state: values with computed ones, and the state of every top-level node. */
export function formState(model: FormModel, answers: Values): { values: Values; states: Map<FormNode, NodeState> } {
	const values = computeValues(expressionNodes(model.pages), model.calculatedValues, answers);
	return { values, states: nodeStates(model.pages, values) };
}
