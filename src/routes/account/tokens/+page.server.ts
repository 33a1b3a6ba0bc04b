import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/http/guards';
import { confirmPassword } from '$lib/server/account/account-sessions';
import { createApiToken, listOwnApiTokens, MAX_ACTIVE_TOKENS, MAX_TOKEN_NAME, revokeOwnApiToken } from '$lib/server/account/tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		// The id is the token's SHA-256, not the token: safe to put in the revoke form.
		tokens: await listOwnApiTokens(getDb(), user.id),
		apiUrl: `${url.origin}/api/v1/profile`,
		maxName: MAX_TOKEN_NAME,
		maxTokens: MAX_ACTIVE_TOKENS,
		// A client without an account has no password to type again.
		askPassword: user.email !== null
	};
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const name = String(form.get('name') ?? '');
		const db = getDb();
		const password = await confirmPassword(db, user.id, String(form.get('password') ?? ''));
		if (!password.ok) return fail(400, { passwordError: password.error, name: name.slice(0, 200) });
		const created = await createApiToken(db, user.id, name);
		if (!created.ok) return fail(400, { createError: created.error, name: name.slice(0, 200) });
		// Shown once: the token is in this response only, never stored or put in a URL.
		return { created: { name: created.value.row.name, token: created.value.token } };
	},
	revoke: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const id = String((await request.formData()).get('id') ?? '');
		const revoked = await revokeOwnApiToken(getDb(), user.id, id);
		if (!revoked.ok) return fail(404, { revokeError: true });
		return { revoked: revoked.value.name };
	}
};
