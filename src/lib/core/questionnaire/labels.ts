import type { LocalizedString } from './types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function findElement(node: unknown, name: string, anyNamed = false): Json | undefined {
	if (Array.isArray(node)) {
		for (const n of node) {
			const found = findElement(n, name, anyNamed);
			if (found) return found;
		}
		return undefined;
	}
	if (!isObject(node)) return undefined;
	if (node.name === name && (anyNamed || (typeof node.type === 'string' && node.type !== 'page'))) return node;
	for (const key of ['pages', 'elements', 'templateElements', 'columns'])
		if (key in node) {
			const found = findElement(node[key], name, anyNamed);
			if (found) return found;
		}
	return undefined;
}

/**
 * The display text of each choice of a question (or of a matrixdynamic column / paneldynamic
 * inner question when `column` is given), by value: what a person saw when they chose it.
 * Choices without a `text` are shown as their value.
 *
 * @example choiceLabels({ elements: [{ type: 'radiogroup', name: 'q', choices: [{ value: 1, text: 'Yes' }, 2] }] }, 'q')
 * // → Map { '1' => 'Yes', '2' => '2' }
 */
export function choiceLabels(survey: Json, question: string, column?: string): Map<string, LocalizedString> {
	let el = findElement(survey, question);
	if (el && column) el = findElement(el.columns ?? el.templateElements, column, true);
	const labels = new Map<string, LocalizedString>();
	const list = el?.choices ?? el?.rateValues;
	if (!Array.isArray(list)) return labels;
	for (const c of list) {
		if (isObject(c)) labels.set(String(c.value), (c.text as LocalizedString | undefined) ?? String(c.value));
		else labels.set(String(c), String(c));
	}
	return labels;
}

/**
 * The title of a question as the person saw it (its `name` when it has none).
 *
 * @example questionTitle({ elements: [{ type: 'comment', name: 'why', title: 'Why?' }] }, 'why') // → 'Why?'
 */
export function questionTitle(survey: Json, question: string): LocalizedString {
	const el = findElement(survey, question);
	return (el?.title as LocalizedString | undefined) ?? question;
}
