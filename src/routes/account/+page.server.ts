import { fail, redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { getDb } from '$lib/server/app';
import { clearSessionCookie } from '$lib/server/auth';
import { requireUser } from '$lib/server/guards';
import { deleteUser, updateUser } from '$lib/server/repositories/users';
import { insertAuditEvent } from '$lib/server/repositories/audit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { email: user.email };
};

export const actions: Actions = {
	language: async ({ request, locals, url, cookies }) => {
		const user = requireUser(locals, url);
		const locale = (await request.formData()).get('locale');
		if (!isLocale(locale)) return fail(400, { languageError: true });
		await updateUser(getDb(), user.id, { locale });
		cookies.set('lang', locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 31536000 });
		return { languageSaved: true };
	},
	delete: async ({ request, locals, url, cookies }) => {
		const user = requireUser(locals, url);
		const confirm = String((await request.formData()).get('confirm') ?? '').trim();
		if (confirm !== 'DELETE' && confirm !== 'SLET') return fail(400, { deleteError: true });
		const db = getDb();
		await deleteUser(db, user.id);
		// The audit trail keeps that it happened, not who it was.
		await insertAuditEvent(db, { actorId: null, action: 'account.deleted', subjectId: null });
		clearSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/');
	}
};
