// Taking an instrument: start or resume a response, save progress, complete it (validate → score →
// store in one transaction). Scoring happens here, on the server, never in the browser.
import type { Answers, Questionnaire, ScoredResult } from '$lib/core/questionnaire/types';
import { formModelOf, validateForm, type FormError } from '$lib/form-model';
import { responseScorerOf, type ScoredResponse } from '$lib/core/scoring/response-scorer';
import { findShortfalls, type Shortfall } from '$lib/core/scoring/shortfalls';
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import type { Response } from '../db/schema';
import type { Instrument } from './registry';
import { err, ok, type Failure } from '../../result';
import { loadDefinition } from './definitions';
import { inWriteBatch } from '../db/write-batch';
import {
	completeResponse,
	findInProgressResponse,
	findResponse,
	findResponseByCompletionKey,
	findResponseOf,
	insertResponse,
	insertResponseUnlessOpen,
	saveResponseProgress
} from '../repositories/responses';

/**
 * The one result type (src/lib/result.ts); a refusal of the answers also carries what exactly was
 * wrong: `errors` for answers the form does not accept, `shortfalls` for too few answers to score.
 * The route chooses the status from the code (see responseStatus).
 */
export type Refusal = Failure & { errors?: FormError[]; shortfalls?: Shortfall[] };
export type Outcome<T> = { ok: true; value: T } | Refusal;

/** The codes a save or completion is refused with. */
export type ResponseErrorCode =
	| 'response.error.missing'
	| 'response.error.completed'
	| 'response.error.completedOn'
	| 'response.error.page'
	| 'response.error.json'
	| 'response.error.invalid'
	| 'response.error.tooFew'
	| 'response.error.completionKey'
	| 'response.error.keyUsed'
	| 'response.error.adaptive';

/** The client's unfinished response to this instrument, or a new one on the current version. */
export async function startOrResume(db: Db, userId: string, instrument: Instrument, now = new Date()) {
	const existing = await findInProgressResponse(db, userId, instrument.questionnaire.id);
	if (existing) return { response: existing, questionnaire: await loadDefinition(db, existing.instrument_version_id), resumed: true };
	const response: Response = {
		id: crypto.randomUUID(),
		user_id: userId,
		instrument_id: instrument.questionnaire.id,
		instrument_version_id: instrument.versionId,
		status: 'in_progress',
		answers: '{}',
		current_page: 0,
		result: null,
		started_at: now.toISOString(),
		updated_at: now.toISOString(),
		completed_at: null,
		completion_key: null
	};
	try {
		await insertResponse(db, response);
	} catch (e) {
		// Another request started it first (unique index on open responses): resume that one.
		const raced = isUniqueViolation(e) && (await findInProgressResponse(db, userId, instrument.questionnaire.id));
		if (!raced) throw e;
		return { response: raced, questionnaire: await loadDefinition(db, raced.instrument_version_id), resumed: true };
	}
	return { response, questionnaire: instrument.questionnaire, resumed: false };
}

/**
 * The response a save or completion is for. Responses are keyed by (person, instrument): an id the
 * browser sends only counts when it is the person's own response to the instrument of the page, so it
 * can never point at someone else's response or at another instrument's.
 */
/** Which response: by the id the browser sent, or the one just started or resumed here (not read again). */
export type ResponseRef = { responseId: string } | { response: Response };

async function ownResponse(db: Db, userId: string, instrumentId: string, ref: ResponseRef): Promise<Outcome<Response>> {
	const response =
		'response' in ref
			? ref.response.user_id === userId && ref.response.instrument_id === instrumentId
				? ref.response
				: undefined
			: await findResponseOf(db, userId, instrumentId, ref.responseId);
	if (!response) return err('response.error.missing');
	return ok(response);
}

/**
 * Answers as a request brings them: the JSON text of a form field, or the object the JSON request has
 * already parsed (completion-request.ts), which is used as it is and never parsed again.
 */
export type AnswersInput = string | Record<string, unknown>;

function parseAnswers(text: AnswersInput): Outcome<unknown> {
	if (typeof text !== 'string') return ok(text);
	try {
		return ok(JSON.parse(text) as unknown);
	} catch {
		return err('response.error.json', undefined, 'answers');
	}
}

/** Key orders seen (the keys joined by NUL) → the keys sorted; forms send few distinct orders. */
const sortedKeys = new Map<string, string[]>();
const MAX_KEY_ORDERS = 256;

/**
 * Answers as JSON with their keys sorted, so the same answers always give the same text. The sort is
 * remembered per order of keys (a page sends the same order again and again); the object is built in
 * sorted order as before, so the text is the same as `Object.fromEntries` of the sorted entries gives.
 */
