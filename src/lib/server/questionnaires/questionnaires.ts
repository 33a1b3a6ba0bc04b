// Loads the questionnaire files from QUESTIONNAIRES_DIR. A broken file is refused alone, with every
// problem named by file and JSON path; the others are served.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateQuestionnaire } from '../../core/questionnaire/validate';
import type { QuestionnaireProblem, Questionnaire } from '../../core/questionnaire/types';
import { checkSurveyJson, summariseProblems } from './survey-errors';
import { compileForm } from '../../form-model/compile';
import { parseJson } from '../../core/json/parse-error';

export interface LoadedFile {
	file: string;
	/** What SurveyJS ignores (unknown properties, conditions it cannot parse): the file is served. */
	warnings: QuestionnaireProblem[];
	sha256: string;
	questionnaire: Questionnaire;
}

export interface RefusedFile {
	file: string;
	problems: QuestionnaireProblem[];
	warnings?: QuestionnaireProblem[];
}

export interface ScanResult {
	loaded: LoadedFile[];
	refused: RefusedFile[];
}

/** Validates one file's text; `file` is the file name (its id must match). */
export function checkQuestionnaireText(file: string, text: string): LoadedFile | RefusedFile {
	const parsed = parseJson(text);
	if (!parsed.ok) {
		const { line, column, reason } = parsed.error;
		return { file, problems: [{ path: '$', message: `Not valid JSON at line ${line}, column ${column}: ${reason}` }] };
	}
	const json = parsed.value;
	const survey = (json as { survey?: unknown } | null)?.survey;
	const surveyJs = checkSurveyJson(survey);
	const result = validateQuestionnaire(json, { fileName: file, surveyProblems: surveyJs.errors });
	const compiled = survey !== null && typeof survey === 'object' && !Array.isArray(survey) ? compileForm(survey as Record<string, unknown>).problems : [];
	// Choice properties a scale reads with valueFrom (e.g. "score") are unknown to SurveyJS but not a slip.
	const scales = (json as { scoring?: { scales?: { valueFrom?: unknown }[] } } | null)?.scoring?.scales;
	const weights = new Set((Array.isArray(scales) ? scales : []).map((s) => s?.valueFrom).filter((v): v is string => typeof v === 'string'));
	const unknown = surveyJs.warnings.filter((w) => ![...weights].some((prop) => w.path.endsWith(`.${prop}`)));
	const warnings = summariseProblems([...unknown, ...compiled]);
	if (!result.ok) return { file, problems: result.problems, warnings };
	return {
		file,
		warnings,
		sha256: createHash('sha256').update(text).digest('hex'),
		questionnaire: result.questionnaire
	};
}

/** Reads every `*.json` (except schema.json) in `dir`. */
export function scanQuestionnaireDir(dir: string): ScanResult {
	const result: ScanResult = { loaded: [], refused: [] };
	let files: string[];
	try {
		files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
	} catch (e) {
		result.refused.push({ file: dir, problems: [{ path: '$', message: `Cannot read the folder: ${(e as Error).message}` }] });
		return result;
	}
	const seen = new Set<string>();
	for (const file of files) {
		let text: string;
		try {
			text = readFileSync(join(dir, file), 'utf8');
		} catch (e) {
			result.refused.push({ file, problems: [{ path: '$', message: `Cannot read: ${(e as Error).message}` }] });
			continue;
		}
		const checked = checkQuestionnaireText(file, text);
		if ('problems' in checked) result.refused.push(checked);
		else if (seen.has(checked.questionnaire.id))
			result.refused.push({ file, problems: [{ path: '$.id', message: `Duplicate id ${checked.questionnaire.id}` }] });
		else {
			seen.add(checked.questionnaire.id);
			result.loaded.push(checked);
		}
	}
	return result;
}

/** One line per problem (`file path: message`); repeats of one message are summarised. */
export function formatProblems(refused: { file: string; problems: QuestionnaireProblem[] }[]): string[] {
	return refused.flatMap((r) => summariseProblems(r.problems).map((p) => `${r.file} ${p.path}: ${p.message}`));
}

/** One line per warning of each file, loaded or refused. */
export function formatWarnings(files: { file: string; warnings?: QuestionnaireProblem[] }[]): string[] {
	return files.flatMap((f) => (f.warnings ?? []).map((p) => `${f.file} ${p.path}: ${p.message}`));
}
