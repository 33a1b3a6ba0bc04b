import { getTimeZone } from '$lib/server/app';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	/** The service's time zone: every timestamp is shown in it (see $lib/time). */
	timeZone: getTimeZone(),
	user: locals.user
		? { email: locals.user.email, role: locals.user.role, name: locals.user.display_name }
		: null
});
