import { getTimeZone } from '$lib/server/app';
import { takeSignInNotice } from '$lib/server/account/sign-in-notice';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, cookies, url }) => ({
	locale: locals.locale,
	/** The service's time zone: every timestamp is shown in it (see $lib/time). */
	timeZone: getTimeZone(),
	user: locals.user
		? { email: locals.user.email, role: locals.user.role, name: locals.user.display_name }
		: null,
	/** A notice for the first page after signing in (account/sign-in-notice.ts), shown once. */
	notice: locals.user ? takeSignInNotice(cookies, url.protocol === 'https:') : null
});
