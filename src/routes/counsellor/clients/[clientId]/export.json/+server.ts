import { getDb } from '$lib/server/app';
import { downloadHeaders, exportBody, exportFileName, profileExportFor } from '$lib/server/export';
import { requireRole } from '$lib/server/guards';
import { insertAuditEvent } from '$lib/server/repositories/audit';
import { requireSharedClient } from '$lib/server/sharing';
import type { RequestHandler } from './$types';

// A counsellor's download of the profile export (docs/profile-export.md) of a client who shares with them now,
// band labels in the client's language. Recorded in the client's access log.
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireRole(locals, url, ['counsellor']);
	const db = getDb();
	const client = await requireSharedClient(db, user, params.clientId);
	const now = new Date();
	const doc = await profileExportFor(db, client.id, client.locale ?? 'en', now);
	await insertAuditEvent(db, { actorId: user.id, action: 'client.export.downloaded', subjectId: client.id, detail: 'json', at: now });
	const file = exportFileName('json', now, `client-${client.id.slice(0, 8)}`);
	return new Response(exportBody(doc, 'json'), { headers: downloadHeaders('json', file) });
};
