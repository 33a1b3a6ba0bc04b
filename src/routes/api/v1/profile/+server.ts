import { json } from '@sveltejs/kit';
import { getDb, getExportSources } from '$lib/server/app';
import { profileExportForApi } from '$lib/server/profile/export';
import { authenticateBearer } from '$lib/server/account/tokens';
import { problemText } from '$lib/server/http/results';
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
		// RFC 6750: no token at all is `unauthorized`, a bad one `invalid_token`; the message is for the
		// programmer of the matching service, in English.
		const missing = auth.error.code === 'api.error.noToken';
		return json(
			{ error: missing ? 'unauthorized' : 'invalid_token', message: problemText(auth.error, 'en') },
			{
				status: 401,
				headers: {
					...NO_STORE,
					'www-authenticate': missing ? 'Bearer realm="spejl"' : 'Bearer realm="spejl", error="invalid_token"'
				}
			}
		);
	}
	const doc = await profileExportForApi(db, getExportSources(), auth.value.user, auth.value.token.name, now);
	return json(doc, { headers: NO_STORE });
};
