import { getDb, getRegistry } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { ensureShareCode, shareLink } from '$lib/server/counsellor/sharing';
import { listSharingClients, parseClientQuery } from '$lib/server/counsellor/counsellor-clients';
import { assignableInstruments } from '$lib/server/counsellor/counsellor-assignments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, url, ['counsellor']);
	const db = getDb();
	const [shareCode, list] = await Promise.all([
		ensureShareCode(db, user.id),
		listSharingClients(db, user.id, parseClientQuery(url))
	]);
	const titles = Object.fromEntries(assignableInstruments(getRegistry(), locals.locale).map((i) => [i.id, i.title]));
	return { share: { code: shareCode, link: shareLink(url.origin, shareCode) }, list, titles };
};
