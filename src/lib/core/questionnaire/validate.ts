/** Validation of a questionnaire file, format version 1 (docs/questionnaire-format.md). */
import type { QuestionnaireProblem, Questionnaire } from './types.ts';
import { walkSurvey, type ElementInfo } from './elements.ts';
import { checkKnownKeys, checkLocalized, checkString, isFiniteNumber, isObject, type Json } from './checks.ts';
import { validateScales } from './validate-scales.ts';
import { validateOutputs } from './validate-outputs.ts';
import { validateOthersView } from '../others-view/validate.ts';
import { validateAdaptive } from '../irt/adaptive.ts';

const TOP_KEYS = ['$schema', 'id', 'version', 'kind', 'title', 'description', 'minutes', 'source', 'translations', 'survey', 'scoring', 'adaptive'];
const SCORING_KEYS = ['scales', 'codes', 'tallies', 'rankings', 'lists', 'othersView'];
const KINDS = ['test', 'self-evaluation', 'exercise'];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// semver.org's recommended pattern (§ "Is there a suggested regular expression").
const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export interface ValidateQuestionnaireOptions {
	/** The file's name (`<id>.json`, a path is fine): the id must match it. */
	fileName?: string;
	/** Problems SurveyJS itself found (`jsonErrors`), converted by the caller. */
	surveyProblems?: QuestionnaireProblem[];
}

export type QuestionnaireValidation =
	| { ok: true; questionnaire: Questionnaire; problems: [] }
	| { ok: false; problems: QuestionnaireProblem[] };

function checkHeader(q: Json, fileName: string | undefined, out: QuestionnaireProblem[]) {
	checkKnownKeys(q, TOP_KEYS, '$', out);
	if (q.$schema !== undefined && typeof q.$schema !== 'string') out.push({ path: '$.$schema', message: 'must be a string' });
	if (typeof q.id !== 'string' || !KEBAB.test(q.id)) {
		out.push({ path: '$.id', message: q.id === undefined ? 'is required' : `must be kebab-case, e.g. "big-five-50" (got ${JSON.stringify(q.id)})` });
	} else if (fileName !== undefined) {
		const base = fileName.split(/[\\/]/).pop()!.replace(/\.json$/i, '');
		if (base !== q.id) out.push({ path: '$.id', message: `"${q.id}" must equal the file name "${base}" (without .json)` });
	}
	if (typeof q.version !== 'string' || !SEMVER.test(q.version)) {
		out.push({ path: '$.version', message: q.version === undefined ? 'is required' : `must be a semantic version such as "1.0.0" (got ${JSON.stringify(q.version)})` });
	}
	if (!KINDS.includes(q.kind as string)) out.push({ path: '$.kind', message: `must be one of ${KINDS.map((k) => `"${k}"`).join(', ')} (got ${JSON.stringify(q.kind)})` });
	checkLocalized(q.title, '$.title', out, { required: true, nonEmpty: true });
	checkLocalized(q.description, '$.description', out);
	if (q.minutes !== undefined && (!isFiniteNumber(q.minutes) || q.minutes <= 0)) out.push({ path: '$.minutes', message: 'must be a positive number' });
	if (q.source !== undefined) {
		if (!isObject(q.source)) out.push({ path: '$.source', message: 'must be an object { citation, licence, url?, notes? }' });
		else {
			checkKnownKeys(q.source, ['citation', 'licence', 'url', 'notes'], '$.source', out);
			for (const [key, required] of [['citation', true], ['licence', true], ['url', false], ['notes', false]] as const) checkString(q.source, key, '$.source', out, required);
			if (typeof q.source.url === 'string' && !isWebUrl(q.source.url))
				out.push({ path: '$.source.url', message: `must be an http:// or https:// address (got ${JSON.stringify(q.source.url.slice(0, 80))})` });
		}
	}
	if (q.translations !== undefined) {
		if (!isObject(q.translations)) out.push({ path: '$.translations', message: 'must be an object of locale → { validated, note? }' });
		else for (const [locale, t] of Object.entries(q.translations)) {
			const p = `$.translations.${locale}`;
			if (!isObject(t) || typeof t.validated !== 'boolean') out.push({ path: p, message: 'must be { "validated": true|false, "note"?: "…" }' });
			else checkKnownKeys(t, ['validated', 'note'], p, out);
		}
	}
}

