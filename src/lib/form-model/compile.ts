// Compiles a SurveyJS form JSON once into a tree of pages, panels and questions with their conditions
// parsed, so validating answers or laying out a page is a walk over plain objects (no survey-core Model).
import { choiceValueOf, describeElement, isOn, itemValues, NO_ANSWER, type ChoiceValue, type ElementInfo } from '../core/questionnaire/describe-element';
import { isObject, type Json } from '../core/questionnaire/checks';
import type { QuestionnaireProblem } from '../core/questionnaire/types';
import { compileCondition, compileExpression, type Condition, type Expression } from './expressions';
import { compileValidators, type Validator } from './validators';
import { compileValueTriggers, type ValueTrigger } from './value-triggers';

export interface Choice {
	value: ChoiceValue;
	visibleIf?: Condition;
	enableIf?: Condition;
	/** `isExclusive` or a none/refused/dontknow item: must be the only one selected. */
	exclusive: boolean;
}

export interface FormNode {
	kind: 'page' | 'panel' | 'question';
	/** SurveyJS type (`page` for pages); for matrix cells the effective cellType. */
	type: string;
	/** The element's name ('' for an unnamed page, panel, html or image). */
	name: string;
	/** The key of its answer in the response data: `valueName`, else `name`. */
	key: string;
	/** JSON path in the questionnaire file, e.g. `$.survey.pages[0].elements[3]`. */
	path: string;
	/** The element's own JSON (titles, choices, … for rendering). Never modify it. */
	json: Json;
	/** What the question accepts (values, kind); absent for pages and panels. */
	info?: ElementInfo;
	/** `visible: false` (a `visibleIf` on the same element overrides it, as in survey-core). */
	hidden: boolean;
	/** `clearIfInvisible: "none"`: the answer is kept when the question ends up hidden. */
	keepHidden?: boolean;
	visibleIf?: Condition;
	enableIf?: Condition;
	requiredIf?: Condition;
	readOnly: boolean;
	/** Pages and panels: their elements; paneldynamic: the template; matrices: the columns; multipletext: the items. */
	children: FormNode[];
	/** Choice-like questions: the choices with their own conditions (special items included). */
	choices?: Choice[];
	/** matrix / matrixdropdown rows with their conditions (`visibleIf`, `rowsVisibleIf`). */
	rows?: Choice[];
	/** matrix (Likert grid) columns with their conditions (`visibleIf`, `columnsVisibleIf`). */
	columns?: Choice[];
	/** `choicesFromQuestion`: the choices are those of another question (all, or the selected or unselected ones). */
	choicesFrom?: { key: string; mode: 'all' | 'selected' | 'unselected' };
	/** Expression questions: the value SurveyJS computes and stores. */
	expression?: Expression;
	validators: Validator[];
	/** paneldynamic / matrixdynamic: fewest rows when completing. */
	minRows: number;
	/** `storeOthersAsComment: false` (on the question, else the survey): the other item's text is stored as the value. */
	othersAsValue: boolean;
	/** matrixdynamic / matrixdropdown columns with a total (`totalType`, `totalExpression`), stored as `<key>-total`. */
	totals?: { column: string; expression: Expression }[];
	/** `visible` triggers naming this question or page: shown while one holds (see `nodeStates`). */
	shownBy?: ShownBy[];
}

/** A SurveyJS `visible` trigger: its condition and the answers it reads. */
export interface ShownBy {
	condition: Condition;
	variables: string[];
}

export interface CalculatedValue {
	name: string;
	expression: Expression;
	includeIntoResult: boolean;
}

export interface FormModel {
	/** Pages in order; a form with top-level `elements` has one page. */
	pages: FormNode[];
	/** Every top-level question (not inside a dynamic panel or matrix) in document order. */
	questions: FormNode[];
	/** Top-level questions by answer key (several questions may share a `valueName`). */
	byKey: Map<string, FormNode[]>;
	calculatedValues: CalculatedValue[];
	/** SurveyJS `clearInvisibleValues`: 'onComplete' (default) and 'onHidden' drop hidden answers at completion. */
	clearInvisible: 'onComplete' | 'onHidden' | 'onHiddenContainer' | 'none';
	/** Conditions or expressions that do not parse, with their JSON paths. */
	problems: QuestionnaireProblem[];
	/**
	 * SurveyJS `complete` triggers: when one holds on leaving page `page` (the last page holding a
	 * question it reads), the survey ends there and later pages are never shown or checked.
	 */
	completeTriggers: { condition: Condition; page: number }[];
	/** SurveyJS `skip` triggers: when one holds, the survey jumps from page `from` to page `to` (`gotoName`'s page). */
	skipTriggers: { condition: Condition; from: number; to: number }[];
	/**
	 * Names that are no question's answer key but that `setvalue`, `copyvalue` or `runexpression`
	 * triggers store a value under, with those triggers in order (see value-triggers.ts).
	 */
	triggerKeys: Map<string, ValueTrigger[]>;
}

