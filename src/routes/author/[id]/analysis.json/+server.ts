import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { exportVersion } from '$lib/server/author/author-analysis';
import { requireRole } from '$lib/server/http/guards';
import { problemText } from '$lib/server/http/results';
import { exportStatus } from '../export-status';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	requireRole(locals, url, ['author', 'admin']);
	const r = await exportVersion(getDb(), params.id, url.searchParams.get('version'), url.searchParams.get('sha'));
	if (!r.ok) error(exportStatus(r.error.code), problemText(r.error, locals.locale));
	return json(r.value, {
		headers: { 'Content-Disposition': `attachment; filename="${params.id}-${r.value.version}-analysis.json"` }
	});
};
