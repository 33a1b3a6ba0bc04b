/**
 * Walks SurveyJS JSON and describes every named question: what kind of answer it takes and which values
 * are allowed. The answer validator, the questionnaire validator and the scorer all work from this, so
 * SurveyJS's defaults (rating 1..5, `other`, boolean true/false, …) are encoded in one place.
 */
import type { QuestionnaireProblem } from './types.ts';
import { isObject, type Json } from './checks.ts';
import { BUILT_IN_TYPES, describeElement, NO_ANSWER, type ElementInfo } from './describe-element.ts';

export type { ChoiceValue, ElementInfo, ElementKind } from './describe-element.ts';

const CONTAINERS = new Set(['panel', 'page', 'flowpanel']);

export interface WalkResult {
	/** Every named question in document order, duplicates included. */
	all: ElementInfo[];
	problems: QuestionnaireProblem[];
	/**
	 * Question names used more than once outside dynamic panels and matrices, with the JSON paths of
	 * each use. SurveyJS loads such a form and gives the questions one shared value, so this is no
	 * problem by itself (the form model warns); a scored item naming one is (validate.ts).
	 */
	duplicates: Map<string, string[]>;
}

/** `elements`, or the legacy `questions` array SurveyJS still reads (on the survey, a page or a panel). */
function childElements(container: Json): { list: unknown; key: 'elements' | 'questions' } {
	if (container.elements === undefined && Array.isArray(container.questions)) return { list: container.questions, key: 'questions' };
	return { list: container.elements, key: 'elements' };
}

/** multipletext items: each is a text answer (an inputType of number stores a number). */
function walkItems(el: Json, path: string, conditional: boolean): ElementInfo[] {
	const items = Array.isArray(el.items) ? el.items : [];
	return items.flatMap((item, i) =>
		isObject(item) && typeof item.name === 'string' && item.name !== '' ? [describeElement(item, 'text', `${path}.items[${i}]`, conditional)] : []
	);
}

/** Columns of a matrixdynamic or matrixdropdown, as ElementInfo with the effective cell type and choices. */
function walkColumns(el: Json, path: string, conditional: boolean, out: WalkResult): ElementInfo[] {
	const columns = Array.isArray(el.columns) ? el.columns : [];
	const matrixType = typeof el.cellType === 'string' ? el.cellType : 'dropdown';
	const cells: ElementInfo[] = [];
	columns.forEach((col, i) => {
		const p = `${path}.columns[${i}]`;
		if (!isObject(col) || typeof col.name !== 'string' || col.name === '') {
			out.problems.push({ path: p, message: 'a column needs a name' });
			return;
		}
		const own = typeof col.cellType === 'string' && col.cellType !== 'default' ? col.cellType : '';
		const type = own || matrixType;
		const withChoices = col.choices === undefined ? { ...col, choices: el.choices } : col;
		cells.push(describeElement(withChoices, type, p, conditional));
	});
	return cells;
}

/** Depth-first walk over `elements` (pages, panels) collecting questions and structural problems. */
function walk(list: unknown, path: string, conditional: boolean, out: WalkResult, into: ElementInfo[]) {
	if (!Array.isArray(list)) return;
	list.forEach((el, i) => {
		const p = `${path}[${i}]`;
		if (!isObject(el) || typeof el.type !== 'string') {
			out.problems.push({ path: p, message: 'an element must be an object with a "type"' });
			return;
		}
		const cond = conditional || 'visibleIf' in el || 'enableIf' in el;
		if (CONTAINERS.has(el.type)) {
			const { list: children, key } = childElements(el);
			return walk(children, `${p}.${key}`, cond, out, into);
		}
		if (typeof el.name !== 'string' || el.name === '') {
			if (!NO_ANSWER.has(el.type)) out.problems.push({ path: p, message: 'a question needs a "name"' });
			return;
		}
		const info = describeElement(el, el.type, p, conditional);
		if (el.choicesByUrl !== undefined) {
			out.problems.push({
				path: `${p}.choicesByUrl`,
				message:
					'choicesByUrl loads the choices from another server while the form is filled in, so they cannot be checked here (and that server would learn who answers): copy the choices into "choices" instead'
			});
		}
		if (info.unsupported) {
			const custom = !BUILT_IN_TYPES.has(el.type);
			out.problems.push({
				path: `${p}.type`,
				message: custom
					? `question type "${el.type}" is not a built-in SurveyJS type (a custom widget?); Spejl can only render built-in types`
					: `question type "${el.type}" is not supported`
			});
		}
		const inner: ElementInfo[] = [];
		if (el.type === 'matrixdynamic' || el.type === 'matrixdropdown') inner.push(...walkColumns(el, p, cond, out));
		else if (el.type === 'paneldynamic') walk(el.templateElements, `${p}.templateElements`, cond, out, inner);
		else if (el.type === 'multipletext') inner.push(...walkItems(el, p, cond));
		if (inner.length > 0 || info.kind === 'dynamic') info.cells = indexByName(inner, out.problems);
		into.push(info);
	});
}