const CONTAINERS = new Set(['panel', 'flowpanel']);
const SPECIAL: [string, string[], string][] = [
	['none', ['showNoneItem', 'hasNone'], 'none'],
	['refused', ['showRefuseItem'], 'refused'],
	['dontknow', ['showDontKnowItem'], 'dontknow'],
	['other', ['showOtherItem', 'hasOther'], 'other']
];

class Compiler {
	problems: QuestionnaireProblem[] = [];
	/** The survey's `storeOthersAsComment: false`, which questions inherit unless they say otherwise. */
	othersAsValue = false;

	condition(el: Json, key: string, path: string): Condition | undefined {
		if (el[key] === undefined) return undefined;
		const c = compileCondition(el[key]);
		if (typeof c !== 'string') return c;
		// survey-core evaluates a condition it cannot parse as false; so does the server.
		this.problems.push({ path: `${path}.${key}`, message: `${c}; SurveyJS treats it as false` });
		return { text: String(el[key]), run: () => false };
	}

	expression(text: unknown, path: string): Expression | undefined {
		const e = compileExpression(text);
		if (typeof e === 'string') this.problems.push({ path, message: e });
		return typeof e === 'string' ? undefined : e;
	}

	/** Choices, rows or columns with their own conditions and the list's `<kind>VisibleIf` (`{item}` = the value). */
	choiceList(list: unknown, path: string, el: Json, visibleKey = 'choicesVisibleIf', enableKey = 'choicesEnableIf'): Choice[] {
		if (!Array.isArray(list)) return [];
		const out: Choice[] = [];
		list.forEach((c, i) => {
			const value = choiceValueOf(c);
			if (!['string', 'number', 'boolean'].includes(typeof value)) return;
			const p = `${path}[${i}]`;
			const own = isObject(c) ? c : {};
			out.push({
				value: value as ChoiceValue,
				visibleIf: this.condition(own, 'visibleIf', p),
				enableIf: this.condition(own, 'enableIf', p),
				exclusive: isOn(own.isExclusive)
			});
		});
		if (el[visibleKey] !== undefined || el[enableKey] !== undefined) {
			// {item} in these conditions is the choice's value; bound per choice when evaluated.
			const visible = this.condition(el, visibleKey, path.replace(/\.\w+$/, ''));
			const enable = this.condition(el, enableKey, path.replace(/\.\w+$/, ''));
			for (const c of out) {
				if (visible) c.visibleIf = bindItem(visible, c.value, c.visibleIf);
				if (enable) c.enableIf = bindItem(enable, c.value, c.enableIf);
			}
		}
		return out;
	}

	/** Choices as the question shows them: its own (or generated) values plus the special items switched on. */
	choices(el: Json, info: ElementInfo, path: string): Choice[] {
		const own = this.choiceList(el.type === 'rating' ? el.rateValues : el.choices, `${path}.${el.type === 'rating' ? 'rateValues' : 'choices'}`, el);
		const listed = new Set(own.map((c) => c.value));
		for (const v of info.values ?? []) if (!listed.has(v)) own.push({ value: v, exclusive: false });
		for (const [value, props] of SPECIAL) {
			const c = own.find((x) => x.value === value && props.some((p) => isOn(el[p])));
			if (c) c.exclusive = value !== 'other';
		}
		return own;
	}

