import { Model } from 'survey-core';
import type { Problem } from '../core/questionnaire/types';

/** Records the JSON path of every object inside `value`, so SurveyJS's errors can name where they are. */
function indexPaths(value: unknown, path: string, into: Map<object, string>) {
	if (value === null || typeof value !== 'object') return;
	into.set(value, path);
	if (Array.isArray(value)) value.forEach((v, i) => indexPaths(v, `${path}[${i}]`, into));
	else for (const [k, v] of Object.entries(value)) indexPaths(v, `${path}.${k}`, into);
}

/** SurveyJS's own verdict on a survey JSON (`jsonErrors`), as problems with JSON paths. */
export function surveyJsonProblems(survey: unknown, basePath = '$.survey'): Problem[] {
	if (survey === null || typeof survey !== 'object') return [];
	const paths = new Map<object, string>();
	indexPaths(survey, basePath, paths);
	let model: Model;
	try {
		model = new Model(survey);
	} catch (e) {
		return [{ path: basePath, message: `SurveyJS could not read the survey: ${(e as Error).message}` }];
	}
	const problems = (model.jsonErrors ?? []).map((e) => {
		const where = (e.jsonObj && paths.get(e.jsonObj)) || basePath;
		return { path: where, message: `SurveyJS: ${e.message}` };
	});
	model.dispose();
	return problems;
}
