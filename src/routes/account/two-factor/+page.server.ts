import { fail, redirect } from '@sveltejs/kit';
import { getDb, requireTotpForStaff } from '$lib/server/app';
import { signInContext } from '$lib/server/account/accounts';
import { confirmSetup, isStaff, replaceCodes, startSetup, turnOff, twoFactorState } from '$lib/server/account/two-factor';
import { requireUser, safeNext } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

// Two-factor sign-in on the person's own account (account/two-factor.ts): set up, confirm with a
// code, new recovery codes, switch off. Staff sent here by REQUIRE_TOTP_FOR_STAFF come with `next`.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		twoFactor: await twoFactorState(getDb(), user),
		hasPassword: user.email !== null,
		required: requireTotpForStaff() && isStaff(user.role),
		next: safeNext(url.searchParams.get('next') ?? '/account')
	};
};

export const actions: Actions = {
	start: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		const r = await startSetup(getDb(), user);
		if (!r.ok) return fail(400, { error: r.error });
		const next = url.searchParams.get('next');
		redirect(303, next ? `/account/two-factor?next=${encodeURIComponent(safeNext(next))}` : '/account/two-factor');
	},
	confirm: async (event) => {
		const user = requireUser(event.locals, event.url);
		const code = String((await event.request.formData()).get('code') ?? '');
		const r = await confirmSetup(getDb(), signInContext(event), user, code);
		if (!r.ok) return fail(400, { error: r.error });
		return { codes: r.value.codes, enabled: true };
	},
	codes: async (event) => {
		const user = requireUser(event.locals, event.url);
		const password = String((await event.request.formData()).get('codes-password') ?? '');
		const r = await replaceCodes(getDb(), signInContext(event), user, password);
		if (!r.ok) return fail(400, { codesError: r.error });
		return { codes: r.value.codes, enabled: false };
	},
	disable: async (event) => {
		const user = requireUser(event.locals, event.url);
		const password = String((await event.request.formData()).get('disable-password') ?? '');
		const r = await turnOff(getDb(), signInContext(event), user, password);
		if (!r.ok) return fail(400, { disableError: r.error });
		return { turnedOff: true };
	}
};