	node(el: Json, type: string, path: string, inherited: ElementInfo | undefined): FormNode {
		const name = typeof el.name === 'string' ? el.name : '';
		const key = typeof el.valueName === 'string' && el.valueName !== '' ? el.valueName : name;
		const n: FormNode = {
			kind: 'question',
			type,
			name,
			key,
			path,
			json: el,
			info: inherited ?? describeElement(el, type, path, false),
			hidden: el.visible === false || el.visible === 'false',
			keepHidden: el.clearIfInvisible === 'none' || undefined,
			visibleIf: this.condition(el, 'visibleIf', path),
			enableIf: this.condition(el, 'enableIf', path),
			requiredIf: this.condition(el, 'requiredIf', path),
			readOnly: isOn(el.readOnly),
			children: [],
			validators: compileValidators(el.validators, `${path}.validators`, this.problems),
			minRows: 0,
			othersAsValue: el.storeOthersAsComment === false || el.storeOthersAsComment === 'false' || (this.othersAsValue && !isOn(el.storeOthersAsComment))
		};
		const info = n.info!;
		if (info.values !== undefined && type !== 'boolean') n.choices = this.choices(el, info, path);
		if (typeof el.choicesFromQuestion === 'string' && el.choicesFromQuestion !== '') {
			const mode = el.choicesFromQuestionMode === 'selected' || el.choicesFromQuestionMode === 'unselected' ? el.choicesFromQuestionMode : 'all';
			n.choicesFrom = { key: el.choicesFromQuestion, mode };
		}
		if (type === 'matrix' || type === 'matrixdropdown') n.rows = this.choiceList(el.rows, `${path}.rows`, el, 'rowsVisibleIf', '');
		if (type === 'matrix') n.columns = this.choiceList(el.columns, `${path}.columns`, el, 'columnsVisibleIf', '');
		if (type === 'expression') n.expression = el.expression === undefined ? undefined : this.expression(el.expression, `${path}.expression`);
		if (type === 'matrixdynamic' || type === 'matrixdropdown') n.children = this.columns(el, path);
		if (type === 'multipletext') n.children = this.items(el, path);
		if (type === 'paneldynamic') n.children = this.list(el.templateElements, `${path}.templateElements`);
		if (type === 'matrixdynamic' || type === 'matrixdropdown') n.totals = this.totals(el, path);
		if (type === 'matrixdynamic') n.minRows = nonNegative(el.minRowCount, 0);
		if (type === 'paneldynamic') n.minRows = nonNegative(el.minPanelCount, 0);
		return n;
	}

	/** matrixdynamic / matrixdropdown columns, each with its effective cellType and (inherited) choices. */
	columns(el: Json, path: string): FormNode[] {
		const columns = Array.isArray(el.columns) ? el.columns : [];
		const matrixType = typeof el.cellType === 'string' ? el.cellType : 'dropdown';
		const out: FormNode[] = [];
		columns.forEach((col, i) => {
			if (!isObject(col) || typeof col.name !== 'string' || col.name === '') return;
			const own = typeof col.cellType === 'string' && col.cellType !== 'default' ? col.cellType : '';
			const withChoices = col.choices === undefined ? { ...col, choices: el.choices } : col;
			out.push(this.node(withChoices, own || matrixType, `${path}.columns[${i}]`, undefined));
		});
		return out;
	}

	/**
	 * Column totals as SurveyJS computes them: `totalExpression`, else `<totalType>InArray({matrix}, '<column>')`
	 * (sum, count, min, max, avg).
	 */
	totals(el: Json, path: string): FormNode['totals'] {
		const out: NonNullable<FormNode['totals']> = [];
		(Array.isArray(el.columns) ? el.columns : []).forEach((col, i) => {
			if (!isObject(col) || typeof col.name !== 'string' || col.name === '') return;
			const type = typeof col.totalType === 'string' ? col.totalType : 'none';
			const text = typeof col.totalExpression === 'string' && col.totalExpression.trim() !== '' ? col.totalExpression : ['sum', 'count', 'min', 'max', 'avg'].includes(type) ? `${type}InArray({matrix}, '${col.name.replace(/'/g, "\\'")}')` : '';
			if (!text) return;
			const expression = this.expression(text, `${path}.columns[${i}].${col.totalExpression ? 'totalExpression' : 'totalType'}`);
			if (expression) out.push({ column: col.name, expression });
		});
		return out.length > 0 ? out : undefined;
	}

	/** multipletext items: text answers (numbers with a numeric inputType). */
	items(el: Json, path: string): FormNode[] {
		const items = Array.isArray(el.items) ? el.items : [];
		return items.flatMap((item, i) =>
			isObject(item) && typeof item.name === 'string' && item.name !== '' ? [this.node(item, 'text', `${path}.items[${i}]`, undefined)] : []
		);
	}

	/** The elements of a page, panel or dynamic-panel template. */
	list(list: unknown, path: string): FormNode[] {
		if (!Array.isArray(list)) return [];
		const out: FormNode[] = [];
		list.forEach((el, i) => {
			if (!isObject(el) || typeof el.type !== 'string') return;
			const p = `${path}[${i}]`;
			if (CONTAINERS.has(el.type)) {
				const { list: children, key } = childList(el);
				out.push({ ...this.node(el, el.type, p, undefined), kind: 'panel', info: undefined, children: this.list(children, `${p}.${key}`) });
				return;
			}
			const named = typeof el.name === 'string' && el.name !== '';
			if (!named && !NO_ANSWER.has(el.type)) return;
			out.push(this.node(el, el.type, p, undefined));
		});
		return out;
	}

