// The new resume code as a text file to keep (works without JavaScript). Only while the code page
// can still show it (the short-lived cookie of new-code-cookie.ts); otherwise back to the start.
import { redirect } from '@sveltejs/kit';
import { newCodeOf } from '$lib/server/account/new-code-cookie';
import { translator } from '$lib/i18n';
import { formatDate } from '$lib/time';
import { getTimeZone } from '$lib/server/app';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ cookies, url, locals }) => {
	const code = newCodeOf(cookies);
	if (!code) redirect(303, '/');
	const t = translator(locals.locale);
	const text = [
		t('codeKeep.fileTitle'),
		'',
		code,
		'',
		t('start.codeWhere', { url: `${url.origin}/resume` }),
		t('start.codeReading'),
		t('codeKeep.fileMade', { date: formatDate(new Date().toISOString(), locals.locale, getTimeZone()) }),
		''
	].join('\r\n');
	return new Response(text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': 'attachment; filename="spejl-resume-code.txt"',
			'cache-control': 'no-store'
		}
	});
};
