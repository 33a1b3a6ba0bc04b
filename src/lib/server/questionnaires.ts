// Loads the questionnaire files from QUESTIONNAIRES_DIR. A broken file is refused alone, with every
// problem named by file and JSON path; the others are served.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateQuestionnaire } from '../core/questionnaire/validate';
import type { Problem, Questionnaire } from '../core/questionnaire/types';
import { surveyJsonProblems } from './survey-errors';

export interface LoadedFile {
	file: string;
	sha256: string;
	questionnaire: Questionnaire;
}

export interface RefusedFile {
	file: string;
	problems: Problem[];
}

export interface ScanResult {
	loaded: LoadedFile[];
	refused: RefusedFile[];
}

/** Validates one file's text; `file` is the file name (its id must match). */
export function checkQuestionnaireText(file: string, text: string): LoadedFile | RefusedFile {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { file, problems: [{ path: '$', message: `Not valid JSON: ${(e as Error).message}` }] };
	}
	const survey = (json as { survey?: unknown } | null)?.survey;
	const result = validateQuestionnaire(json, { fileName: file, surveyProblems: surveyJsonProblems(survey) });
	if (!result.ok) return { file, problems: result.problems };
	return {
		file,
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

export function formatProblems(refused: RefusedFile[]): string[] {
	return refused.flatMap((r) => r.problems.map((p) => `${r.file} ${p.path}: ${p.message}`));
}