export function canonicalJson(answers: Answers): string {
	const keys = Object.keys(answers);
	// A name holding the separator could make two key lists look alike: those are sorted each time.
	const order = keys.some((k) => k.includes('\u0000')) ? undefined : keys.join('\u0000');
	let sorted = order === undefined ? undefined : sortedKeys.get(order);
	if (sorted === undefined) {
		sorted = keys.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		if (sortedKeys.size >= MAX_KEY_ORDERS) sortedKeys.clear();
		if (order !== undefined) sortedKeys.set(order, sorted);
	}
	const out: Answers = {};
	for (const key of sorted) out[key] = answers[key];
	return JSON.stringify(out);
}

function checkPage(page: unknown): number | null {
	const n = Number(page ?? 0);
	return Number.isInteger(n) && n >= 0 && n < 1000 ? n : null;
}

export async function saveProgress(
	db: Db,
	userId: string,
	input: { instrumentId: string; responseId: string; answers: string; page: unknown },
	now = new Date()
): Promise<Outcome<{ savedAt: string }>> {
	const own = await ownResponse(db, userId, input.instrumentId, { responseId: input.responseId });
	if (!own.ok) return own;
	if (own.value.status !== 'in_progress') return err('response.error.completed');
	const page = checkPage(input.page);
	if (page === null) return err('response.error.page', undefined, 'page');
	const parsed = parseAnswers(input.answers);
	if (!parsed.ok) return parsed;
	const q = await loadDefinition(db, own.value.instrument_version_id);
	// An adaptive test saves each answer as it takes it (adaptive.ts); a whole-form save could skip statements.
	if (q.adaptive) return err('response.error.adaptive');
	const checked = validateForm(formModelOf(q.survey), parsed.value, { partial: true });
	if (!checked.ok) return invalid(checked.errors);
	const saved = await saveResponseProgress(db, own.value.id, canonicalJson(checked.answers), page, now);
	if (!saved) return err('response.error.completed');
	return ok({ savedAt: now.toISOString() });
}

export async function complete(
	db: Db,
	userId: string,
	input: ResponseRef & { instrumentId: string; answers: AnswersInput; completionKey?: string | null },
	now = new Date()
): Promise<Outcome<{ responseId: string; result: ScoredResult; repeated: boolean }>> {
	const own = await ownResponse(db, userId, input.instrumentId, input);
	if (!own.ok) return own;
	const q = await loadDefinition(db, own.value.instrument_version_id);
	const checked = checkAnswers(q, input.answers);
	if (!checked.ok) return checked;
	const { answers } = checked.value;
	if (own.value.status === 'completed') return repeatedCompletion(own.value, answers);
	const scored = scoreChecked(q, checked.value.checked);
	if (!scored.ok) return scored;
	const { result, json } = scored.value;
	let stored: boolean;
	try {
		stored = await completeResponse(db, { id: own.value.id, answers, result: json, now, completionKey: input.completionKey });
	} catch (e) {
		// The key is already on another of the person's responses (sent for another questionnaire, or
		// stored by a request that started a new response at the same moment): that one answers.
		if (!isUniqueViolation(e) || !input.completionKey) throw e;
		const prior = await findResponseByCompletionKey(db, userId, input.completionKey);
		if (!prior) throw e;
		if (prior.instrument_id !== input.instrumentId) return err('response.error.keyUsed', undefined, 'completionKey');
		return repeatedCompletion(prior, answers);
	}
	if (!stored) {
		// Another request completed it between our read and our write.
		const again = await findResponse(db, own.value.id);
		return again ? repeatedCompletion(again, answers) : err('response.error.missing');
	}
	return ok({ responseId: own.value.id, result, repeated: false });
}

/**
 * Completes the client's open response to the instrument, or, when there is none (the page never saved
 * one), starts and completes a response on the current version in one write: the completed row is
 * inserted as it is, never first as an unfinished one. Refusals as `complete` gives them; nothing is
 * stored when the answers are refused. Two such requests at the same moment are two attempts.
 *
 * One pass: the open response is looked up first, so the answers are validated and scored once, on
 * the version that counts — the open response's (it is completed on the version it was started with),
 * or else the current one. Without an open response the row is inserted unless one has appeared since,
 * in a group commit with the completions arriving at the same time (db/write-batch.ts).
 */
