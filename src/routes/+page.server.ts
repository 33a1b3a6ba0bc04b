import { localize } from '$lib/core/localize';
import { getDb, getRegistry } from '$lib/server/app';
import { listResponseSummaries } from '$lib/server/repositories/responses';
import { countUsersWithRole } from '$lib/server/repositories/users';
import { loadClientAssignments } from '$lib/server/counsellor-assignments';
import type { PageServerLoad } from './$types';

const ORDER = { test: 0, 'self-evaluation': 1, exercise: 2 } as const;

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	if (!locals.user) return { instruments: [], assignments: [], needsSetup: (await countUsersWithRole(db, 'admin')) === 0 };
	const responses = await listResponseSummaries(db, locals.user.id);
	const instruments = [...getRegistry().instruments.values()]
		.map(({ questionnaire: q }) => {
			const mine = responses.filter((r) => r.instrument_id === q.id);
			const open = mine.find((r) => r.status === 'in_progress');
			const done = mine.find((r) => r.status === 'completed');
			return {
				id: q.id,
				kind: q.kind,
				title: localize(q.title, locals.locale),
				description: q.description ? localize(q.description, locals.locale) : '',
				minutes: q.minutes ?? null,
				status: open ? ('in_progress' as const) : done ? ('completed' as const) : ('not_started' as const),
				completedAt: done?.completed_at ?? null
			};
		})
		.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.title.localeCompare(b.title, locals.locale));
	// What counsellors the client shares with have asked them to take.
	const assignments = await loadClientAssignments(db, getRegistry(), locals.user.id, locals.locale);
	return { instruments, assignments, needsSetup: false };
};
