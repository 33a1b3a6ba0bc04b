import { getDb } from '$lib/server/app';
import { downloadHeaders, exportFileName } from '$lib/server/export';
import { requireUser } from '$lib/server/guards';
import { collectPersonalData } from '$lib/server/personal-data';
import { insertAuditEvent } from '$lib/server/repositories/audit';
import type { RequestHandler } from './$types';

// Everything stored about the signed-in person, as one JSON download.
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const now = new Date();
	const db = getDb();
	// Logged first, so the download is itself in the access log it contains.
	await insertAuditEvent(db, { actorId: user.id, action: 'account.data.downloaded', subjectId: user.id, at: now });
	const data = await collectPersonalData(db, user.id, now);
	return new Response(JSON.stringify(data, null, 2), {
		headers: downloadHeaders('json', exportFileName('json', now, 'all-my-data'))
	});
};