export async function completeOpenOrNew(
	db: Db,
	userId: string,
	instrument: Instrument,
	answersInput: AnswersInput,
	now = new Date(),
	completionKey: string | null = null
): Promise<Outcome<{ responseId: string; result: ScoredResult; repeated: boolean }>> {
	const q = instrument.questionnaire;
	const open = await findInProgressResponse(db, userId, q.id);
	if (open) return complete(db, userId, { response: open, instrumentId: q.id, answers: answersInput, completionKey }, now);
	const checked = checkAnswers(q, answersInput);
	if (!checked.ok) return checked;
	const scored = scoreChecked(q, checked.value.checked);
	if (!scored.ok) return scored;
	const at = now.toISOString();
	const response: Response = {
		id: crypto.randomUUID(),
		user_id: userId,
		instrument_id: q.id,
		instrument_version_id: instrument.versionId,
		status: 'completed',
		answers: checked.value.answers,
		current_page: 0,
		result: scored.value.json,
		started_at: at,
		updated_at: at,
		completed_at: at,
		completion_key: completionKey
	};
	if (await inWriteBatch(db, (runner) => insertResponseUnlessOpen(runner, response)))
		return ok({ responseId: response.id, result: scored.value.result, repeated: false });
	// The same completion was stored first by another request with this key (at the same moment, on
	// another server, before a restart): that one answers, and nothing more is stored.
	if (completionKey) {
		const prior = await completedWithKey(db, userId, instrument, answersInput, completionKey);
		if (prior) return prior;
	}
	// An open response appeared between the look-up and the write (the page saved one at that moment):
	// that one is completed, on its own version. Only this race checks the answers a second time.
	const raced = await findInProgressResponse(db, userId, q.id);
	if (raced) return complete(db, userId, { response: raced, instrumentId: q.id, answers: answersInput, completionKey }, now);
	// None any more: a request with the same key completed it a moment ago, and that one answers.
	return (completionKey && (await completedWithKey(db, userId, instrument, answersInput, completionKey))) || err('response.error.missing');
}

/**
 * The answer to a completion whose key is already stored with one of the person's responses: the
 * first completion's response id and result (`repeated`) when it is the same questionnaire and the
 * same answers; `response.error.completedOn` for other answers, `response.error.keyUsed` for another
 * questionnaire. Undefined when the key is not stored yet. Stores nothing.
 */
export async function completedWithKey(
	db: Db,
	userId: string,
	instrument: Instrument,
	answersText: AnswersInput,
	completionKey: string
): Promise<Outcome<{ responseId: string; result: ScoredResult; repeated: boolean }> | undefined> {
	const prior = await findResponseByCompletionKey(db, userId, completionKey);
	if (!prior) return undefined;
	if (prior.instrument_id !== instrument.questionnaire.id) return err('response.error.keyUsed', undefined, 'completionKey');
	return complete(db, userId, { response: prior, instrumentId: prior.instrument_id, answers: answersText });
}

/**
 * How many times completing has validated answers and scored them since the process started: the
 * measure of "one pass per completion" (responses-one-pass.test.ts reads it; nothing else does).
 */
export const completionWork = { validations: 0, scorings: 0 };

/** The answers parsed and validated for completing, with their canonical JSON. */
function checkAnswers(q: Questionnaire, input: AnswersInput): Outcome<{ answers: string; checked: Answers }> {
	// An adaptive test is answered one step at a time (adaptive.ts), never completed as a whole form.
	if (q.adaptive) return err('response.error.adaptive');
	const parsed = parseAnswers(input);
	if (!parsed.ok) return parsed;
	completionWork.validations++;
	const checked = validateForm(formModelOf(q.survey), parsed.value, { partial: false });
	if (!checked.ok) return invalid(checked.errors);
	return ok({ answers: canonicalJson(checked.answers), checked: checked.answers as Answers });
}

/** The result of validated answers, or why there is none: too few answers for a score, or a card sort never sorted. */
function scoreChecked(q: Questionnaire, answers: Answers): Outcome<ScoredResponse> {
	const shortfalls = findShortfalls(q, answers);
	if (shortfalls.length > 0) return { ...err('response.error.tooFew', undefined, 'answers'), shortfalls };
	completionWork.scorings++;
	// Compiled once per questionnaire version: the result scoreResponse gives, reusing scale results (response-scorer.ts).
	return ok(responseScorerOf(q)(answers));
}

/** Answers the form does not accept: the first names the question, `errors` has every one. */
function invalid(errors: FormError[]): Refusal {
	return { ...err('response.error.invalid', undefined, errors[0]?.name || 'answers'), errors };
}

/** The same answers submitted again (double click, retry) get the stored result; different ones are refused. */
function repeatedCompletion(response: Response, answers: string): Outcome<{ responseId: string; result: ScoredResult; repeated: boolean }> {
	if (response.answers === answers && response.result)
		return ok({ responseId: response.id, result: JSON.parse(response.result) as ScoredResult, repeated: true });
	return err('response.error.completedOn', { date: response.completed_at?.slice(0, 10) ?? '' });
}

/**
 * The client's unfinished response to an instrument, as the form resumes it: on the definition it was
 * started with, its answers so far and the page they were on. Null when there is none.
 */
export async function findOpenResponse(db: Db, userId: string, instrumentId: string) {
	const open = await findInProgressResponse(db, userId, instrumentId);
	if (!open) return null;
	return {
		id: open.id,
		questionnaire: await loadDefinition(db, open.instrument_version_id),
		answers: JSON.parse(open.answers) as Record<string, unknown>,
		currentPage: open.current_page
	};
}
