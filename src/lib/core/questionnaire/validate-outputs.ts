/** Validation of `scoring.codes`, `tallies`, `rankings` and `lists` (docs/questionnaire-format.md). */
import type { QuestionnaireProblem } from './types.ts';
import type { ElementInfo, ElementKind } from './elements.ts';
import { arrayAt, checkId, checkKnownKeys, checkString, eachObject, isPositiveInteger, show, type Json } from './checks.ts';

type Elements = Map<string, ElementInfo>;

const TALLY_TYPES = ['checkbox', 'tagbox', 'radiogroup', 'dropdown'];
const CHOICE_KINDS: ElementKind[] = ['number-choice', 'text-choice', 'multi-choice'];

function checkCode(code: Json, p: string, seen: Set<string>, scaleIds: Set<string>, out: QuestionnaireProblem[]) {
	checkKnownKeys(code, ['id', 'scales', 'letters', 'length'], p, out);
	checkId(code, p, seen, out, 'code');
	const scales = arrayAt(code.scales, `${p}.scales`, out, true);
	scales.forEach((id, i) => {
		if (typeof id !== 'string' || !scaleIds.has(id)) out.push({ path: `${p}.scales[${i}]`, message: `unknown scale ${show(id)}` });
		else if (scales.indexOf(id) !== i) out.push({ path: `${p}.scales[${i}]`, message: `scale "${id}" is listed twice` });
	});
	const letters = arrayAt(code.letters, `${p}.letters`, out, true);
	if (Array.isArray(code.letters) && letters.length !== scales.length) {
		out.push({ path: `${p}.letters`, message: `has ${letters.length} letters but there are ${scales.length} scales` });
	}
	letters.forEach((l, i) => {
		if (typeof l !== 'string' || l === '') out.push({ path: `${p}.letters[${i}]`, message: 'must be a non-empty string' });
	});
	const length = code.length;
	if (!isPositiveInteger(length) || length > scales.length) {
		out.push({ path: `${p}.length`, message: `must be a whole number from 1 to ${scales.length} (the number of scales); got ${show(length)}` });
	}
}

/** The question (or row cell) whose answers are counted, or undefined after reporting. */
function checkTally(tally: Json, p: string, seen: Set<string>, elements: Elements, out: QuestionnaireProblem[]) {
	checkKnownKeys(tally, ['id', 'question', 'column', 'dimension'], p, out);
	checkId(tally, p, seen, out, 'tally');
	checkString(tally, 'dimension', p, out, false);
	const el = questionAt(tally.question, `${p}.question`, elements, out);
	if (!el) return;
	if (el.kind === 'dynamic') {
		const cell = typeof tally.column === 'string' ? el.cells?.get(tally.column) : undefined;
		if (tally.column === undefined) out.push({ path: `${p}.column`, message: `is required: "${el.name}" is a ${el.type}; name the column or inner question holding the category` });
		else if (!cell) out.push({ path: `${p}.column`, message: `"${el.name}" has no column or inner question ${show(tally.column)}` });
		else if (!CHOICE_KINDS.includes(cell.kind)) out.push({ path: `${p}.column`, message: `"${cell.name}" (${cell.type}) is not a choice question` });
	} else if (tally.column !== undefined) {
		out.push({ path: `${p}.column`, message: `only applies to matrixdynamic/paneldynamic; "${el.name}" is a ${el.type}` });
	} else if (!TALLY_TYPES.includes(el.type)) {
		out.push({ path: `${p}.question`, message: `"${el.name}" is a ${el.type}; a tally needs checkbox, tagbox, radiogroup, dropdown, or matrixdynamic/paneldynamic with a column` });
	}
}

function checkRanking(ranking: Json, p: string, seen: Set<string>, elements: Elements, out: QuestionnaireProblem[]) {
	checkKnownKeys(ranking, ['id', 'question', 'top'], p, out);
	checkId(ranking, p, seen, out, 'ranking');
	const el = questionAt(ranking.question, `${p}.question`, elements, out);
	if (el && el.type !== 'ranking') out.push({ path: `${p}.question`, message: `"${el.name}" is a ${el.type}, not a ranking question` });
	if (!isPositiveInteger(ranking.top)) out.push({ path: `${p}.top`, message: `must be a whole number of at least 1 (got ${show(ranking.top)})` });
}

function checkList(list: Json, p: string, seen: Set<string>, elements: Elements, out: QuestionnaireProblem[]) {
	checkKnownKeys(list, ['id', 'questions'], p, out);
	checkId(list, p, seen, out, 'list');
	const questions = arrayAt(list.questions, `${p}.questions`, out, true);
	if (Array.isArray(list.questions) && questions.length === 0) out.push({ path: `${p}.questions`, message: 'must name at least one question' });
	questions.forEach((name, i) => {
		const el = questionAt(name, `${p}.questions[${i}]`, elements, out);
		if (!el) return;
		const hasText = el.kind === 'text' || [...(el.cells?.values() ?? [])].some((c) => c.kind === 'text');
		if (!hasText) out.push({ path: `${p}.questions[${i}]`, message: `"${el.name}" (${el.type}) holds no free text: use text, comment, or a matrixdynamic/paneldynamic with text cells` });
	});
}

function questionAt(name: unknown, path: string, elements: Elements, out: QuestionnaireProblem[]): ElementInfo | undefined {
	const el = typeof name === 'string' ? elements.get(name) : undefined;
	if (!el) out.push({ path, message: `unknown question ${show(name)}: no question with this name in survey` });
	return el;
}

/**
 * Checks the non-scale parts of `scoring` (codes, tallies, rankings, lists) against the scale ids and
 * the survey's elements, pushing every problem found.
 *
 * Reference: docs/questionnaire-format.md.
 * @example validateOutputs({ rankings: [{ id: 'v', question: 'nope', top: 5 }] }, new Set(), new Map(), out)
 * // out → [{ path: '$.scoring.rankings[0].question', message: 'unknown question "nope": …' }]
 */
export function validateOutputs(scoring: Json, scaleIds: Set<string>, elements: Elements, out: QuestionnaireProblem[]) {
	const at = (key: string) => `$.scoring.${key}`;
	const ids = () => new Set<string>();
	const [codes, tallies, rankings, lists] = [ids(), ids(), ids(), ids()];
	eachObject(arrayAt(scoring.codes, at('codes'), out), at('codes'), out, (c, p) => checkCode(c, p, codes, scaleIds, out));
	eachObject(arrayAt(scoring.tallies, at('tallies'), out), at('tallies'), out, (t, p) => checkTally(t, p, tallies, elements, out));
	eachObject(arrayAt(scoring.rankings, at('rankings'), out), at('rankings'), out, (r, p) => checkRanking(r, p, rankings, elements, out));
	eachObject(arrayAt(scoring.lists, at('lists'), out), at('lists'), out, (l, p) => checkList(l, p, lists, elements, out));
}
