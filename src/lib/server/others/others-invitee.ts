// "How others see me" for the people a client invited: open a link by its code, answer, change the
// answer. Invitees have no account; what is stored is in docs/others-view.md.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { checkOthersAnswer, othersViewThemes, type OthersViewDefinition, type QualityTheme } from '$lib/core/others-view';
import type { Db } from '../db';
import type { OthersInvite } from '../db/schema';
import type { Registry } from '../questionnaires/registry';
import { sessionIdOf } from '../account/auth';
import { countAnswersOfInvite, findAnswer, findInviteByCode, upsertAnswer } from '../repositories/others-view';
import { createRateLimiter } from '../rate-limit';
import { inviteState, normaliseCode } from './others-view';

const FIFTEEN_MINUTES = 15 * 60_000;
/** Unknown codes per address (someone guessing links). */
export const inviteCodeLimiter = createRateLimiter({ scope: 'others-code', limit: 30, windowMs: FIFTEEN_MINUTES });
/** Answers sent per address, counted whether they were stored or not. */
export const inviteAnswerLimiter = createRateLimiter({ scope: 'others-answer', limit: 30, windowMs: FIFTEEN_MINUTES });
/** Most answers one link takes: a link posted in public cannot fill the database. */
export const MAX_ANSWERS_PER_INVITE = 50;
/** More checkbox values than this is not a person ticking boxes. */
const MAX_FIELDS = 200;

export const ANSWER_COOKIE = 'spejl_answer';
/** A new random answer id for an invitee's browser (128 bits). */
export const newAnswerToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(16)));
const answerIdOf = (token: string) => sessionIdOf(token);

export type OpenedInvite =
	| { state: 'unknown' }
	| { state: 'expired' | 'revoked'; invite: OthersInvite }
	| { state: 'open'; invite: OthersInvite; themes: QualityTheme[]; definition: OthersViewDefinition };

export async function openInvite(db: Db, registry: Registry, rawCode: string, now = new Date()): Promise<OpenedInvite> {
	const code = normaliseCode(rawCode);
	const invite = code ? await findInviteByCode(db, code) : undefined;
	if (!invite) return { state: 'unknown' };
	const state = inviteState(invite, now);
	const q = registry.instruments.get(invite.instrument_id)?.questionnaire;
	if (state !== 'open') return { state, invite };
	// The exercise file was removed from the server: the link cannot be answered any more.
	if (!q?.scoring?.othersView) return { state: 'expired', invite };
	return { state: 'open', invite, themes: othersViewThemes(q), definition: q.scoring.othersView };
}

/** The answer this browser gave to this link before, if any. */
export async function previousAnswer(db: Db, inviteId: string, token: string | undefined) {
	if (!token || token.length > 64) return null;
	const row = await findAnswer(db, answerIdOf(token), inviteId);
	return row ? { qualities: JSON.parse(row.qualities) as string[], text: row.free_text } : null;
}

export type SaveAnswerResult =
	| { ok: true; changed: boolean }
	| { ok: false; status: number; reason: 'closed' | 'full' | 'invalid'; problems?: { path: string; message: string }[] };

/** Stores (or replaces) an invitee's answer; refuses, storing nothing, when anything is wrong. */
export async function saveInviteeAnswer(
	db: Db,
	opened: OpenedInvite,
	token: string,
	form: { qualities: unknown[]; text: unknown },
	now = new Date()
): Promise<SaveAnswerResult> {
	if (opened.state !== 'open') return { ok: false, status: 410, reason: 'closed' };
	if (form.qualities.length > MAX_FIELDS)
		return { ok: false, status: 400, reason: 'invalid', problems: [{ path: 'qualities', message: `${form.qualities.length} values sent; at most ${MAX_FIELDS} are read` }] };
	const checked = checkOthersAnswer(opened.definition, opened.themes, form.qualities, form.text);
	if (!checked.ok) return { ok: false, status: 400, reason: 'invalid', problems: checked.problems };
	const id = answerIdOf(token);
	return db.transaction().execute(async (trx) => {
		const before = await findAnswer(trx, id, opened.invite.id);
		if (!before && (await countAnswersOfInvite(trx, opened.invite.id)) >= MAX_ANSWERS_PER_INVITE)
			return { ok: false, status: 409, reason: 'full' } as const;
		await upsertAnswer(trx, { id, inviteId: opened.invite.id, qualities: checked.qualities, text: checked.text, now });
		return { ok: true, changed: before !== undefined } as const;
	});
}
