// Questionnaire files may carry raw HTML (SurveyJS `html` elements, `completedHtml` and friends) and
// URLs SurveyJS follows or loads (`navigateToUrl`, `imageLink`). Before a survey reaches any browser,
// every such string is cleaned here with sanitize-html to the allow-list below, and URLs that are not
// http(s), mailto or same-site are dropped. The allow-list is documented in docs/security.md.
import sanitizeHtml from 'sanitize-html';

/** Elements an author may use in questionnaire HTML. Everything else is removed (its text kept). */
export const ALLOWED_TAGS = [
	'p', 'br', 'hr', 'div', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark',
	'abbr', 'code', 'pre', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt',
	'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption', 'a',
	'img'
];

/** Attributes kept per element; `*` applies to all. No `style`, no `id`, no event handlers. */
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
	'*': ['lang', 'dir', 'title', 'class'],
	a: ['href', 'target', 'rel'],
	img: ['src', 'alt', 'width', 'height'],
	th: ['colspan', 'rowspan', 'scope'],
	td: ['colspan', 'rowspan'],
	abbr: ['title'],
	ol: ['start', 'type']
};

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: ALLOWED_ATTRIBUTES,
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: { img: ['http', 'https', 'data'] },
	allowProtocolRelative: false,
	// Script, style and the like go with their content; other refused elements keep their text.
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math'],
	transformTags: {
		// A link that opens elsewhere must not hand the new page a handle on this one.
		a: (tagName, attribs) => ({
			tagName,
			attribs: attribs.target ? { ...attribs, target: '_blank', rel: 'noopener noreferrer' } : attribs
		})
	}
};

/** `html` with everything outside the allow-list removed. */
export const sanitizeQuestionnaireHtml = (html: string): string => sanitizeHtml(html, OPTIONS);

/** Properties whose value is HTML (a string or a `{ default, da, … }` object of strings). */
const HTML_KEYS = new Set(['html', 'completedHtml', 'completedBeforeHtml', 'loadingHtml']);
/** Properties whose value is a URL that SurveyJS navigates to or loads. */
const URL_KEYS = new Set(['navigateToUrl', 'url', 'imageLink', 'imageLinks']);

/** A URL a browser may follow or load from a questionnaire: http(s), mailto, or a same-site path. */
export function isSafeUrl(url: string): boolean {
	const trimmed = url.trim();
	if (trimmed === '') return true;
	// Browsers drop tabs and line breaks and read `\` as `/`, so `java\tscript:` is javascript:.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(trimmed)) return false;
	if (trimmed.startsWith('//')) return false;
	if (trimmed.startsWith('/') || trimmed.startsWith('#') || trimmed.startsWith('?')) return true;
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
	if (!scheme) return !trimmed.includes(':');
	return ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

function cleanHtmlValue(value: unknown): unknown {
	if (typeof value === 'string') return sanitizeQuestionnaireHtml(value);
	if (value && typeof value === 'object' && !Array.isArray(value))
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? sanitizeQuestionnaireHtml(v) : v]));
	return value;
}

function cleanUrlValue(value: unknown): unknown {
	if (typeof value === 'string') return isSafeUrl(value) ? value : '';
	if (value && typeof value === 'object' && !Array.isArray(value))
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && !isSafeUrl(v) ? '' : v]));
	return value;
}

function clean(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(clean);
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (HTML_KEYS.has(key)) out[key] = cleanHtmlValue(value);
		else if (URL_KEYS.has(key)) out[key] = cleanUrlValue(value);
		else out[key] = clean(value);
	}
	return out;
}

const cache = new WeakMap<object, unknown>();

/**
 * A copy of a SurveyJS form with every HTML string cleaned and every unsafe URL emptied. Definitions
 * are immutable once loaded, so each is cleaned once and the copy reused.
 */
export function sanitizeSurvey<T>(survey: T): T {
	if (!survey || typeof survey !== 'object') return survey;
	const hit = cache.get(survey);
	if (hit) return hit as T;
	const cleaned = clean(survey) as T;
	cache.set(survey, cleaned);
	return cleaned;
}
