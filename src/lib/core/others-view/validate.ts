/** Checks of `scoring.othersView` in a questionnaire file, and of an invitee's answer. */
import type { QuestionnaireProblem } from '../questionnaire/types.ts';
import type { ElementInfo } from '../questionnaire/elements.ts';
import { arrayAt, checkKnownKeys, isObject, isPositiveInteger, show, type Json } from '../questionnaire/checks.ts';
import type { OthersViewDefinition, QualityTheme } from './types.ts';

const KEYS = ['questions', 'min', 'max', 'minRespondents', 'maxTextLength'];

/**
 * Pushes every problem of `scoring.othersView`: the questions must be checkbox questions of the
 * survey whose choice values are unique over all of them; `min` ≤ `max` ≤ the number of qualities;
 * `minRespondents` at least 2 (one answer alone would name its author); `maxTextLength` 1–2000.
 *
 * @example validateOthersView({ questions: ['nope'], min: 5, max: 8, minRespondents: 3, maxTextLength: 500 }, new Map(), out)
 * // out → [{ path: '$.scoring.othersView.questions[0]', message: 'unknown question "nope": …' }]
 */
export function validateOthersView(def: unknown, elements: ReadonlyMap<string, ElementInfo>, out: QuestionnaireProblem[]) {
	const p = '$.scoring.othersView';
	if (def === undefined) return;
	if (!isObject(def)) {
		out.push({ path: p, message: 'must be an object { questions, min, max, minRespondents, maxTextLength }' });
		return;
	}
	checkKnownKeys(def, KEYS, p, out);
	const questions = arrayAt(def.questions, `${p}.questions`, out, true);
	if (Array.isArray(def.questions) && questions.length === 0) out.push({ path: `${p}.questions`, message: 'must name at least one checkbox question' });
	const seen = new Map<string, string>();
	questions.forEach((name, i) => {
		const at = `${p}.questions[${i}]`;
		const el = typeof name === 'string' ? elements.get(name) : undefined;
		if (!el) return out.push({ path: at, message: `unknown question ${show(name)}: no question with this name in survey` });
		if (el.type !== 'checkbox') return out.push({ path: at, message: `"${el.name}" is a ${el.type}; the qualities must be the choices of checkbox questions` });
		if (questions.indexOf(name) !== i) return out.push({ path: at, message: `question "${el.name}" is listed twice` });
		if (el.hasOther || el.allowCustom) out.push({ path: at, message: `"${el.name}" allows answers of its own ("other"); every quality must be a listed choice` });
		for (const v of el.values ?? []) {
			const id = String(v);
			if (['none', 'selectall'].includes(id)) continue;
			if (seen.has(id)) out.push({ path: at, message: `quality "${id}" is also a choice of "${seen.get(id)}": values must be unique over all the questions` });
			else seen.set(id, el.name);
		}
	});
	const whole = (key: string, lo: number, hi: number) => {
		const v = def[key];
		if (!isPositiveInteger(v) || v < lo || v > hi) {
			out.push({ path: `${p}.${key}`, message: `must be a whole number from ${lo} to ${hi} (got ${show(v)})` });
			return undefined;
		}
		return v;
	};
	const total = Math.max(1, seen.size);
	const min = whole('min', 1, total);
	const max = whole('max', 1, total);
	if (min !== undefined && max !== undefined && min > max) out.push({ path: `${p}.max`, message: `must be at least min (${min}); got ${max}` });
	whole('minRespondents', 2, 100);
	whole('maxTextLength', 1, 2000);
}

/** What was wrong with an invitee's answer: `kind` and `params` let a page say it in the reader's language. */
export type AnswerProblemKind = 'notQuality' | 'noQuality' | 'tooManyQualities' | 'notText' | 'textTooLong' | 'textControl';
export interface AnswerProblem extends QuestionnaireProblem {
	kind: AnswerProblemKind;
	params?: Record<string, string | number>;
}

export type OthersAnswerCheck =
	| { ok: true; qualities: string[]; text: string | null }
	| { ok: false; problems: AnswerProblem[] };

// Control characters other than tab and line breaks have no place in a typed text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Checks what an invitee sent: `qualities` must be known quality ids, 1 to `def.max` of them
 * (repeats count once); `text` is optional, at most `def.maxTextLength` characters after trimming,
 * without control characters. Problems name the field (`qualities`, `text`) and what was wrong.
 *
 * @example checkOthersAnswer(def, themes, ['patient'], '  Calm in a crisis ') // → { ok: true, qualities: ['patient'], text: 'Calm in a crisis' }
 */
export function checkOthersAnswer(
	def: OthersViewDefinition,
	themes: readonly QualityTheme[],
	qualities: readonly unknown[],
	text: unknown
): OthersAnswerCheck {
	const problems: AnswerProblem[] = [];
	const known = new Set(themes.flatMap((t) => t.qualities.map((q) => q.id)));
	const picks: string[] = [];
	qualities.forEach((v, i) => {
		const value = show(typeof v === 'string' ? v.slice(0, 40) : v);
		if (typeof v !== 'string' || !known.has(v)) problems.push({ path: `qualities[${i}]`, message: `${value} is not one of the qualities`, kind: 'notQuality', params: { value } });
		else if (!picks.includes(v)) picks.push(v);
	});
	if (problems.length === 0 && picks.length === 0) problems.push({ path: 'qualities', message: 'pick at least one quality', kind: 'noQuality' });
	if (picks.length > def.max) problems.push({ path: 'qualities', message: `pick at most ${def.max} qualities (got ${picks.length})`, kind: 'tooManyQualities', params: { max: def.max, n: picks.length } });
	let clean: string | null = null;
	if (text !== undefined && text !== null) {
		if (typeof text !== 'string') problems.push({ path: 'text', message: 'must be text', kind: 'notText' });
		else {
			const trimmed = text.replace(/\r\n?/g, '\n').trim();
			if (trimmed.length > def.maxTextLength) problems.push({ path: 'text', message: `is ${trimmed.length} characters long; at most ${def.maxTextLength} are allowed`, kind: 'textTooLong', params: { length: trimmed.length, max: def.maxTextLength } });
			else if (CONTROL.test(trimmed)) problems.push({ path: 'text', message: 'contains control characters', kind: 'textControl' });
			else if (trimmed !== '') clean = trimmed;
		}
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, qualities: picks, text: clean };
}