/** First occurrence wins; later ones are reported. */
function indexByName(list: ElementInfo[], problems: QuestionnaireProblem[]): Map<string, ElementInfo> {
	const map = new Map<string, ElementInfo>();
	for (const info of list) {
		const first = map.get(info.name);
		if (first) problems.push({ path: `${info.path}.name`, message: `duplicate name "${info.name}" (first at ${first.path})` });
		else map.set(info.name, info);
	}
	return map;
}

/**
 * Walks a SurveyJS form (`pages[].elements[]`, nested panels, or top-level `elements`) and lists its
 * questions with the problems found on the way: duplicate names inside a matrix or dynamic panel, unnamed
 * questions, unsupported types; names two questions share elsewhere are listed in `duplicates`.
 *
 * Reference: SurveyJS form library JSON schema (https://surveyjs.io/form-library/documentation/api-reference/survey-data-model).
 * @example walkSurvey({ elements: [{ type: 'rating', name: 'R1' }] }).all[0].values // → [1, 2, 3, 4, 5]
 */
export function walkSurvey(survey: Record<string, unknown>): WalkResult {
	const out: WalkResult = { all: [], problems: [], duplicates: new Map() };
	if (Array.isArray(survey.pages)) {
		survey.pages.forEach((page, i) => {
			const p = `$.survey.pages[${i}]`;
			if (!isObject(page)) return out.problems.push({ path: p, message: 'a page must be an object' });
			const cond = 'visibleIf' in page || 'enableIf' in page;
			const { list, key } = childElements(page);
			walk(list, `${p}.${key}`, cond, out, out.all);
		});
	}
	const { list, key } = childElements(survey);
	walk(list, `$.survey.${key}`, false, out, out.all);
	const paths = new Map<string, string[]>();
	for (const info of out.all) paths.set(info.name, [...(paths.get(info.name) ?? []), info.path]);
	for (const [name, at] of paths) if (at.length > 1) out.duplicates.set(name, at);
	return out;
}

/**
 * Every named question of a SurveyJS form by name (the first one when a name is duplicated; use
 * `walkSurvey` to get the duplicates reported). Rating values default to rateMin 1 … rateMax 5 by 1.
 *
 * Reference: SurveyJS form library JSON (https://surveyjs.io/form-library/documentation).
 * @example collectElements({ elements: [{ type: 'comment', name: 'why' }] }).get('why')?.kind // → 'text'
 */
export function collectElements(survey: Record<string, unknown>): Map<string, ElementInfo> {
	return indexByName(walkSurvey(survey).all, []);
}

// Walking the survey JSON is the costliest step of validating answers and scoring; a validated
// questionnaire is never changed, so its element map is computed once per survey object.
const elementCache = new WeakMap<object, Map<string, ElementInfo>>();

/**
 * collectElements, remembered per survey object (which must not be changed afterwards).
 * @example elementsOf(survey) === elementsOf(survey) // → true
 */
export function elementsOf(survey: Record<string, unknown>): Map<string, ElementInfo> {
	let elements = elementCache.get(survey);
	if (!elements) elementCache.set(survey, (elements = collectElements(survey)));
	return elements;
}
