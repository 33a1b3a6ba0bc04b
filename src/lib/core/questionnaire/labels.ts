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

/**
 * The text of a scale item as the person read it: the question's title, or for `<matrix>.<row>` the
 * row's text. Null when the item has no text of its own (then its name is all there is).
 *
 * @example itemText({ elements: [{ type: 'matrix', name: 'g', rows: [{ value: 'a', text: 'I plan' }] }] }, 'g.a') // → 'I plan'
 */
export function itemText(survey: Json, item: string): LocalizedString | null {
	const el = findElement(survey, item);
	if (el) return (el.title as LocalizedString | undefined) ?? null;
	const [matrix, row, ...rest] = item.split('.');
	const grid = row === undefined ? undefined : findElement(survey, matrix);
	if (!grid || !Array.isArray(grid.rows)) return null;
	const found = grid.rows.find((r) => (isObject(r) ? String(r.value) === row : String(r) === row));
	if (!isObject(found) || found.text === undefined) return null;
	// `<matrix>.<row>.<column>` of a matrixdropdown: the row's text with the column's.
	if (rest.length === 1) {
		const column = (Array.isArray(grid.columns) ? grid.columns : []).find((c) => isObject(c) && c.name === rest[0]);
		const title = isObject(column) ? (column.title as LocalizedString | undefined) : undefined;
		return title === undefined ? (found.text as LocalizedString) : joinLocalized(found.text as LocalizedString, title);
	}
	return rest.length === 0 ? (found.text as LocalizedString) : null;
}

function joinLocalized(a: LocalizedString, b: LocalizedString): LocalizedString {
	if (typeof a === 'string' && typeof b === 'string') return `${a} – ${b}`;
	const pick = (s: LocalizedString, l: string) => (typeof s === 'string' ? s : (s[l] ?? s.default ?? Object.values(s)[0] ?? ''));
	const langs = new Set([...(typeof a === 'string' ? [] : Object.keys(a)), ...(typeof b === 'string' ? [] : Object.keys(b)), 'default']);
	return Object.fromEntries([...langs].map((l) => [l, `${pick(a, l)} – ${pick(b, l)}`])) as LocalizedString;
}
