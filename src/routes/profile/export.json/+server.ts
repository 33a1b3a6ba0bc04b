import { getDb, getExportSources } from '$lib/server/app';
import { downloadHeaders, exportBody, exportFileName, profileExportFor } from '$lib/server/profile/export';
import { requireUser } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

// The signed-in person's own profile export (docs/profile-export.md), as a download.
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const now = new Date();
	const src = getExportSources();
	const doc = await profileExportFor(getDb(), src, user.id, locals.locale, now);
	return new Response(exportBody(doc, 'json'), { headers: downloadHeaders('json', exportFileName('json', now, 'profile', src.timeZone)) });
};
