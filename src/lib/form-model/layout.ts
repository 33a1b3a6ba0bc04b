// What a page shows given the answers: the visible elements in order with their state and the choices
// they offer — for rendering a form without JavaScript from the same model the server validates with.
import type { FormModel, FormNode } from './compile';
import type { Values } from './expressions';
import { effectiveChoices, formState, nodeStates, type NodeState } from './state';

export interface VisibleElement extends NodeState {
	node: FormNode;
	/** Choice questions: the values offered now (visible choices; `choicesFromQuestion` resolved). */
	choices?: unknown[];
	/** Panels: their visible elements. */
	children: VisibleElement[];
}

export interface VisiblePage {
	/** Index into `model.pages`. */
	index: number;
	node: FormNode;
	elements: VisibleElement[];
}

function visible(nodes: FormNode[], states: Map<FormNode, NodeState>, values: Values, model: FormModel): VisibleElement[] {
	const out: VisibleElement[] = [];
	for (const node of nodes) {
		const state = states.get(node);
		if (!state?.visible) continue;
		const el: VisibleElement = { node, ...state, children: node.kind === 'question' ? [] : visible(node.children, states, values, model) };
		if (node.kind === 'panel' && el.children.length === 0) continue;
		if (node.choices || node.choicesFrom) el.choices = effectiveChoices(node, values, model);
		out.push(el);
	}
	return out;
}

/**
 * The pages a respondent sees given the answers so far, each with its visible elements (pages and
 * panels with nothing visible are left out, as SurveyJS does). Conditions are evaluated on the answers
 * plus the computed values (expression questions, calculated values).
 * @example visiblePages(formModelOf(survey), { likes: 'yes' })[0].elements.map((e) => e.node.name) // → ['likes', 'why']
 */
export function visiblePages(model: FormModel, answers: Values): VisiblePage[] {
	const { values, states } = formState(model, answers);
	return model.pages.flatMap((node, index) => {
		if (!states.get(node)?.visible) return [];
		const elements = visible(node.children, states, values, model);
		return elements.length > 0 ? [{ index, node, elements }] : [];
	});
}

/**
 * The state of each cell of one row of a dynamic question (matrixdynamic columns, paneldynamic template
 * elements, also those inside the template's panels), by name: `{row.x}` / `{panel.x}` and
 * `{rowIndex}` / `{panelIndex}` (1-based) bound to that row, as SurveyJS evaluates them and as
 * completing checks them. `values` are the form's values (`formState(model, answers).values`).
 * @example rowStates(courses, values, { enjoy: false }, 0).get('change')?.visible // → true when visibleIf is "{panel.enjoy} = false"
 */
export function rowStates(node: FormNode, values: Values, row: Values, index: number): Map<string, NodeState> {
	const scope = node.type === 'paneldynamic' ? 'panel' : 'row';
	const states = nodeStates(node.children, { ...values, [scope]: row, [`${scope}Index`]: index + 1 });
	const out = new Map<string, NodeState>();
	for (const [n, s] of states) if (n.kind === 'question' && !out.has(n.name)) out.set(n.name, s);
	return out;
}
