// Taking an instrument: start or resume a response, save progress, complete it (validate → score →
// store in one transaction). Scoring happens here, on the server, never in the browser.
import type { Answers, Questionnaire, ScoredResult } from '$lib/core/questionnaire/types';
import { formModelOf, validateForm, type FormError } from '$lib/form-model';
import { scoreResponse } from '$lib/core/scoring/score';
import { findShortfalls, type Shortfall } from '$lib/core/scoring/shortfalls';
import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import type { Response } from '../db/schema';
import type { Instrument } from './registry';
import { loadDefinition } from './definitions';
import {
	completeResponse,
	findInProgressResponse,
	findResponse,
	findResponseOf,
	insertResponse,
	saveResponseProgress
} from '../repositories/responses';

export type Outcome<T> =
	| { ok: true; value: T }
	| { ok: false; status: number; message: string; errors?: FormError[]; shortfalls?: Shortfall[] };

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
		completed_at: null
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
	if (!response) return { ok: false, status: 404, message: 'No such response.' };
	return { ok: true, value: response };
}

function parseAnswers(text: string): Outcome<unknown> {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, status: 400, message: 'The answers are not valid JSON.' };
	}
}

/** Answers as JSON with their keys sorted, so the same answers always give the same text. */
function canonicalJson(answers: Answers): string {
	return JSON.stringify(Object.fromEntries(Object.entries(answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
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
	if (own.value.status !== 'in_progress')
		return { ok: false, status: 409, message: 'This response is already completed; its answers can no longer change.' };
	const page = checkPage(input.page);
	if (page === null) return { ok: false, status: 400, message: 'The page number is not valid.' };
	const parsed = parseAnswers(input.answers);
	if (!parsed.ok) return parsed;
	const q = await loadDefinition(db, own.value.instrument_version_id);
	const checked = validateForm(formModelOf(q.survey), parsed.value, { partial: true });
	if (!checked.ok) return { ok: false, status: 400, message: 'Some answers are not valid.', errors: checked.errors };
	const saved = await saveResponseProgress(db, own.value.id, canonicalJson(checked.answers), page, now);
	if (!saved) return { ok: false, status: 409, message: 'This response is already completed; its answers can no longer change.' };
	return { ok: true, value: { savedAt: now.toISOString() } };
}

export async function complete(
	db: Db,
	userId: string,
	input: ResponseRef & { instrumentId: string; answers: string },
	now = new Date()
): Promise<Outcome<{ result: ScoredResult; repeated: boolean }>> {
	const own = await ownResponse(db, userId, input.instrumentId, input);
	if (!own.ok) return own;
	const parsed = parseAnswers(input.answers);
	if (!parsed.ok) return parsed;
	const q = await loadDefinition(db, own.value.instrument_version_id);
	const checked = validateForm(formModelOf(q.survey), parsed.value, { partial: false });
	if (!checked.ok) return { ok: false, status: 400, message: 'Some answers are not valid.', errors: checked.errors };
	const answers = canonicalJson(checked.answers);
	if (own.value.status === 'completed') return repeatedCompletion(own.value, answers);
	// Too few answers for a score, or a card sort never sorted: refused rather than stored empty.
	const shortfalls = findShortfalls(q, checked.answers as Answers);
	if (shortfalls.length > 0) return { ok: false, status: 400, message: describeShortfalls(shortfalls), shortfalls };
	const result = scoreResponse(q, checked.answers as Answers);
	const stored = await completeResponse(db, {
		id: own.value.id,
		answers,
		result: JSON.stringify(result),
		now
	});
	if (!stored) {
		// Another request completed it between our read and our write.
		const again = await findResponse(db, own.value.id);
		return again ? repeatedCompletion(again, answers) : { ok: false, status: 404, message: 'No such response.' };
	}
	return { ok: true, value: { result, repeated: false } };
}

/** The shortfalls in plain English (the pages show them translated). */
function describeShortfalls(list: Shortfall[]): string {
	const parts = list.map((s) =>
		s.kind === 'scale'
			? `${s.scale}: ${s.answered} of ${s.items} questions answered, at least ${s.needed} needed`
			: `${s.question}: the cards have not been sorted`
	);
	return `Not enough answers for a result. ${parts.join('; ')}.`;
}

/** The same answers submitted again (double click, retry) get the stored result; different ones are refused. */
function repeatedCompletion(response: Response, answers: string): Outcome<{ result: ScoredResult; repeated: boolean }> {
	if (response.answers === answers && response.result)
		return { ok: true, value: { result: JSON.parse(response.result), repeated: true } };
	return {
		ok: false,
		status: 409,
		message: `This response was already completed on ${response.completed_at?.slice(0, 10)}. Start a new attempt to take it again.`
	};
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
