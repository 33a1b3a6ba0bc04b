import { error } from '@sveltejs/kit';
import { localize } from '$lib/core/localize';
import { getDb } from '$lib/server/app';
import { analyzeInstrument, ALPHA_FLAG, ALPHA_MIN_N, MIN_RESPONDENTS, RDROP_FLAG } from '$lib/server/author/author-analysis';
import { requireRole } from '$lib/server/http/guards';
import { adaptiveBankView } from '$lib/server/author/adaptive-bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireRole(locals, url, ['author', 'admin']);
	const analysis = await analyzeInstrument(getDb(), params.id);
	if (!analysis) error(404, `No stored versions of “${params.id}”.`);
	const locale = locals.locale;
	return {
		id: analysis.id,
		title: localize(analysis.title, locale),
		versions: analysis.versions.map((v) =>
			v.enough
				? { ...v, stats: { ...v.stats, scales: v.stats.scales.map((s) => ({ ...s, title: localize(s.title, locale), items: s.items.map((i) => ({ ...i, text: i.text === null ? null : localize(i.text, locale) })) })) } }
				: v
		),
		limits: { minRespondents: MIN_RESPONDENTS, rDrop: RDROP_FLAG, alpha: ALPHA_FLAG, alphaMinN: ALPHA_MIN_N },
		adaptive: await adaptiveBankView(getDb(), params.id, locale)
	};
};
