import type { SessionUser } from '$lib/server/account/auth';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			/** The id (token hash) of the session in use, when signed in. */
			sessionId: string | null;
			locale: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
