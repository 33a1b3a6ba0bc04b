// "How others see me" for the people a client invited: open a link by its code, answer, change the
// answer. Invitees have no account; what is stored is in docs/others-view.md.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { checkOthersAnswer, othersViewThemes, type OthersViewDefinition, type QualityTheme } from '$lib/core/others-view';
import type { AnswerProblem } from '$lib/core/others-view/validate';
import { err, errs, ok, type Problem, type Result } from '../../result';
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

/** An invitee's answer problem as a message key, with its field (`qualities` or `text`). */
function answerProblem(p: AnswerProblem): Problem {
	const at = { field: p.path, ...(p.params ? { params: p.params } : {}) };
	switch (p.kind) {
		case 'notQuality':
			return { code: 'others.answer.error.notQuality', ...at };
		case 'noQuality':
			return { code: 'others.answer.error.noQuality', ...at };
		case 'tooManyQualities':
			return { code: 'others.answer.error.tooManyQualities', ...at };
		case 'notText':
			return { code: 'others.answer.error.notText', ...at };
		case 'textTooLong':
			return { code: 'others.answer.error.textTooLong', ...at };
		case 'textControl':
			return { code: 'others.answer.error.textControl', ...at };
	}
}

/**
 * Stores (or replaces) an invitee's answer; refuses, storing nothing, when anything is wrong:
 * `others.answer.closed` (the link is not open), `others.answer.full` (the link has all the answers
 * it takes), or every problem of the answer, each naming its field.
 */
export async function saveInviteeAnswer(
	db: Db,
	opened: OpenedInvite,
	token: string,
	form: { qualities: unknown[]; text: unknown },
	now = new Date()
): Promise<Result<{ changed: boolean }>> {
	if (opened.state !== 'open') return err('others.answer.closed');
	if (form.qualities.length > MAX_FIELDS)
		return err('others.answer.error.tooManyValues', { n: form.qualities.length, max: MAX_FIELDS }, 'qualities');
	const checked = checkOthersAnswer(opened.definition, opened.themes, form.qualities, form.text);
	if (!checked.ok) {
		const [first, ...rest] = checked.problems.map(answerProblem);
		return errs([first, ...rest]);
	}
	const id = answerIdOf(token);
	return db.transaction().execute(async (trx) => {
		const before = await findAnswer(trx, id, opened.invite.id);
		if (!before && (await countAnswersOfInvite(trx, opened.invite.id)) >= MAX_ANSWERS_PER_INVITE) return err('others.answer.full');
		await upsertAnswer(trx, { id, inviteId: opened.invite.id, qualities: checked.qualities, text: checked.text, now });
		return ok({ changed: before !== undefined });
	});
}
