import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { getDb } from '$lib/server/app';
import { safeNext } from '$lib/server/http/guards';
import { saveLocale } from '$lib/server/account/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (isLocale(locale)) {
			cookies.set('lang', locale, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: 60 * 60 * 24 * 365
			});
			if (locals.user) await saveLocale(getDb(), locals.user.id, locale);
		}
		redirect(303, safeNext(form.get('next')?.toString()));
	}
};
