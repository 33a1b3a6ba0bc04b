import { getDb, getExportSources } from '$lib/server/app';
import { clientExportDownload, downloadHeaders } from '$lib/server/profile/export';
import { requireRole } from '$lib/server/http/guards';
import { findSharedClient } from '$lib/server/counsellor/sharing';
import { valueOr } from '$lib/server/http/results';
import type { RequestHandler } from './$types';

// A counsellor's download of the profile export (docs/profile-export.md) of a client who shares with them now,
// band labels in the client's language. Recorded in the client's access log.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireRole(locals, url, ['counsellor']);
	const db = getDb();
	const client = valueOr(await findSharedClient(db, user, params.clientId), 403, locals.locale);
	const file = await clientExportDownload(db, getExportSources(), user.id, client, 'json');
	return new Response(file.body, { headers: downloadHeaders('json', file.fileName) });
};
