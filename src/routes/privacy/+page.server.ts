import { fail, redirect } from '@sveltejs/kit';
import { getConfig, getDb } from '$lib/server/app';
import { safeNext } from '$lib/server/http/guards';
import { PRIVACY_NOTICE_VERSION, agreeToNotice, checkAgreement, mustAgree } from '$lib/server/account/privacy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const config = getConfig();
	const user = locals.user;
	return {
		version: PRIVACY_NOTICE_VERSION,
		periods: {
			clientDays: config.clientRetentionDays,
			anonymousDays: config.anonymousRetentionDays,
			auditDays: config.auditRetentionDays,
			idleMinutes: Math.round(config.session.idleMs / 60_000)
		},
		/** A signed-in client who must agree before going on: 'first' (never agreed) or 'changed'. */
		ask: user && mustAgree(user) ? (user.privacy_version === null ? 'first' : 'changed') : null,
		agreedAt: user?.privacy_version === PRIVACY_NOTICE_VERSION ? user.privacy_agreed_at : null,
		next: safeNext(url.searchParams.get('next'))
	};
};

export const actions: Actions = {
	agree: async ({ locals, request, url }) => {
		const user = locals.user;
		const next = safeNext(url.searchParams.get('next'));
		if (!user) redirect(303, `/login?next=${encodeURIComponent('/privacy')}`);
		if (checkAgreement(await request.formData())) return fail(400, { mustAgree: true });
		await agreeToNotice(getDb(), user.id);
		redirect(303, next);
	}
};