	page(page: Json, path: string): FormNode {
		const { list, key } = childList(page);
		return { ...this.node(page, 'page', path, undefined), kind: 'page', info: undefined, children: this.list(list, `${path}.${key}`) };
	}
}

function nonNegative(v: unknown, d: number): number {
	return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : d;
}

function childList(container: Json): { list: unknown; key: string } {
	if (container.elements === undefined && Array.isArray(container.questions)) return { list: container.questions, key: 'questions' };
	return { list: container.elements, key: 'elements' };
}

/** `choicesVisibleIf` with `{item}` bound to one choice's value, combined with the choice's own condition. */
function bindItem(c: Condition, value: ChoiceValue, own: Condition | undefined): Condition {
	return { text: c.text, run: (values) => c.run({ ...values, item: value }) && (own ? own.run(values) : true) };
}

/** Top-level questions in document order (pages → panels → questions), not descending into dynamic ones. */
export function topQuestions(nodes: FormNode[], into: FormNode[] = []): FormNode[] {
	for (const n of nodes) {
		if (n.kind === 'question') into.push(n);
		else topQuestions(n.children, into);
	}
	return into;
}

/**
 * Compiles a SurveyJS form JSON (pages, or top-level `elements`/`questions`) into a FormModel: every
 * page, panel and question with its conditions parsed by survey-core, its choices and validators.
 * Use `formModelOf` to get the cached model of a stored form.
 * @example compileForm({ elements: [{ type: 'text', name: 'a', visibleIf: '{b} = 1' }] }).questions[0].visibleIf?.text // → '{b} = 1'
 */
export function compileForm(survey: Record<string, unknown>): FormModel {
	const c = new Compiler();
	c.othersAsValue = survey.storeOthersAsComment === false || survey.storeOthersAsComment === 'false';
	const pages = Array.isArray(survey.pages)
		? survey.pages.map((p, i) => (isObject(p) ? c.page(p, `$.survey.pages[${i}]`) : c.page({}, `$.survey.pages[${i}]`)))
		: [];
	const { list, key } = childList(survey);
	// Top-level elements form a first page of their own (SurveyJS puts them on one page).
	if ((Array.isArray(list) && list.length > 0) || pages.length === 0) pages.unshift({ ...c.page({}, '$.survey'), children: c.list(list, `$.survey.${key}`) });
	const questions = topQuestions(pages);
	const byKey = new Map<string, FormNode[]>();
	for (const q of questions) if (q.key) byKey.set(q.key, [...(byKey.get(q.key) ?? []), q]);
	warnSharedNames(questions, c.problems);
	const calculatedValues: CalculatedValue[] = [];
	(Array.isArray(survey.calculatedValues) ? survey.calculatedValues : []).forEach((cv, i) => {
		if (!isObject(cv) || typeof cv.name !== 'string') return;
		const expression = c.expression(cv.expression, `$.survey.calculatedValues[${i}].expression`);
		if (expression) calculatedValues.push({ name: cv.name, expression, includeIntoResult: cv.includeIntoResult === true });
	});
	applyVisibleTriggers(survey.triggers, pages, c);
	const { complete: completeTriggers, skip: skipTriggers } = compilePageTriggers(survey.triggers, pages, c);
	const triggerKeys = new Map<string, ValueTrigger[]>();
	const conditionOf = (text: string, i: number) => c.condition({ expression: text }, 'expression', `$.survey.triggers[${i}]`);
	for (const t of compileValueTriggers(survey.triggers, triggerExpression, conditionOf)) {
		if (byKey.has(t.setTo) || calculatedValues.some((cv) => cv.name === t.setTo)) continue;
		triggerKeys.set(t.setTo, [...(triggerKeys.get(t.setTo) ?? []), t]);
	}
	const clear = survey.clearInvisibleValues;
	const clearInvisible = clear === 'none' || clear === 'onHidden' || clear === 'onHiddenContainer' ? clear : 'onComplete';
	return { pages, questions, byKey, calculatedValues, clearInvisible, problems: c.problems, completeTriggers, skipTriggers, triggerKeys };
}

/**
 * Questions that share a `name` (SurveyJS loads such a form: they share one value, answered by either
 * and kept while either is shown). A warning, since it is usually a slip of copying a question.
 */
