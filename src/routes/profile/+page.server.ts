import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/guards';
import { loadProfile } from '$lib/server/profile';
import { profileView } from '$lib/profile-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const profile = await loadProfile(getDb(), user.id);
	return { results: profileView(profile, locals.locale) };
};