/**
 * Checks a parsed questionnaire file against format v1 and reports every problem with its JSON path
 * (not just the first): header fields, the SurveyJS form's structure (duplicate names inside a matrix or
 * dynamic panel, a scored item whose name two questions share, unsupported
 * question types), and the scoring keys against the form. `surveyProblems` are merged in.
 *
 * Reference: docs/questionnaire-format.md (questionnaire file format, version 1).
 * @example validateQuestionnaire({ id: 'x' }).ok // → false (version, kind, title, survey missing)
 */
export function validateQuestionnaire(json: unknown, options: ValidateQuestionnaireOptions = {}): QuestionnaireValidation {
	const out: QuestionnaireProblem[] = [];
	if (!isObject(json)) {
		out.push({ path: '$', message: 'a questionnaire must be a JSON object' });
	} else {
		checkHeader(json, options.fileName, out);
		const survey = json.survey;
		let elements = new Map<string, ElementInfo>();
		let duplicates = new Map<string, string[]>();
		if (!isObject(survey) || (!Array.isArray(survey.pages) && !Array.isArray(survey.elements) && !Array.isArray(survey.questions))) {
			out.push({ path: '$.survey', message: survey === undefined ? 'is required' : 'must be a SurveyJS object with "pages", "elements" or "questions"' });
		} else {
			const walked = walkSurvey(survey);
			out.push(...walked.problems);
			duplicates = walked.duplicates;
			// Reversed so that the first of duplicated names wins, as in collectElements.
			elements = new Map(walked.all.map((e) => [e.name, e] as const).reverse());
		}
		if (json.scoring !== undefined) {
			if (!isObject(json.scoring)) out.push({ path: '$.scoring', message: 'must be an object' });
			else {
				checkKnownKeys(json.scoring, SCORING_KEYS, '$.scoring', out);
				const scaleIds = validateScales(json.scoring.scales, elements, out);
				checkSharedNames(json.scoring.scales, elements, duplicates, out);
				validateOutputs(json.scoring, scaleIds, elements, out);
				validateOthersView(json.scoring.othersView, elements, out);
			}
		}
		out.push(...validateAdaptive(json));
	}
	out.push(...(options.surveyProblems ?? []));
	if (out.length > 0) return { ok: false, problems: out };
	return { ok: true, questionnaire: json as unknown as Questionnaire, problems: [] };
}

/**
 * A scale item must not name a question whose name another question uses too: SurveyJS gives such
 * questions one shared value (the last one answered), so which question the score reads would be
 * ambiguous. Elsewhere shared names are accepted, as SurveyJS accepts them (docs/surveyjs-forms.md).
 */
function checkSharedNames(scales: unknown, elements: Map<string, ElementInfo>, duplicates: Map<string, string[]>, out: QuestionnaireProblem[]) {
	if (duplicates.size === 0 || !Array.isArray(scales)) return;
	scales.forEach((scale, i) => {
		const items = isObject(scale) && Array.isArray(scale.items) ? scale.items : [];
		items.forEach((item, j) => {
			if (typeof item !== 'string') return;
			const name = elements.has(item) ? item : item.split('.')[0];
			const at = duplicates.get(name);
			if (!at) return;
			out.push({
				path: `$.scoring.scales[${i}].items[${j}]`,
				message: `"${item}" is scored, but ${at.length} questions are named "${name}" (${at.join(', ')}): SurveyJS gives them one shared value, so the score would be ambiguous; rename all but one`
			});
		});
	});
}

/** An absolute http(s) URL: anything else (javascript:, data:, relative paths) is no source link. */
function isWebUrl(text: string): boolean {
	return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(text);
}
