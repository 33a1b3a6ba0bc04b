/**
 * Reads a submitted plain-form page back into SurveyJS answers (`survey.data` shape): the same values
 * SurveyJS would store — numbers stay numbers, checkbox lists in choice order, other text in
 * `<name>-Comment`, matrices as `{ row: column }`, ranking as the ordered list, dynamic rows as a list
 * of objects without the empty rows. Choice fields carry the choice's position, so a value can only
 * ever be one of the question's own choices.
 */
import type { Json } from '../questionnaire/checks.ts';
import type { ElementInfo } from '../questionnaire/describe-element.ts';
import { choiceItems, dynamicCells, questionsOf, type PageEntry, type Visibility } from './walk.ts';

/** All values submitted under a field name (a checkbox group sends several). */
export type FieldValues = (field: string) => string[];

/** Why a submitted question could not be read: a ranking with a place used twice or missing, a bad number. */
export type ReadProblem = 'ranking' | 'number';

export interface PageAnswers {
	/** New values of the page's questions; undefined = no answer (the key is removed). */
	values: Record<string, unknown>;
	problems: Record<string, ReadProblem>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const one = (get: FieldValues, f: string) => get(f)[0] ?? '';
const pick = (items: { value: unknown }[], raw: string): unknown => {
	if (!/^\d+$/.test(raw)) return undefined;
	return items[Number(raw)]?.value;
};

/**
 * The page as it was shown: the answers it was rendered with and which questions (and cells of dynamic
 * rows) could be changed. A question or cell that could not sends no field (it was disabled), so its
 * answer is kept as it was.
 */
export interface ShownWith {
	answers: Record<string, unknown>;
	vis: Pick<Visibility, 'enabled' | 'cell'>;
}

/** The answers a page's fields give, and the `-Comment` texts of `other` choices. */
export function readPageAnswers(entries: PageEntry[], get: FieldValues, shown?: ShownWith): PageAnswers {
	const out: PageAnswers = { values: {}, problems: {} };
	for (const e of questionsOf(entries)) {
		const info = e.info!;
		if (shown && shown.vis.enabled?.(e.json) === false) {
			out.values[info.name] = shown.answers[info.name];
			if (info.hasComment) out.values[`${info.name}-Comment`] = shown.answers[`${info.name}-Comment`];
			continue;
		}
		const r = readQuestion(e.id, e.json, info, get, shown && { before: shown.answers[info.name], vis: shown.vis });
		out.values[info.name] = r.value;
		if (info.hasComment) {
			const other = one(get, `${e.id}.other`).trim();
			out.values[`${info.name}-Comment`] = other && (info.hasOther ? includesOther(r.value) : true) ? other : undefined;
		}
		if (r.problem) out.problems[info.name] = r.problem;
	}
	return out;
}

const includesOther = (v: unknown) => v === 'other' || (Array.isArray(v) && v.includes('other'));

/** A dynamic question's rows as they were shown, and its cells' states in them. */
type Before = { before: unknown; vis: Pick<Visibility, 'cell'> };

function readQuestion(id: string, el: Json, info: ElementInfo, get: FieldValues, shown?: Before): { value: unknown; problem?: ReadProblem } {
	switch (el.type) {
		case 'radiogroup':
		case 'rating':
		case 'dropdown':
		case 'imagepicker': {
			const items = choiceItems(el, info);
			if (el.type === 'imagepicker' && el.multiSelect === true) return { value: many(items, get(id)) };
			return { value: pick(items, one(get, id)) };
		}
		case 'boolean':
			return { value: pick((info.values ?? []).map((value) => ({ value })), one(get, id)) };
		case 'checkbox':
		case 'tagbox':
			return { value: many(choiceItems(el, info), get(id)) };
		case 'text':
		case 'comment': {
			const raw = one(get, id);
			if (raw.trim() === '') return { value: undefined };
			if (info.numeric) {
				const n = Number(raw.trim().replace(',', '.'));
				return Number.isFinite(n) ? { value: n } : { value: undefined, problem: 'number' };
			}
			return { value: raw };
		}
		case 'multipletext': {
			const value: Record<string, string> = {};
			(Array.isArray(el.items) ? el.items : []).filter(isObj).forEach((it, i) => {
				const raw = one(get, `${id}.t${i}`);
				if (raw.trim() !== '') value[String(it.name)] = raw;
			});
			return { value: Object.keys(value).length ? value : undefined };
		}
		case 'matrix': {
			const columns = (Array.isArray(el.columns) ? el.columns : []).map((c) => ({ value: isObj(c) ? c.value : c }));
			const value: Record<string, unknown> = {};
			(Array.isArray(el.rows) ? el.rows : []).forEach((row, j) => {
				const v = pick(columns, one(get, `${id}.r${j}`));
				if (v !== undefined) value[String(isObj(row) ? row.value : row)] = v;
			});
			return { value: Object.keys(value).length ? value : undefined };
		}
		case 'ranking': {
			const items = choiceItems(el, info);
			const places = items.map((_, i) => one(get, `${id}.k${i}`));
			if (places.every((p) => p === '')) return { value: undefined };
			const nums = places.map(Number);
			const complete = nums.every((p) => Number.isInteger(p) && p >= 1 && p <= items.length) && new Set(nums).size === items.length;
			if (!complete) return { value: undefined, problem: 'ranking' };
			return { value: items.map((c, i) => ({ c, p: nums[i] })).sort((a, b) => a.p - b.p).map((x) => x.c.value) };
		}
		case 'matrixdynamic':
		case 'paneldynamic': {
			const count = Math.min(Number(one(get, `${id}.rows`)) || 0, 100);
			const cells = dynamicCells(el);
			const rows: Record<string, unknown>[] = [];
			let problem: ReadProblem | undefined;
			const before = shown && Array.isArray(shown.before) ? shown.before.filter(isObj) : [];
			for (let r = 0; r < count; r++) {
				const row: Record<string, unknown> = {};
				cells.forEach((c, j) => {
					const was = before[r] ?? {};
					if (shown?.vis.cell?.(el, c.info.name, was, r).enabled === false) {
						if (was[c.info.name] !== undefined) row[c.info.name] = was[c.info.name];
						return;
					}
					const got = readQuestion(`${id}.d${r}.c${j}`, c.json, c.info, get);
					problem ??= got.problem;
					if (got.value !== undefined && !(Array.isArray(got.value) && got.value.length === 0)) row[c.info.name] = got.value;
				});
				if (Object.keys(row).length) rows.push(row);
			}
			return { value: rows.length ? rows : undefined, problem };
		}
		default:
			return { value: undefined };
	}
}

function many(items: { value: unknown }[], raw: string[]): unknown[] | undefined {
	const chosen = new Set<unknown>(raw.map((r) => pick(items, r)).filter((v) => v !== undefined));
	const list = items.map((c) => c.value).filter((v) => chosen.has(v));
	return list.length ? list : undefined;
}
