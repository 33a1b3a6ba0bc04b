import { getDb, getExportSources } from '$lib/server/app';
import { downloadHeaders, exportBody, exportFileName, profileExportFor } from '$lib/server/profile/export';
import { requireUser } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

// The signed-in person's own scale results as CSV (docs/profile-export.md), as a download.
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const now = new Date();
	// The CSV has no matches: skip computing them.
	const src = getExportSources();
	const doc = await profileExportFor(getDb(), src, user.id, locals.locale, now, null);
	return new Response(exportBody(doc, 'csv'), { headers: downloadHeaders('csv', exportFileName('csv', now, 'profile', src.timeZone)) });
};
