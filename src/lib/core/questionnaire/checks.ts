/** Small checks shared by the questionnaire validators; each pushes a Problem with its JSON path. */
import type { QuestionnaireProblem } from './types.ts';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Quotes a value for a message: strings in double quotes, others as JSON; long values cut. */
export function show(v: unknown): string {
	const s = v === undefined ? 'undefined' : JSON.stringify(v);
	return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Reports properties not in `allowed` (typos such as `reversed` would otherwise change scores silently). */
export function checkKnownKeys(obj: Json, allowed: readonly string[], path: string, out: QuestionnaireProblem[]) {
	for (const key of Object.keys(obj)) {
		if (!allowed.includes(key)) out.push({ path: `${path}.${key}`, message: `unknown property "${key}"` });
	}
}

/** A plain string, or an object of locale → string with a `default`; `nonEmpty` forbids blank texts. */
export function checkLocalized(
	v: unknown,
	path: string,
	out: QuestionnaireProblem[],
	{ required = false, nonEmpty = false } = {}
) {
	if (v === undefined) {
		if (required) out.push({ path, message: 'is required' });
		return;
	}
	const blank = (s: string) => nonEmpty && s.trim() === '';
	if (typeof v === 'string') {
		if (blank(v)) out.push({ path, message: 'must not be empty' });
		return;
	}
	if (!isObject(v)) {
		out.push({ path, message: 'must be a string or an object of locale → text with "default"' });
		return;
	}
	if (typeof v.default !== 'string') out.push({ path: `${path}.default`, message: 'is required (the fallback text)' });
	for (const [locale, text] of Object.entries(v)) {
		if (typeof text !== 'string') out.push({ path: `${path}.${locale}`, message: 'must be a string' });
		else if (blank(text)) out.push({ path: `${path}.${locale}`, message: 'must not be empty' });
	}
}

/** `obj[key]` must be a non-empty string (when required or present). */
export function checkString(obj: Json, key: string, path: string, out: QuestionnaireProblem[], required = true) {
	const v = obj[key];
	if (v === undefined && !required) return;
	if (typeof v !== 'string' || v.trim() === '') {
		out.push({ path: `${path}.${key}`, message: v === undefined ? 'is required' : 'must be a non-empty string' });
	}
}

/** `obj.id` must be a non-empty string, unique among `seen` (which it joins). */
export function checkId(obj: Json, path: string, seen: Set<string>, out: QuestionnaireProblem[], what: string) {
	checkString(obj, 'id', path, out);
	if (typeof obj.id !== 'string') return;
	if (seen.has(obj.id)) out.push({ path: `${path}.id`, message: `duplicate ${what} id "${obj.id}"` });
	seen.add(obj.id);
}

/** `v` must be an array (when present); returns it, or [] after reporting. */
export function arrayAt(v: unknown, path: string, out: QuestionnaireProblem[], required = false): unknown[] {
	if (Array.isArray(v)) return v;
	if (v !== undefined || required) out.push({ path, message: v === undefined ? 'is required' : 'must be an array' });
	return [];
}

/** Runs `check` on every entry that is an object; reports the others. */
export function eachObject(
	list: unknown[],
	path: string,
	out: QuestionnaireProblem[],
	check: (obj: Json, path: string) => void
) {
	list.forEach((entry, i) => {
		const p = `${path}[${i}]`;
		if (isObject(entry)) check(entry, p);
		else out.push({ path: p, message: 'must be an object' });
	});
}

export const isPositiveInteger = (v: unknown): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= 1;
