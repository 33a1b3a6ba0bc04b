// The decision step of a client (docs/decision.md): balance sheets, the want-vs-likely grid and the
// action plan for 2–5 kept options, saved as the client goes, shown to a counsellor they share with
// (who may comment on it), in the export and in "download all my data".
import { err, errs, ok, type Problem, type Result } from '../../result';
import {
	MAX_OPTIONS,
	MAX_STEPS,
	MIN_OPTIONS,
	chooseOptions,
	currentOptions,
	exportDecision,
	gridHint,
	noLabourFacts,
	optionKey,
	parseStoredDecision,
	readDecisionForm,
	type DecisionData,
	type ExportDecision,
	type LabourFactsLookup
} from '$lib/core/decision/decision';
import { fitLevel } from '$lib/core/matching/fit-words';
import { pearson } from '$lib/core/analysis/correlation';
import { riasecFromDimensions } from '$lib/core/matching/profile-riasec';
import type { OpportunitySet } from '$lib/core/opportunities/types';
import type { Db } from '../db';
import { getDecision, setDecisionComment, upsertDecision } from '../repositories/decision';
import { loadProfile } from './profile';
import { MAX_COMMENT_LENGTH, loadShortlist } from './shortlist';
import type { DecisionView } from '../../views/decision';
export type { DecisionView } from '../../views/decision';

type Sets = ReadonlyMap<string, OpportunitySet>;

/** The decision step as the page shows it; `facts` gives labour-market facts where a source has them. */
export async function loadDecision(db: Db, sets: Sets, userId: string, locale: string, facts: LabourFactsLookup = noLabourFacts): Promise<DecisionView> {
	const [kept, row, profile] = await Promise.all([loadShortlist(db, sets, userId, locale), getDecision(db, userId), loadProfile(db, userId)]);
	const stored = parseStoredDecision(row?.data);
	const { riasec } = riasecFromDimensions(profile.dimensions).profile;
	const person = riasec.every((x) => typeof x === 'number') ? (riasec as number[]) : null;
	const options = kept.length >= MIN_OPTIONS ? currentOptions(stored, kept) : [];
	return {
		kept: kept.map((k) => ({ key: optionKey(k), title: k.title })),
		options: options.map((o) => {
			const item = kept.find((k) => optionKey(k) === optionKey(o))!;
			const opp = sets.get(o.set)?.opportunities.find((x) => x.id === o.id);
			const r = person && opp ? pearson(person, opp.riasec) : null;
			return {
				...o,
				title: item.title,
				...(item.levelLabel ? { levelLabel: item.levelLabel } : {}),
				...(item.url ? { url: item.url } : {}),
				fit: r,
				fitLevel: r === null ? null : fitLevel(r),
				hint: gridHint(o),
				facts: facts(o.set, o.id)
			};
		}),
		plan: stored?.plan ?? [],
		updatedAt: row?.updated_at ?? null,
		comment:
			row?.comment && row.comment_at ? { body: row.comment, by: row.commenter_name || row.commenter_email || '', at: row.comment_at } : null
	};
}

const asProblems = (ps: { code: string; params?: Record<string, string | number>; field: string }[]) => ps as Problem[];

/** Saves the whole form (balance sheets, grid, plan); refused with every problem, changing nothing. */
export async function saveDecision(db: Db, sets: Sets, userId: string, form: FormData, now = new Date()): Promise<Result<DecisionData>> {
	const kept = await loadShortlist(db, sets, userId, 'en');
	if (kept.length < MIN_OPTIONS) return err('decision.error.notReady', { n: MIN_OPTIONS });
	const get = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : null;
	};
	const read = readDecisionForm(get, kept.map(optionKey));
	if (!read.ok) return errs(asProblems(read.problems) as [Problem, ...Problem[]]);
	// Options the form does not carry (a form from before a change of choice) keep what is stored.
	const current = currentOptions(parseStoredDecision((await getDecision(db, userId))?.data), kept);
	const inForm = new Set(read.value.options.map(optionKey));
	const options = [...read.value.options, ...current.filter((o) => !inForm.has(optionKey(o)))].slice(0, MAX_OPTIONS);
	const data: DecisionData = { options, plan: read.value.plan };
	await upsertDecision(db, userId, JSON.stringify(data), now);
	return ok(data);
}

/** Chooses which kept options to weigh (2–5); what was written for an option stays with it. */
export async function chooseDecisionOptions(db: Db, sets: Sets, userId: string, chosen: string[], now = new Date()): Promise<Result> {
	const kept = await loadShortlist(db, sets, userId, 'en');
	const stored = parseStoredDecision((await getDecision(db, userId))?.data);
	const current = currentOptions(stored, kept);
	const keep = [...(stored?.options ?? []), ...current];
	const r = chooseOptions(keep, chosen, kept.map(optionKey));
	if (!r.ok) return errs(asProblems([r.problem]) as [Problem, ...Problem[]]);
	await upsertDecision(db, userId, JSON.stringify({ options: r.value, plan: stored?.plan ?? [] } satisfies DecisionData), now);
	return ok();
}

/** A counsellor's comment on the client's decision step (the caller has checked the share); empty clears it. */
export async function commentOnDecision(db: Db, counsellorId: string, clientId: string, raw: FormDataEntryValue | null, now = new Date()): Promise<Result> {
	const body = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : '';
	if ([...body].length > MAX_COMMENT_LENGTH) return err('shortlist.commentTooLong', { n: MAX_COMMENT_LENGTH }, 'decisionComment');
	return (await setDecisionComment(db, clientId, body || null, counsellorId, now)) ? ok() : err('decision.error.nothing');
}

/** The export's `decision`, or undefined when the client has not started the decision step. */
export async function exportDecisionFor(db: Db, sets: Sets, userId: string, locale: string): Promise<ExportDecision | undefined> {
	const view = await loadDecision(db, sets, userId, locale);
	if (!view.updatedAt) return undefined;
	return exportDecision(view.options, view.plan, view.updatedAt);
}

export const DECISION_LIMITS = { min: MIN_OPTIONS, max: MAX_OPTIONS, steps: MAX_STEPS };
