import { getDb, getRegistry } from '$lib/server/app';
import { loadClientAssignments } from '$lib/server/counsellor/counsellor-assignments';
import { listHomeInstruments } from '$lib/server/profile/home';
import { setupNeeded } from '$lib/server/account/setup';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	if (!locals.user) return { instruments: [], assignments: [], needsSetup: await setupNeeded(db) };
	const instruments = await listHomeInstruments(db, getRegistry(), locals.user.id, locals.locale);
	// What counsellors the client shares with have asked them to take.
	const assignments = await loadClientAssignments(db, getRegistry(), locals.user.id, locals.locale);
	return { instruments, assignments, needsSetup: false };
};