function warnSharedNames(questions: FormNode[], problems: QuestionnaireProblem[]) {
	const first = new Map<string, FormNode>();
	for (const q of questions) {
		if (!q.name) continue;
		const seen = first.get(q.name);
		if (!seen) first.set(q.name, q);
		else problems.push({ path: `${q.path}.name`, message: `the name "${q.name}" is used before (${seen.path}): SurveyJS gives both questions one shared value` });
	}
}

/** A legacy trigger's condition as survey-core builds it: `{name} operator value`, unless `expression` is set. */
function triggerExpression(t: Json): string {
	if (typeof t.expression === 'string' && t.expression.trim() !== '') return t.expression;
	if (typeof t.name !== 'string' || t.name === '') return '';
	const operator = typeof t.operator === 'string' ? t.operator.toLowerCase() : 'equal';
	if (operator === 'empty' || operator === 'notempty') return `{${t.name}} ${operator}`;
	const operand = (v: unknown): string =>
		Array.isArray(v) ? `[${v.map(operand).join(', ')}]` : typeof v === 'string' && !/^-?\d+(\.\d+)?$/.test(v) && v !== 'true' && v !== 'false' ? `'${v.replace(/'/g, "\\'")}'` : String(v);
	return t.value === undefined || t.value === null || t.value === '' ? '' : `{${t.name}} ${operator} ${operand(t.value)}`;
}

/**
 * SurveyJS `visible` triggers show the questions and pages they name while their condition holds and
 * hide them when it fails; they are attached to those nodes as `shownBy`.
 */
function applyVisibleTriggers(triggers: unknown, pages: FormNode[], c: Compiler) {
	if (!Array.isArray(triggers)) return;
	const byName = new Map<string, FormNode[]>();
	const visit = (nodes: FormNode[]) => nodes.forEach((n) => {
		if (n.name) byName.set(n.name, [...(byName.get(n.name) ?? []), n]);
		if (n.kind !== 'question') visit(n.children);
	});
	visit(pages);
	triggers.forEach((t, i) => {
		if (!isObject(t) || (t.type !== 'visible' && t.type !== 'visibletrigger')) return;
		const text = triggerExpression(t);
		if (!text) return;
		const condition = c.condition({ expression: text }, 'expression', `$.survey.triggers[${i}]`);
		if (!condition) return;
		const variables = [...text.matchAll(/\{([^}]+)\}/g)].map((m) => m[1].split('.')[0]);
		const targets = [...(Array.isArray(t.questions) ? t.questions : []), ...(Array.isArray(t.pages) ? t.pages : [])];
		for (const name of targets) for (const n of byName.get(String(name)) ?? []) n.shownBy = [...(n.shownBy ?? []), { condition, variables }];
	});
}

/**
 * `complete` and `skip` triggers with the page each one runs on (the last page holding a question it
 * reads) and, for `skip`, the page of its `gotoName` question.
 */
function compilePageTriggers(triggers: unknown, pages: FormNode[], c: Compiler): { complete: FormModel['completeTriggers']; skip: FormModel['skipTriggers'] } {
	const out = { complete: [] as FormModel['completeTriggers'], skip: [] as FormModel['skipTriggers'] };
	if (!Array.isArray(triggers)) return out;
	const pageOf = new Map<string, number>();
	pages.forEach((p, i) => topQuestions([p]).forEach((q) => {
		pageOf.set(q.key, i);
		if (q.name) pageOf.set(q.name, i);
	}));
	triggers.forEach((t, i) => {
		if (!isObject(t)) return;
		const type = String(t.type ?? '').replace(/trigger$/, '');
		if (type !== 'complete' && type !== 'skip') return;
		const text = triggerExpression(t);
		const condition = text ? c.condition({ expression: text }, 'expression', `$.survey.triggers[${i}]`) : undefined;
		if (!condition) return;
		const from = Math.max(0, ...[...text.matchAll(/\{([^}]+)\}/g)].map((m) => pageOf.get(m[1].split('.')[0]) ?? -1));
		if (type === 'complete') out.complete.push({ condition, page: from });
		else {
			const to = typeof t.gotoName === 'string' ? pageOf.get(t.gotoName) : undefined;
			if (to !== undefined && to > from + 1) out.skip.push({ condition, from, to });
		}
	});
	return out;
}

const cache = new WeakMap<object, FormModel>();

/**
 * The compiled model of a survey object, computed once and remembered (the object must never change
 * afterwards: stored instrument versions are immutable, so compile once per version).
 * @example formModelOf(q.survey) === formModelOf(q.survey) // → true
 */
export function formModelOf(survey: Record<string, unknown>): FormModel {
	let model = cache.get(survey);
	if (!model) cache.set(survey, (model = compileForm(survey)));
	return model;
}

export { itemValues };
