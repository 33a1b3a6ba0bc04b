/** Validation of `scoring.scales` (docs/questionnaire-format.md, "scales"). */
import type { QuestionnaireProblem } from './types.ts';
import type { ElementInfo } from './elements.ts';
import { resolveItem, valueMap } from '../scoring/items.ts';
import {
	arrayAt,
	checkId,
	checkKnownKeys,
	checkLocalized,
	checkString,
	eachObject,
	isFiniteNumber,
	isObject,
	isPositiveInteger,
	show,
	type Json
} from './checks.ts';

const SCALE_KEYS = ['id', 'title', 'dimension', 'items', 'valueFrom', 'reverse', 'range', 'method', 'minAnswered', 'norms', 'reliability', 'bands'];
const NORM_KEYS = ['id', 'title', 'population', 'n', 'mean', 'sd', 'source'];
const BAND_KEYS = ['upTo', 'label', 'text'];

/** `[lo, hi]` with finite lo < hi, or undefined after reporting. */
function checkRange(v: unknown, path: string, out: QuestionnaireProblem[]): [number, number] | undefined {
	if (Array.isArray(v) && v.length === 2 && isFiniteNumber(v[0]) && isFiniteNumber(v[1]) && v[0] < v[1]) {
		return [v[0], v[1]];
	}
	out.push({ path, message: `must be [lowest, highest] with two numbers, lowest < highest (got ${show(v)})` });
	return undefined;
}

const SINGLE_VALUE = new Set(['number-choice', 'text-choice']);

/**
 * Each item must name a single-value question (or a matrix row / matrixdropdown cell, see
 * scoring/items.ts) whose values — or with `valueFrom` the choices' property — are numbers within `range`.
 */
function checkItems(items: unknown[], range: [number, number] | undefined, valueFrom: string | undefined, path: string, elements: Map<string, ElementInfo>, out: QuestionnaireProblem[]) {
	const seen = new Set<string>();
	items.forEach((name, i) => {
		const p = `${path}[${i}]`;
		if (typeof name !== 'string') return out.push({ path: p, message: 'must be an element name' });
		if (seen.has(name)) out.push({ path: p, message: `"${name}" is listed twice` });
		seen.add(name);
		const source = resolveItem(name, elements);
		if (!source) {
			const hint = name.includes('.') ? ' (a matrix row is "<matrix>.<row value>", a matrixdropdown cell "<matrix>.<row value>.<column name>")' : '';
			return out.push({ path: p, message: `unknown item "${name}": no question with this name in survey${hint}` });
		}
		const el = source.element;
		// A matrix row holds one column value; a plain question or matrixdropdown cell must be single-choice.
		const single = source.path.length === 1 || SINGLE_VALUE.has(el.kind);
		const numeric = source.values.every((v) => typeof v === 'number');
		if (!single || source.values.length === 0 || (valueFrom === undefined && !numeric)) {
			return out.push({
				path: p,
				message: `"${name}" (${el.type}) is not a single-value numeric question: use rating, radiogroup/dropdown whose choice values are all numbers (or a scale "valueFrom" naming a numeric choice property), a matrix row or a matrixdropdown cell, without other/none items`
			});
		}
		if (valueFrom === undefined) {
			const outside = range ? source.values.filter((v) => (v as number) < range[0] || (v as number) > range[1]) : [];
			if (outside.length > 0) out.push({ path: p, message: `"${name}" can be answered ${outside.map(show).join(', ')}, outside the range [${range![0]}, ${range![1]}]` });
			return;
		}
		const map = valueMap(source, valueFrom);
		for (const v of source.values) {
			const x = map.get(v);
			if (!isFiniteNumber(x)) out.push({ path: p, message: `"${name}": the choice ${show(v)} has no numeric "${valueFrom}" (got ${show(x)})` });
			else if (range && (x < range[0] || x > range[1])) out.push({ path: p, message: `"${name}": the choice ${show(v)} has "${valueFrom}": ${x}, outside the range [${range[0]}, ${range[1]}]` });
		}
	});
}

function checkNorm(norm: Json, p: string, seen: Set<string>, out: QuestionnaireProblem[]) {
	checkKnownKeys(norm, NORM_KEYS, p, out);
	checkId(norm, p, seen, out, 'norm');
	checkLocalized(norm.title, `${p}.title`, out);
	checkString(norm, 'population', p, out, false);
	checkString(norm, 'source', p, out, false);
	if (norm.n !== undefined && !isPositiveInteger(norm.n)) out.push({ path: `${p}.n`, message: 'must be a positive integer' });
	if (!isFiniteNumber(norm.mean)) out.push({ path: `${p}.mean`, message: `must be a finite number (got ${show(norm.mean)})` });
	if (!isFiniteNumber(norm.sd) || norm.sd <= 0) out.push({ path: `${p}.sd`, message: `must be a number > 0 (got ${show(norm.sd)})` });
}

