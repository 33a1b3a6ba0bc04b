/**
 * The questions of one SurveyJS page in document order, each with the HTML field id it gets in the
 * plain (no-JavaScript) form. Ids come from positions, not names (`e0`, `e1`, …; parts of a question
 * add `.r0` for matrix rows, `.t0` for multipletext items, `.k0` for ranking places, `.d0.c1` for a
 * dynamic row's cells), so any SurveyJS name, with dots or spaces, maps to a safe and unique field.
 */
import { isObject, type Json } from '../questionnaire/checks.ts';
import { describeElement, type ElementInfo } from '../questionnaire/describe-element.ts';

/**
 * What is shown with the current answers, decided by the caller (the server's form model evaluates
 * `visibleIf`, `requiredIf`, … with SurveyJS's own expression engine; the core stays pure).
 */
export interface Visibility {
	/** Indexes of the pages shown, in order. */
	pages: number[];
	/** Whether this element (its own JSON object) is shown. */
	shown(el: Json): boolean;
	/** Whether this shown question must be answered now. */
	required(el: Json): boolean;
	/**
	 * Whether this shown question can be changed now (`readOnly`, `enableIf`, also of its panels). A
	 * question that cannot is shown with its answer but disabled, and its answer is kept as it was.
	 * Without it every question can be changed.
	 */
	enabled?(el: Json): boolean;
	/**
	 * Inside a dynamic question (matrixdynamic, paneldynamic): whether the cell named `cell` of row
	 * `index` (0-based) is shown and required given that row's answers, as SurveyJS evaluates
	 * `visibleIf` / `requiredIf` with `{row.x}` / `{panel.x}`. Without it every cell is shown.
	 */
	cell?(question: Json, cell: string, row: Record<string, unknown>, index: number): CellState;
}

export interface CellState {
	shown: boolean;
	required: boolean;
	/** Whether the cell can be changed in this row (its `readOnly` / `enableIf`, with `{panel.x}` / `{row.x}`). */
	enabled?: boolean;
}

const CONTAINERS = new Set(['panel', 'flowpanel']);
const CONTENT = new Set(['html', 'image', 'expression']);

export interface PageEntry {
	id: string;
	json: Json;
	/** Set for questions (anything with an answer); content elements (html, image, expression) have none. */
	info?: ElementInfo;
	/** Nested panel content. */
	children?: PageEntry[];
}

/** The page's visible elements as a tree (panels keep their children); hidden ones are left out. */
export function pageEntries(elements: unknown, vis: Visibility, prefix = 'e'): PageEntry[] {
	const out: PageEntry[] = [];
	if (!Array.isArray(elements)) return out;
	elements.forEach((el, i) => {
		if (!isObject(el) || typeof el.type !== 'string') return;
		if (!vis.shown(el)) return;
		const id = `${prefix}${i}`;
		if (CONTAINERS.has(el.type)) out.push({ id, json: el, children: pageEntries(el.elements ?? el.questions, vis, `${id}_`) });
		else if (CONTENT.has(el.type) || typeof el.name !== 'string') out.push({ id, json: el });
		else {
			const info = describeElement(el, el.type, id, false);
			// The answer is stored under valueName when there is one, as SurveyJS does.
			if (typeof el.valueName === 'string' && el.valueName !== '') info.name = el.valueName;
			info.isRequired = vis.required(el);
			out.push({ id, json: el, info });
		}
	});
	return out;
}

/** Every question entry of a tree, depth first. */
export function questionsOf(entries: PageEntry[]): PageEntry[] {
	return entries.flatMap((e) => (e.children ? questionsOf(e.children) : e.info ? [e] : []));
}

/** The pages of a survey (a survey with top-level `elements` is one page). */
export function pagesOf(survey: Record<string, unknown>): Json[] {
	if (Array.isArray(survey.pages)) return survey.pages.filter(isObject);
	const elements = survey.elements ?? survey.questions;
	return [{ name: 'page1', elements: Array.isArray(elements) ? elements : [] }];
}

/** Inner questions of a dynamic question: matrixdynamic columns or paneldynamic template elements. */
export function dynamicCells(el: Json): { json: Json; info: ElementInfo }[] {
	if (el.type === 'matrixdynamic') {
		const cellType = typeof el.cellType === 'string' ? el.cellType : 'dropdown';
		return (Array.isArray(el.columns) ? el.columns.filter(isObject) : []).map((c) => {
			const own = typeof c.cellType === 'string' && c.cellType !== 'default' ? c.cellType : cellType;
			const json = { ...c, type: own, choices: c.choices ?? el.choices };
			return { json, info: describeElement(json, own, '', false) };
		});
	}
	return (Array.isArray(el.templateElements) ? el.templateElements.filter(isObject) : [])
		.filter((c) => typeof c.type === 'string' && typeof c.name === 'string')
		.map((c) => ({ json: c, info: describeElement(c, String(c.type), '', false) }));
}

/** Choice items `{ value, text }` of a question (rating: its rate values), in order, specials last. */
export function choiceItems(el: Json, info: ElementInfo): { value: unknown; text: unknown }[] {
	const listed = el.type === 'rating' ? el.rateValues : el.choices;
	const items = Array.isArray(listed) && listed.length > 0 ? listed.map((c) => (isObject(c) ? { value: c.value, text: c.text ?? c.value } : { value: c, text: c })) : [];
	const known = new Set(items.map((c) => c.value));
	for (const v of info.values ?? []) if (!known.has(v)) items.push({ value: v, text: undefined });
	return items;
}

/**
 * The field ids (`e0.d1.c2`) of the dynamic-question cells shown on a page with these answers: the
 * answered rows and `blank` empty ones after them. Comparing two sets tells whether an answer made a
 * cell appear (the page is then shown again with it, as SurveyJS shows it at once).
 */
export function shownCells(entries: PageEntry[], answers: Record<string, unknown>, vis: Visibility, blank = 2): Set<string> {
	const out = new Set<string>();
	for (const e of questionsOf(entries)) {
		if (e.json.type !== 'matrixdynamic' && e.json.type !== 'paneldynamic') continue;
		const given = answers[e.info!.name];
		const rows = Array.isArray(given) ? given.filter(isObject) : [];
		const cells = dynamicCells(e.json);
		for (let r = 0; r < rows.length + blank; r++) {
			cells.forEach((c, j) => {
				if (vis.cell?.(e.json, c.info.name, rows[r] ?? {}, r).shown ?? true) out.add(`${e.id}.d${r}.c${j}`);
			});
		}
	}
	return out;
}
