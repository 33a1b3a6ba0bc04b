/**
 * Where a scale item's answer is: a question (`a1`), a Likert-grid row (`bfi.A1`, answers.bfi.A1) or a
 * matrixdropdown cell (`jobs.now.liking`, answers.jobs.now.liking), and, with the scale's `valueFrom`,
 * which number each choice stands for (documented in docs/surveyjs-forms.md).
 */
import type { Answers, ScaleDefinition } from '../questionnaire/types.ts';
import type { ChoiceValue, ElementInfo } from '../questionnaire/describe-element.ts';

export interface ItemSource {
	/** The question holding the answer. */
	element: ElementInfo;
	/** Keys below the question's answer: [] for a plain item, [row] or [row, column]. */
	path: string[];
	/** The values the item can take (before `valueFrom`). */
	values: ChoiceValue[];
	/** The choice objects of the item's values (for `valueFrom`). */
	choiceItems: Record<string, unknown>[];
}

/**
 * Resolves an item name against the form's elements: a question name first, else `<matrix>.<row>` of
 * a matrix or `<matrix>.<row>.<column>` of a matrixdropdown. Returns undefined when nothing matches.
 * @example resolveItem('bfi.A1', elements)?.path // → ['A1']
 */
export function resolveItem(item: string, elements: Map<string, ElementInfo>): ItemSource | undefined {
	const plain = elements.get(item);
	if (plain) return { element: plain, path: [], values: plain.values ?? [], choiceItems: plain.choiceItems ?? [] };
	const [name, row, column, ...rest] = item.split('.');
	const el = elements.get(name);
	if (!el || row === undefined || rest.length > 0 || !(el.rows ?? []).some((r) => String(r) === row)) return undefined;
	if (el.kind === 'matrix' && column === undefined) return { element: el, path: [row], values: el.values ?? [], choiceItems: el.choiceItems ?? [] };
	if (el.kind === 'matrixdropdown' && column !== undefined) {
		const cell = el.cells?.get(column);
		if (cell) return { element: cell, path: [row, column], values: cell.values ?? [], choiceItems: cell.choiceItems ?? [] };
	}
	return undefined;
}

/** The raw answer of an item: a flat key (e.g. a CSV column named `bfi.A1`) first, else inside the matrix answer. */
export function rawItemAnswer(item: string, answers: Answers): unknown {
	if (item in answers) return answers[item];
	const parts = item.split('.');
	let v: unknown = answers[parts[0]];
	for (const key of parts.slice(1)) {
		if (typeof v !== 'object' || v === null) return undefined;
		v = (v as Record<string, unknown>)[key];
	}
	return v;
}

/** choice value → number from the `valueFrom` property, for one item. */
export function valueMap(source: ItemSource, property: string): Map<ChoiceValue, unknown> {
	const map = new Map<ChoiceValue, unknown>();
	for (const c of source.choiceItems) map.set(c.value as ChoiceValue, c[property]);
	return map;
}

const readers = new WeakMap<ScaleDefinition, ((answers: Answers) => Answers) | null>();

/**
 * A function giving a scale's item answers as `{ item: number }` when the scale needs it (matrix items
 * or `valueFrom`), else null (the answers are used as they are). Remembered per scale definition.
 * A `valueFrom` choice without the property gives a missing answer (validation refuses such keys).
 * @example scaleItemReader(def, elements)?.({ bfi: { A1: 4 } }) // → { 'bfi.A1': 4 }
 */
export function scaleItemReader(def: ScaleDefinition, elements: () => Map<string, ElementInfo>): ((answers: Answers) => Answers) | null {
	let reader = readers.get(def);
	if (reader !== undefined) return reader;
	const plain = def.valueFrom === undefined && def.items.every((item) => !item.includes('.'));
	if (plain) reader = null;
	else {
		const els = elements();
		const maps = def.items.map((item) => {
			const source = resolveItem(item, els);
			return source && def.valueFrom !== undefined ? valueMap(source, def.valueFrom) : undefined;
		});
		reader = (answers) => {
			const out: Answers = {};
			def.items.forEach((item, i) => {
				const raw = rawItemAnswer(item, answers);
				const map = maps[i];
				out[item] = map && raw !== undefined && raw !== null && raw !== '' ? map.get(raw as ChoiceValue) : raw;
			});
			return out;
		};
	}
	readers.set(def, reader);
	return reader;
}
