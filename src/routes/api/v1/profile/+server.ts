import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { profileExportForApi } from '$lib/server/profile/export';
import { authenticateBearer } from '$lib/server/account/tokens';
import type { RequestHandler } from './$types';

// The profile export (docs/profile-export.md) for a matching service holding a token the client created on
// /account/tokens. Bearer tokens only (RFC 6750): session cookies do not work here. Every read is
// recorded in the client's access log with the token's name.
const NO_STORE = { 'cache-control': 'no-store' };

export const GET: RequestHandler = async ({ request }) => {
	const db = getDb();
	const now = new Date();
	const auth = await authenticateBearer(db, request.headers.get('authorization'), now);
	if (!auth.ok) {
		const missing = auth.error === 'missing';
		return json(
			missing
				? { error: 'unauthorized', message: 'Send the API token the person created in Spejl as "Authorization: Bearer <token>".' }
				: { error: 'invalid_token', message: 'The token is unknown or has been revoked.' },
			{
				status: 401,
				headers: {
					...NO_STORE,
					'www-authenticate': missing ? 'Bearer realm="spejl"' : 'Bearer realm="spejl", error="invalid_token"'
				}
			}
		);
	}
	const doc = await profileExportForApi(db, auth.user, auth.token.name, now);
	return json(doc, { headers: NO_STORE });
};
