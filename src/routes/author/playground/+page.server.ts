import { fail } from '@sveltejs/kit';
import { localize } from '$lib/core/localize';
import { getConfig, getRegistry } from '$lib/server/app';
import { exampleFiles, readExample } from '$lib/server/author/author-files';
import { checkPlaygroundText, PLAYGROUND_MAX_BYTES, scorePlayground } from '$lib/server/author/author-playground';
import { requireRole } from '$lib/server/http/guards';
import { problemText } from '$lib/server/http/results';
import { sanitizeSurvey } from '$lib/server/questionnaires/sanitize-survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, ['author', 'admin']);
	const registry = getRegistry();
	const example = url.searchParams.get('example');
	const text = example ? readExample(registry, getConfig().questionnairesDir, example) : null;
	return {
		examples: exampleFiles(registry),
		example: text === null ? null : example,
		exampleMissing: example !== null && text === null,
		text: text ?? '',
		maxBytes: PLAYGROUND_MAX_BYTES
	};
};

const field = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

export const actions: Actions = {
	validate: async ({ request, locals, url }) => {
		requireRole(locals, url, ['author', 'admin']);
		const form = await request.formData();
		const text = field(form, 'text');
		const checked = checkPlaygroundText(text, field(form, 'fileName'));
		// A plain form post (no JavaScript) re-renders the page, so it needs the text back.
		const echo = request.headers.has('x-sveltekit-action') ? {} : { text, fileName: field(form, 'fileName') };
		// The validator's findings by their JSON path; a file refused before validation (too large, empty) as one problem of the whole file.
		const problems = checked.ok ? [] : checked.findings.length ? checked.findings : [{ path: '$', message: problemText(checked.error, locals.locale) }];
		if (!checked.ok) return fail(400, { ...echo, valid: false as const, problems, warnings: checked.warnings });
		const q = checked.questionnaire;
		return {
			...echo,
			valid: true as const,
			problems: [],
			warnings: checked.warnings,
			questionnaire: { id: q.id, version: q.version, kind: q.kind, title: localize(q.title, locals.locale), scales: q.scoring?.scales?.length ?? 0 },
			fileName: checked.fileName,
			locales: checked.locales,
			survey: sanitizeSurvey(q.survey)
		};
	},
	score: async ({ request, locals, url }) => {
		requireRole(locals, url, ['author', 'admin']);
		const form = await request.formData();
		const locale = field(form, 'locale') || 'default';
		const r = scorePlayground(field(form, 'text'), field(form, 'answers'), locale, field(form, 'fileName'));
		if (!r.ok) return fail(400, { message: problemText(r.error, locals.locale), problems: r.findings ?? [], errors: r.errors ?? [] });
		return { report: r.value };
	}
};
