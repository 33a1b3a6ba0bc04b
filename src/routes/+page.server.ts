import { getDb, getRegistry } from '$lib/server/app';
import { loadClientAssignments } from '$lib/server/counsellor/counsellor-assignments';
import { listHomeInstruments } from '$lib/server/profile/home';
import { setupNeeded } from '$lib/server/account/setup';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	// Right after deleting an account: the home page confirms it (signed out by then).
	if (!locals.user) return { instruments: [], assignments: [], needsSetup: await setupNeeded(db), deleted: url.searchParams.get('deleted') === '1' };
	const instruments = await listHomeInstruments(db, getRegistry(), locals.user.id, locals.locale);
	// What counsellors the client shares with have asked them to take.
	const assignments = await loadClientAssignments(db, getRegistry(), locals.user.id, locals.locale);
	return { instruments, assignments, needsSetup: false, deleted: false };
};
