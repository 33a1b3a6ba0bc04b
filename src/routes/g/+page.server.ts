import { redirect } from '@sveltejs/kit';
import { normaliseShareCode } from '$lib/server/counsellor/sharing';
import type { PageServerLoad } from './$types';

// Typing a group's code (from a printed page): the form sends it here, and on to the group's link.
export const load: PageServerLoad = ({ url }) => {
	const typed = url.searchParams.get('code');
	if (typed !== null && typed.trim()) redirect(303, `/g/${encodeURIComponent(normaliseShareCode(typed.slice(0, 40)) || '-')}`);
	return {};
};
