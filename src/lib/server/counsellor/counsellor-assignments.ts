// A counsellor asks a client to take instruments; both see the status, derived from the client's
// responses made after the assignment (assigned → in progress → completed).
import { localize } from '$lib/core/localize';
import { errs, ok, type Problem, type Result } from '../../result';
import type { Db } from '../db';
import type { Registry } from '../questionnaires/registry';
import {
	cancelAssignment,
	insertAssignments,
	listAssignmentsForClient,
	listAssignmentsOfPair
} from '../repositories/assignments';
import type { AssignmentStatus, AssignmentView, ClientAssignmentView, InstrumentOption } from '../../views/counsellor';
export type { AssignmentStatus, AssignmentView, ClientAssignmentView, InstrumentOption } from '../../views/counsellor';

export const MAX_ASSIGNMENT_MESSAGE = 500;

/** The instruments a counsellor can assign, by title. */
export function assignableInstruments(registry: Registry, locale: string): InstrumentOption[] {
	return [...registry.instruments.values()]
		.map(({ questionnaire: q }) => ({ id: q.id, title: localize(q.title, locale) }))
		.sort((a, b) => a.title.localeCompare(b.title, locale));
}


/** Reads the assignment form: at least one known instrument (duplicates dropped), an optional short message. */
export function checkAssignForm(form: FormData, registry: Registry): Result<{ instrumentIds: string[]; message: string | null }> {
	const ids = [...new Set(form.getAll('instrument').map(String))];
	const message = String(form.get('message') ?? '').replace(/\r\n/g, '\n').trim();
	const problems: Problem[] = [];
	if (ids.length === 0) problems.push({ code: 'counsellor.assign.error.none', field: 'instruments' });
	else if (ids.some((id) => !registry.instruments.has(id))) problems.push({ code: 'counsellor.assign.error.unknown', field: 'instruments' });
	if ([...message].length > MAX_ASSIGNMENT_MESSAGE)
		problems.push({ code: 'counsellor.assign.error.tooLong', params: { n: MAX_ASSIGNMENT_MESSAGE }, field: 'message' });
	const [first, ...rest] = problems;
	return first ? errs([first, ...rest]) : ok({ instrumentIds: ids, message: message || null });
}

const titleOf = (registry: Registry, id: string, locale: string) => {
	const q = registry.instruments.get(id)?.questionnaire;
	return q ? localize(q.title, locale) : id;
};

type AssignmentRow = { id: number; instrument_id: string; message: string | null; created_at: string; status: AssignmentStatus };

/** What both sides see of an assignment; the status is worked out by the query. */
const viewOf = (registry: Registry, r: AssignmentRow, locale: string) => ({
	id: r.id,
	instrumentId: r.instrument_id,
	title: titleOf(registry, r.instrument_id, locale),
	message: r.message,
	createdAt: r.created_at,
	status: r.status
});

/** The counsellor's assignments to one client (the caller has checked the share). */
export async function loadPairAssignments(
	db: Db,
	registry: Registry,
	counsellorId: string,
	clientId: string,
	locale: string
): Promise<AssignmentView[]> {
	const rows = await listAssignmentsOfPair(db, counsellorId, clientId);
	return rows.map((r) => ({ ...viewOf(registry, r, locale), status: r.cancelled_at ? 'cancelled' : r.status }));
}

/** What the client has been asked to take, from counsellors they share with now. */
export async function loadClientAssignments(
	db: Db,
	registry: Registry,
	clientId: string,
	locale: string
): Promise<ClientAssignmentView[]> {
	const rows = await listAssignmentsForClient(db, clientId);
	return rows.map((r) => ({
		...viewOf(registry, r, locale),
		counsellorName: r.counsellor_name || r.counsellor_email || '',
		available: registry.instruments.has(r.instrument_id)
	}));
}

export async function assignInstruments(
	db: Db,
	a: { counsellorId: string; clientId: string; instrumentIds: string[]; message: string | null },
	now = new Date()
) {
	return insertAssignments(db, { ...a, now });
}

export async function cancelClientAssignment(
	db: Db,
	c: { id: number; counsellorId: string; clientId: string },
	now = new Date()
) {
	return cancelAssignment(db, { ...c, now });
}
