import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { resumeWithCode } from '$lib/server/account/anonymous';
import { safeNext } from '$lib/server/http/guards';
import { statusFor } from '$lib/server/http/results';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async ({ request, url, cookies, getClientAddress }) => {
		const code = String((await request.formData()).get('code') ?? '');
		const r = await resumeWithCode(getDb(), cookies, { code, address: getClientAddress(), secure: url.protocol === 'https:' });
		if (!r.ok) return fail(statusFor(r.error, { 'resume.error.tooMany': 429 }), { code: code.slice(0, 40), problem: r.error });
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
