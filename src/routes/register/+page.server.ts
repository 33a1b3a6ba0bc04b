import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { checkCredentials, createAccount, signIn, signInContext, normalizeEmail } from '$lib/server/account/accounts';
import { checkAgreement, recordAgreement } from '$lib/server/account/privacy';
import { safeNext } from '$lib/server/http/guards';
import { addCredentials } from '$lib/server/account/anonymous';
import { admitRegistration, retryAfterOf } from '$lib/server/account/throttle';
import { issueRecoveryCode } from '$lib/server/account/recovery';
import { rememberNewRecoveryCode } from '$lib/server/account/new-code-cookie';
import type { Actions, PageServerLoad } from './$types';

// An anonymous client who registers keeps everything: email and password are added to their account.
// Either way the new account gets its recovery code, shown once on the next page.
const showRecoveryCode = (code: string, cookies: Parameters<typeof rememberNewRecoveryCode>[0], url: URL): never => {
	rememberNewRecoveryCode(cookies, code, url.protocol === 'https:');
	redirect(303, `/account/recovery-code?next=${encodeURIComponent(safeNext(url.searchParams.get('next')))}`);
};

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user && locals.user.email !== null) redirect(303, safeNext(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, locals, url, getClientAddress, setHeaders } = event;
		const form = await request.formData();
		const email = normalizeEmail(String(form.get('email') ?? ''));
		const password = String(form.get('password') ?? '');
		const name = String(form.get('name') ?? '');
		const errors = checkCredentials(email, password, name);
		const disagreed = checkAgreement(form);
		if (disagreed) errors.push(disagreed);
		if (errors.length) return fail(400, { email, name, errors });
		const db = getDb();
		// Counted for a new and a taken email alike, so the limit tells nothing about who has an account.
		const admitted = await admitRegistration(db, getClientAddress());
		if (!admitted.ok) {
			setHeaders({ 'retry-after': String(retryAfterOf(admitted.error)) });
			return fail(429, { email, name, errors: [{ ...admitted.error, field: 'email' }] });
		}
		if (locals.user?.email === null) {
			const added = await addCredentials(db, locals.user.id, { email, password, name });
			if (!added.ok) return fail(400, { email, name, errors: added.problems ?? [added.error] });
			await recordAgreement(db, locals.user.id);
			showRecoveryCode(await issueRecoveryCode(db, locals.user.id), cookies, url);
		}
		if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
		const created = await createAccount(db, { email, password, name, role: 'client', locale: locals.locale, agreedToPrivacy: true });
		if (!created.ok) return fail(400, { email, name, errors: [created.error] });
		await signIn(db, signInContext(event), created.value.id);
		showRecoveryCode(await issueRecoveryCode(db, created.value.id), cookies, url);
	}
};