function checkBands(bands: unknown[], p: string, out: QuestionnaireProblem[]) {
	let previous = -Infinity;
	eachObject(bands, p, out, (band, bp) => {
		checkKnownKeys(band, BAND_KEYS, bp, out);
		if (!isFiniteNumber(band.upTo)) {
			out.push({ path: `${bp}.upTo`, message: 'must be a number' });
		} else {
			if (band.upTo <= previous) out.push({ path: `${bp}.upTo`, message: `must be greater than the previous band's upTo (${previous}); bands go from low to high` });
			previous = band.upTo;
		}
		checkLocalized(band.label, `${bp}.label`, out, { required: true, nonEmpty: true });
		checkLocalized(band.text, `${bp}.text`, out);
	});
}

function checkScale(scale: Json, p: string, seen: Set<string>, elements: Map<string, ElementInfo>, out: QuestionnaireProblem[]) {
	checkKnownKeys(scale, SCALE_KEYS, p, out);
	checkId(scale, p, seen, out, 'scale');
	checkLocalized(scale.title, `${p}.title`, out, { required: true, nonEmpty: true });
	checkString(scale, 'dimension', p, out, false);
	const range = checkRange(scale.range, `${p}.range`, out);
	const items = arrayAt(scale.items, `${p}.items`, out, true);
	if (Array.isArray(scale.items) && items.length === 0) out.push({ path: `${p}.items`, message: 'must list at least one item' });
	if (scale.valueFrom !== undefined && (typeof scale.valueFrom !== 'string' || scale.valueFrom === '' || scale.valueFrom === 'value')) {
		out.push({ path: `${p}.valueFrom`, message: 'must be the name of a choice property such as "score" (leave it out to use the choice values)' });
	}
	checkItems(items, range, typeof scale.valueFrom === 'string' && scale.valueFrom !== '' && scale.valueFrom !== 'value' ? scale.valueFrom : undefined, `${p}.items`, elements, out);
	arrayAt(scale.reverse, `${p}.reverse`, out).forEach((name, i) => {
		if (!items.includes(name)) out.push({ path: `${p}.reverse[${i}]`, message: `${show(name)} is not one of this scale's items` });
	});
	if (scale.method !== 'mean' && scale.method !== 'sum') out.push({ path: `${p}.method`, message: `must be "mean" or "sum" (got ${show(scale.method)})` });
	const min = scale.minAnswered;
	if (min !== undefined && (!isPositiveInteger(min) || min > items.length)) {
		out.push({ path: `${p}.minAnswered`, message: `must be a whole number from 1 to ${items.length} (the number of items); got ${show(min)}` });
	}
	const norms = new Set<string>();
	eachObject(arrayAt(scale.norms, `${p}.norms`, out), `${p}.norms`, out, (n, np) => checkNorm(n, np, norms, out));
	if (scale.reliability !== undefined) {
		const r = scale.reliability;
		if (!isObject(r)) out.push({ path: `${p}.reliability`, message: 'must be an object { alpha, source? }' });
		else {
			checkKnownKeys(r, ['alpha', 'source'], `${p}.reliability`, out);
			if (!isFiniteNumber(r.alpha) || r.alpha <= 0 || r.alpha >= 1) out.push({ path: `${p}.reliability.alpha`, message: `must be a number between 0 and 1, exclusive (got ${show(r.alpha)})` });
			checkString(r, 'source', `${p}.reliability`, out, false);
		}
	}
	checkBands(arrayAt(scale.bands, `${p}.bands`, out), `${p}.bands`, out);
}

/**
 * Checks `scoring.scales` against the survey's elements (docs/questionnaire-format.md, "scales") and returns the scale ids seen.
 *
 * Reference: docs/questionnaire-format.md.
 * @example validateScales([], new Map(), []) // → Set {}
 */
export function validateScales(scales: unknown, elements: Map<string, ElementInfo>, out: QuestionnaireProblem[]): Set<string> {
	const seen = new Set<string>();
	const path = '$.scoring.scales';
	eachObject(arrayAt(scales, path, out), path, out, (s, p) => checkScale(s, p, seen, elements, out));
	return seen;
}
