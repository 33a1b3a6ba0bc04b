// A shortcut for completing the common kind of form: pages of single-choice questions (radiogroup) and
// html text, with nothing that depends on the answers (no conditions, triggers, validators, calculated
// values, special items). For such a form, answers are valid at completion exactly when every key is a
// question's and every value is one of its choices (and the required ones are answered); the full
// validation then returns the answers unchanged. The shortcut only ever says "valid, here they are":
// anything else (a form it does not cover, any answer it is not sure of) goes through the full
// validation (`validateForm`), which finds and words the errors. validate.test.ts compares the two.
import type { FormModel, FormNode } from './compile';
import type { Answers } from './shape';

/** Per form: the choices of each question by answer key and the required keys, or null when not covered. */
interface SimpleForm {
	choices: Map<string, Set<unknown>>;
	required: string[];
}

const PAGE_KEYS = new Set(['name', 'title', 'description', 'elements']);
const QUESTION_KEYS = new Set(['type', 'name', 'title', 'description', 'isRequired', 'choices']);
const HTML_KEYS = new Set(['type', 'name', 'html']);
const CHOICE_KEYS = new Set(['value', 'text']);

const forms = new WeakMap<FormModel, SimpleForm | null>();

const onlyKeys = (json: object, allowed: Set<string>) => Object.keys(json).every((k) => allowed.has(k));

/** Nothing on the node that depends on answers or hides it. */
const plain = (n: FormNode) =>
	!n.hidden && !n.readOnly && !n.visibleIf && !n.enableIf && !n.requiredIf && !n.shownBy && n.validators.length === 0 && !n.expression && !n.totals && !n.choicesFrom;

function simpleFormOf(model: FormModel): SimpleForm | null {
	if (model.calculatedValues.length > 0 || model.completeTriggers.length > 0 || model.skipTriggers.length > 0 || model.triggerKeys.size > 0 || model.problems.length > 0) return null;
	const choices = new Map<string, Set<unknown>>();
	const required: string[] = [];
	for (const page of model.pages) {
		if (!plain(page) || !onlyKeys(page.json, PAGE_KEYS)) return null;
		for (const el of page.children) {
			if (el.kind !== 'question' || !plain(el)) return null;
			if (el.type === 'html') {
				if (!onlyKeys(el.json, HTML_KEYS)) return null;
				continue;
			}
			if (el.type !== 'radiogroup' || !onlyKeys(el.json, QUESTION_KEYS) || el.children.length > 0 || !el.choices) return null;
			if (el.key !== el.name || choices.has(el.key) || model.byKey.get(el.key)?.length !== 1) return null;
			const raw = el.json.choices;
			if (!Array.isArray(raw) || raw.length !== el.choices.length) return null;
			if (raw.some((c) => typeof c === 'object' && c !== null && !onlyKeys(c, CHOICE_KEYS))) return null;
			if (el.choices.some((c) => c.visibleIf || c.enableIf || c.exclusive)) return null;
			if (el.choices.some((c) => typeof c.value !== 'number' && (typeof c.value !== 'string' || c.value.trim() === ''))) return null;
			choices.set(el.key, new Set(el.choices.map((c) => c.value)));
			if (el.json.isRequired === true) required.push(el.key);
			else if (el.json.isRequired !== undefined && el.json.isRequired !== false) return null;
		}
	}
	// Every question of the form was seen on a page (none elsewhere).
	if (model.questions.filter((q) => q.type !== 'html').length !== choices.size) return null;
	return { choices, required };
}

/**
 * The answers as the full validation at completion would return them, when the form and the answers
 * are of the simple kind above; undefined otherwise (then validate fully). Like the full validation it
 * reads only the compiled form (the survey's own settings that matter are in it).
 */
export function simpleCompletion(model: FormModel, answers: object): Answers | undefined {
	let form = forms.get(model);
	if (form === undefined) forms.set(model, (form = simpleFormOf(model)));
	if (form === null) return undefined;
	const given = answers as Record<string, unknown>;
	for (const key in given) {
		if (!Object.hasOwn(given, key)) return undefined;
		const allowed = form.choices.get(key);
		if (allowed === undefined || !allowed.has(given[key])) return undefined;
	}
	for (const key of form.required) if (!Object.hasOwn(given, key)) return undefined;
	return { ...(given as Answers) };
}
