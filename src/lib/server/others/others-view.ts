// "How others see me" for the client: their own picks, invitation links, the window, deleting it.
// The exercise is any instrument whose file has `scoring.othersView` (see docs/others-view.md).
import { johariWindow, othersViewThemes, selfPicks, type JohariWindow, type OthersViewDefinition, type QualityTheme } from '$lib/core/others-view';
import { localize } from '$lib/core/localize';
import type { Questionnaire } from '$lib/core/questionnaire/types';
import type { Db } from '../db';
import { errs, ok, type Problem, type Result } from '../../result';
import type { OthersInvite } from '../db/schema';
import type { Instrument, Registry } from '../questionnaires/registry';
import { listCompletedResponses } from '../repositories/responses';
import { loadDefinition } from '../questionnaires/definitions';
import { deleteInvites, deleteResponsesTo, insertInvite, listAnswersFor, listInvites, revokeInvite } from '../repositories/others-view';

export const MAX_NAME = 40;
export const MAX_OPEN_INVITES = 20;
export const EXPIRY_DAYS = [3, 7, 14, 30] as const;
/** Unambiguous when read aloud or typed: no 0/O, 1/I/L, U/V. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const CODE_LENGTH = 8;

/** The instruments that are "How others see me" exercises. */
export const othersExercises = (registry: Registry): Instrument[] =>
	[...registry.instruments.values()].filter((i) => i.questionnaire.scoring?.othersView);

/** A new short code: 8 characters from 29 (about 39 bits; guessing is throttled). */
export function generateCode(): string {
	let code = '';
	while (code.length < CODE_LENGTH) {
		for (const b of crypto.getRandomValues(new Uint8Array(16))) {
			// Rejection sampling keeps every character equally likely.
			if (b < 256 - (256 % CODE_ALPHABET.length) && code.length < CODE_LENGTH) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
		}
	}
	return code;
}

/** What someone typed or read ("k7m2-q9xd ") as a code, or null when it cannot be one. */
export function normaliseCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]+/g, '');
	return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** `K7M2Q9XD` → `K7M2-Q9XD`, for reading aloud. */
export const showCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export type InviteState = 'open' | 'expired' | 'revoked';
export const inviteState = (i: Pick<OthersInvite, 'expires_at' | 'revoked_at'>, now: Date): InviteState =>
	i.revoked_at ? 'revoked' : Date.parse(i.expires_at) <= now.getTime() ? 'expired' : 'open';

export interface SelfPicks {
	/** The definition the picks were made on (the latest completed response), else the current one. */
	questionnaire: Questionnaire;
	picks: string[];
	/** none: not done yet; fits: within min–max, so invitations can be made. */
	status: 'none' | 'too-few' | 'too-many' | 'fits';
}

export async function loadSelfPicks(db: Db, userId: string, instrument: Instrument): Promise<SelfPicks> {
	const id = instrument.questionnaire.id;
	const latest = (await listCompletedResponses(db, userId)).find((r) => r.instrument_id === id);
	if (!latest) return { questionnaire: instrument.questionnaire, picks: [], status: 'none' };
	const q = await loadDefinition(db, latest.instrument_version_id);
	const def = q.scoring?.othersView ?? (instrument.questionnaire.scoring!.othersView as OthersViewDefinition);
	const picks = selfPicks(othersViewThemes(q), JSON.parse(latest.answers) as Record<string, unknown>);
	const status = picks.length < def.min ? 'too-few' : picks.length > def.max ? 'too-many' : 'fits';
	return { questionnaire: q, picks, status };
}

export interface WindowView {
	window: JohariWindow;
	/** The free texts, in no particular order and without names. */
	texts: string[];
	themes: QualityTheme[];
	definition: OthersViewDefinition;
}

