// The home page's list of instruments: each with the signed-in client's status (not started, in
// progress, completed), tests first, then self-evaluations, then exercises, each group by title.
import { localize } from '$lib/core/localize';
import type { Db } from '../db';
import type { Registry } from '../questionnaires/registry';
import { listResponseSummaries } from '../repositories/responses';

const ORDER = { test: 0, 'self-evaluation': 1, exercise: 2 } as const;

export async function listHomeInstruments(db: Db, registry: Registry, userId: string, locale: string) {
	const responses = await listResponseSummaries(db, userId);
	return [...registry.instruments.values()]
		.map(({ questionnaire: q }) => {
			const mine = responses.filter((r) => r.instrument_id === q.id);
			const open = mine.find((r) => r.status === 'in_progress');
			const done = mine.find((r) => r.status === 'completed');
			return {
				id: q.id,
				kind: q.kind,
				title: localize(q.title, locale),
				description: q.description ? localize(q.description, locale) : '',
				minutes: q.minutes ?? null,
				status: open ? ('in_progress' as const) : done ? ('completed' as const) : ('not_started' as const),
				completedAt: done?.completed_at ?? null
			};
		})
		.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.title.localeCompare(b.title, locale));
}
