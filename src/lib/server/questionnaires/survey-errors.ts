import { Model, Serializer } from 'survey-core';
import type { QuestionnaireProblem } from '../../core/questionnaire/types';
import { BUILT_IN_TYPES } from '../../core/questionnaire/describe-element';
import { didYouMean } from '../../core/questionnaire/did-you-mean';

/** Records the JSON path of every object inside `value`, so SurveyJS's errors can name where they are. */
function indexPaths(value: unknown, path: string, into: Map<object, string>) {
	if (value === null || typeof value !== 'object') return;
	into.set(value, path);
	if (Array.isArray(value)) value.forEach((v, i) => indexPaths(v, `${path}[${i}]`, into));
	else for (const [k, v] of Object.entries(value)) indexPaths(v, `${path}.${k}`, into);
}

export interface SurveyCheck {
	/** What SurveyJS cannot load. */
	errors: QuestionnaireProblem[];
	/** What SurveyJS loads but ignores: properties it does not know (with a "did you mean" hint). */
	warnings: QuestionnaireProblem[];
}

const propertyNames = new Map<string, string[]>();
function propertiesOf(className: string): string[] {
	let names = propertyNames.get(className);
	if (!names) propertyNames.set(className, (names = Serializer.getProperties(className).map((p) => p.name)));
	return names;
}

/**
 * SurveyJS's own verdict on a survey JSON (`jsonErrors`) with JSON paths. Unknown properties are
 * warnings, as SurveyJS ignores them; likely typos get a hint (`did you mean "isRequired"?`). An
 * element of a type SurveyJS does not know is left to the questionnaire check, which names it once.
 */
export function checkSurveyJson(survey: unknown, basePath = '$.survey'): SurveyCheck {
	const out: SurveyCheck = { errors: [], warnings: [] };
	if (survey === null || typeof survey !== 'object') return out;
	const paths = new Map<object, string>();
	indexPaths(survey, basePath, paths);
	let model: Model;
	try {
		model = new Model(survey);
	} catch (e) {
		out.errors.push({ path: basePath, message: `SurveyJS could not read the survey: ${(e as Error).message}` });
		return out;
	}
	// survey-core's JsonUnknownPropertyError carries these two, though its type declarations do not say so.
	for (const e of (model.jsonErrors ?? []) as ((typeof model.jsonErrors)[number] & { propertyName?: string; className?: string })[]) {
		const where = (e.jsonObj && paths.get(e.jsonObj)) || basePath;
		const obj = e.jsonObj as { type?: unknown } | undefined;
		if (e.type === 'incorrecttypeproperty' && typeof obj?.type === 'string' && !BUILT_IN_TYPES.has(obj.type)) continue;
		// html and image elements take no answer: SurveyJS asks for a name but renders them fine without one.
		if (e.type === 'requiredproperty' && e.propertyName === 'name' && (e.className === 'html' || e.className === 'image')) continue;
		if (e.type === 'unknownproperty' && e.propertyName) {
			const hint = e.className ? didYouMean(e.propertyName, propertiesOf(e.className)) : undefined;
			const on = e.className ? ` of ${e.className}` : '';
			out.warnings.push({
				path: `${where}.${e.propertyName}`,
				message: `unknown SurveyJS property "${e.propertyName}"${on}, ignored${hint ? ` (did you mean "${hint}"?)` : ''}`
			});
		} else out.errors.push({ path: where, message: `SurveyJS: ${e.message}` });
	}
	model.dispose();
	return out;
}

/** SurveyJS's errors on a survey JSON (what it cannot load), as problems with JSON paths. */
export function surveyJsonProblems(survey: unknown, basePath = '$.survey'): QuestionnaireProblem[] {
	return checkSurveyJson(survey, basePath).errors;
}

/**
 * Problems with the same message, summarised: the first keeps its path, with a count and a few of the
 * other paths ("and 41 more like it: …"), so one repeated slip never prints thousands of lines.
 */
export function summariseProblems(problems: QuestionnaireProblem[], shown = 3): QuestionnaireProblem[] {
	const groups = new Map<string, QuestionnaireProblem[]>();
	for (const p of problems) groups.set(p.message, [...(groups.get(p.message) ?? []), p]);
	return [...groups.values()].map(([first, ...rest]) => {
		if (rest.length === 0) return first;
		const more = rest.slice(0, shown).map((p) => p.path).join(', ');
		return { path: first.path, message: `${first.message} (and ${rest.length} more like it: ${more}${rest.length > shown ? ', …' : ''})` };
	});
}
