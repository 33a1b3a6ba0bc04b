// The author playground: checks a pasted questionnaire with exactly the validation the server runs at
// start (checkQuestionnaireText), and scores answers given in its preview. Nothing is stored.
import { formModelOf, validateForm, type FormError } from '$lib/form-model';
import { localize } from '$lib/core/localize';
import { choiceLabels } from '$lib/core/questionnaire/labels';
import type { QuestionnaireProblem, Questionnaire } from '$lib/core/questionnaire/types';
import { keyedValue } from '$lib/core/scoring/scale';
import { scoreResponse } from '$lib/core/scoring/score';
import { scaleItemReader } from '$lib/core/scoring/items';
import { elementsOf } from '$lib/core/questionnaire/elements';
import { questionnaireLocales } from './author';
import { checkQuestionnaireText } from '../questionnaires/questionnaires';
import type { ItemReport, ScaleReport, ScoreReport } from '../../views/author';
import { err, ok, type Failure } from '../../result';
export type { ItemReport, ScaleReport, ScoreReport } from '../../views/author';

/**
 * Largest questionnaire the playground accepts. Requests are capped at 512 KiB as a whole
 * (hooks.server.ts), and the score request carries the questionnaire and the answers.
 */
export const PLAYGROUND_MAX_BYTES = 400 * 1024;

/**
 * A checked file, or why it would be refused: the size and emptiness checks as a message key, or
 * `author.playground.problems` with the validator's own `findings` (each with its JSON path, the
 * same words `npm run questionnaires:check` prints).
 */
export type PlaygroundCheck =
	| { ok: true; fileName: string; questionnaire: Questionnaire; locales: string[]; warnings: QuestionnaireProblem[] }
	| (Failure & { fileName: string; findings: QuestionnaireProblem[]; warnings?: QuestionnaireProblem[] });

/** The file name the text would be saved as: the one given, else `<id>.json` from the text, else a placeholder. */
function fileNameFor(text: string, given: string | undefined): string {
	const name = given?.trim();
	if (name) return name.endsWith('.json') ? name : `${name}.json`;
	try {
		const id = (JSON.parse(text) as { id?: unknown } | null)?.id;
		if (typeof id === 'string' && id) return `${id}.json`;
	} catch {
		// Reported by checkQuestionnaireText.
	}
	return 'questionnaire.json';
}

/**
 * Validates questionnaire text as the server does at load (same function, same messages), after a
 * size check. `fileName` defaults to `<id>.json`, so the id-equals-file-name rule only bites when the
 * author names the file.
 */
export function checkPlaygroundText(text: string, fileName?: string): PlaygroundCheck {
	const file = fileNameFor(text, fileName);
	const bytes = Buffer.byteLength(text, 'utf8');
	if (bytes > PLAYGROUND_MAX_BYTES) {
		const kb = (n: number) => Math.ceil(n / 1024);
		return { ...err('author.playground.tooLarge', { kb: kb(bytes), max: kb(PLAYGROUND_MAX_BYTES) }, 'text'), fileName: file, findings: [] };
	}
	if (text.trim() === '') return { ...err('author.playground.error.empty', undefined, 'text'), fileName: file, findings: [] };
	const checked = checkQuestionnaireText(file, text);
	if ('problems' in checked)
		return { ...err('author.playground.problems', { n: checked.problems.length }, 'text'), fileName: file, findings: checked.problems, warnings: checked.warnings ?? [] };
	return { ok: true, fileName: file, questionnaire: checked.questionnaire, locales: questionnaireLocales(checked.questionnaire), warnings: checked.warnings };
}

/** The score report, or why not: the questionnaire's `findings` or the answers' `errors` come with the code. */
export type PlaygroundScore = { ok: true; value: ScoreReport } | (Failure & { findings?: QuestionnaireProblem[]; errors?: FormError[] });

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Scores the preview's answers on the server: validate the questionnaire, then the answers, then score. */
export function scorePlayground(text: string, answersText: string, locale: string, fileName?: string): PlaygroundScore {
	const checked = checkPlaygroundText(text, fileName);
	if (!checked.ok) return { ...err('author.playground.error.questionnaire', undefined, 'text'), findings: checked.findings };
	const q = checked.questionnaire;
	let answers: unknown;
	try {
		answers = JSON.parse(answersText);
	} catch {
		return err('response.error.json', undefined, 'answers');
	}
	const valid = validateForm(formModelOf(q.survey), answers);
	if (!valid.ok) return { ...err('author.playground.error.answers', undefined, 'answers'), errors: valid.errors };
	const result = scoreResponse(q, valid.answers);
	const text_ = (s: Parameters<typeof localize>[0]) => localize(s, locale);
	const scales = (q.scoring?.scales ?? []).map((def): ScaleReport => {
		const r = result.scales.find((s) => s.id === def.id)!;
		const reverse = new Set(def.reverse ?? []);
		const norm = def.norms?.find((n) => n.id === r.norm);
		const read = scaleItemReader(def, () => elementsOf(q.survey));
		const itemAnswers = read ? read(valid.answers) : valid.answers;
		return {
			id: def.id,
			title: text_(def.title),
			method: def.method,
			range: def.range,
			minAnswered: def.minAnswered ?? def.items.length,
			items: def.items.map((name) => {
				const answer = num(itemAnswers[name]);
				return { name, reversed: reverse.has(name), answer, keyed: answer === null ? null : keyedValue(answer, def.range, reverse.has(name)) };
			}),
			score: r.score,
			answered: r.answered,
			reason: r.reason ?? null,
			norm: norm ? { id: norm.id, title: text_(norm.title ?? norm.id), mean: norm.mean, sd: norm.sd } : null,
			reliability: def.reliability?.alpha ?? null,
			z: r.z ?? null,
			t: r.t ?? null,
			percentile: r.percentile ?? null,
			sten: r.sten ?? null,
			ci90: r.ci90 ?? null,
			band: r.band ? { label: text_(r.band.label), text: r.band.text ? text_(r.band.text) : null } : null
		};
	});
	const scoring = q.scoring ?? {};
	return ok({
		scales,
		codes: Object.entries(result.codes).map(([id, c]) => ({ id, code: c.code, ties: c.ties })),
		tallies: (scoring.tallies ?? []).map((def) => {
			const labels = choiceLabels(q.survey, def.question, def.column);
			const counts = Object.entries(result.tallies[def.id] ?? {}).map(([v, n]) => ({ label: text_(labels.get(v) ?? v), n }));
			return { id: def.id, counts };
		}),
		rankings: (scoring.rankings ?? []).map((def) => {
			const labels = choiceLabels(q.survey, def.question);
			return { id: def.id, items: (result.rankings[def.id] ?? []).map((v) => text_(labels.get(v) ?? v)) };
		}),
		lists: (scoring.lists ?? []).map((def) => ({ id: def.id, items: result.lists[def.id] ?? [] }))
	});
}
