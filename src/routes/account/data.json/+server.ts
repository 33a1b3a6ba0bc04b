import { getDb, getTimeZone } from '$lib/server/app';
import { downloadHeaders, exportFileName } from '$lib/server/profile/export';
import { requireUser } from '$lib/server/http/guards';
import { downloadPersonalData } from '$lib/server/account/personal-data';
import type { RequestHandler } from './$types';

// Everything stored about the signed-in person, as one JSON download.
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const now = new Date();
	const data = await downloadPersonalData(getDb(), user.id, now);
	return new Response(JSON.stringify(data, null, 2), {
		headers: downloadHeaders('json', exportFileName('json', now, 'all-my-data', getTimeZone()))
	});
};