/** The window of the client's exercise; texts only once it is ready (never a partial result). */
export async function loadWindow(db: Db, userId: string, instrument: Instrument): Promise<WindowView & { self: SelfPicks }> {
	const self = await loadSelfPicks(db, userId, instrument);
	const themes = othersViewThemes(self.questionnaire);
	const definition = self.questionnaire.scoring!.othersView!;
	const answers = await listAnswersFor(db, userId, instrument.questionnaire.id);
	const order = themes.flatMap((t) => t.qualities.map((q) => q.id));
	const window = johariWindow(order, self.picks, answers.map((a) => JSON.parse(a.qualities) as string[]), definition.minRespondents);
	const texts = window.ready ? answers.flatMap((a) => (a.free_text ? [a.free_text] : [])).sort() : [];
	return { window, texts, themes, definition, self };
}

/** Quality id → its text in `locale`. */
export function qualityLabels(themes: QualityTheme[], locale: string): Record<string, string> {
	return Object.fromEntries(themes.flatMap((t) => t.qualities.map((q) => [q.id, localize(q.text, locale)])));
}

const CONTROL = /[\u0000-\u001f\u007f]/;

function checkShownName(value: string): Problem | null {
	const field = 'shownName';
	if (value === '') return { code: 'others.error.shownName.required', field };
	if (value.length > MAX_NAME) return { code: 'others.error.shownName.tooLong', params: { length: value.length, max: MAX_NAME }, field };
	if (CONTROL.test(value) || /[<>]/.test(value)) return { code: 'others.error.shownName.characters', field };
	return null;
}

function checkNickname(value: string): Problem | null {
	const field = 'nickname';
	if (value.length > MAX_NAME) return { code: 'others.error.nickname.tooLong', params: { length: value.length, max: MAX_NAME }, field };
	if (CONTROL.test(value) || /[<>]/.test(value)) return { code: 'others.error.nickname.characters', field };
	return null;
}

/** Makes an invitation link, after checking the form; nothing is stored when a problem is found. */
export async function createInvite(
	db: Db,
	userId: string,
	instrument: Instrument,
	form: { shownName: string; nickname: string; days: string },
	now = new Date()
): Promise<Result<OthersInvite>> {
	const shownName = form.shownName.trim();
	const nickname = form.nickname.trim();
	const days = Number(form.days);
	const problems = [checkShownName(shownName), checkNickname(nickname)].filter((p) => p !== null);
	if (!(EXPIRY_DAYS as readonly number[]).includes(days))
		problems.push({ code: 'others.error.days', params: { choices: EXPIRY_DAYS.join(', ') }, field: 'days' });
	const self = await loadSelfPicks(db, userId, instrument);
	if (self.status !== 'fits') problems.push({ code: 'others.problem.picks', field: 'picks' });
	const invites = await listInvites(db, userId, instrument.questionnaire.id);
	if (invites.filter((i) => inviteState(i, now) === 'open').length >= MAX_OPEN_INVITES)
		problems.push({ code: 'others.problem.limit', params: { max: MAX_OPEN_INVITES }, field: 'limit' });
	const [first, ...rest] = problems;
	if (first) return errs([first, ...rest]);
	const invite: OthersInvite = {
		id: crypto.randomUUID(),
		user_id: userId,
		instrument_id: instrument.questionnaire.id,
		code: generateCode(),
		shown_name: shownName,
		nickname: nickname || null,
		created_at: now.toISOString(),
		expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
		revoked_at: null
	};
	await insertInvite(db, invite);
	return ok(invite);
}

export const revokeOthersInvite = (db: Db, userId: string, inviteId: string, now = new Date()) =>
	revokeInvite(db, userId, inviteId, now);

export const listOthersInvites = (db: Db, userId: string, instrumentId: string) => listInvites(db, userId, instrumentId);

/**
 * Deletes the exercise: the client's own picks (every response to it) and every invitation with the
 * invitees' answers, in one transaction.
 */
export async function deleteOthersExercise(db: Db, userId: string, instrumentId: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await deleteInvites(trx, userId, instrumentId);
		await deleteResponsesTo(trx, userId, instrumentId);
	});
}
