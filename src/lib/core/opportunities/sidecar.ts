import type { LocalizedString } from '../questionnaire/types.ts';
import { OPPORTUNITY_KINDS, type OpportunityKind, type OpportunityProblem, type OpportunitySet, type TranslationSource } from './types.ts';

/** The set-level fields that come from the JSON sidecar. */
export type SidecarFields = Omit<OpportunitySet, 'opportunities'>;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A plain non-empty string, or an object of strings with a non-empty `default`. */
export function isLocalizedString(v: unknown): v is LocalizedString {
	if (typeof v === 'string') return v.trim() !== '';
	if (!isRecord(v)) return false;
	return (
		typeof v.default === 'string' &&
		v.default.trim() !== '' &&
		Object.values(v).every((x) => typeof x === 'string')
	);
}

function isStringList(v: unknown): v is string[] {
	return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');
}

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

/** The sidecar's `translations` block, checked; undefined when absent or wrong (problems are reported). */
function parseTranslations(
	v: unknown,
	problem: (column: string, message: string) => void
): Record<string, TranslationSource> | undefined {
	if (v === undefined) return undefined;
	if (!isRecord(v)) {
		problem('translations', 'translations must be an object: locale → { "source", "licence", "attribution" }');
		return undefined;
	}
	const out: Record<string, TranslationSource> = {};
	for (const [locale, t] of Object.entries(v)) {
		const at = `translations.${locale}`;
		if (!LOCALE.test(locale)) problem(at, `"${locale}" is not a language code such as "da"`);
		if (!isRecord(t)) {
			problem(at, `${at} must be an object with "source" and "licence"`);
			continue;
		}
		if (typeof t.source !== 'string' || t.source.trim() === '') problem(`${at}.source`, `${at}.source is required: where the translated columns come from`);
		if (typeof t.licence !== 'string' || t.licence.trim() === '') problem(`${at}.licence`, `${at}.licence is required`);
		const attribution = t.attribution === undefined ? [] : typeof t.attribution === 'string' ? [t.attribution] : t.attribution;
		if (!isStringList(attribution)) problem(`${at}.attribution`, `${at}.attribution must be a string or a list of strings`);
		out[locale] = { source: String(t.source), licence: String(t.licence), attribution: attribution as string[] };
	}
	return out;
}

/**
 * Checks an opportunity set's JSON sidecar: `title` (localised), `kind`, `licence`, `scale` `[lo, hi]`
 * with lo < hi, and optionally `id` (must equal `expectedId`, the CSV's file name without `.csv`),
 * `source`, `attribution` (a string or a list), `notices`, `levels` (integer keys → localised labels),
 * `levelDescriptions` (level key → localised plain-words description of the preparation it means),
 * `translations` (locale → `{ source, licence, attribution? }`: where the `title_<locale>` and
 * `description_<locale>` columns come from), `illustrative` (true: example data, not offered to clients unless
 * the operator turns ILLUSTRATIVE_DATA on).
 * Unknown properties are ignored, so sidecars may carry documentation. Every problem names the property.
 *
 * Reference: docs/opportunity-sets.md (opportunity sets).
 * @example parseSidecar({ title: 'Demo', kind: 'job', licence: 'MIT', scale: [1, 7] }, 'demo', 'demo.json')
 * // → { fields: { id: 'demo', title: 'Demo', kind: 'job', licence: 'MIT', attribution: [], scale: [1, 7] }, problems: [] }
 */
export function parseSidecar(
	sidecar: unknown,
	expectedId: string,
	file: string
): { fields?: SidecarFields; problems: OpportunityProblem[] } {
	const problems: OpportunityProblem[] = [];
	const problem = (column: string, message: string) => problems.push({ file, column, message });
	if (!isRecord(sidecar)) {
		return { problems: [{ file, message: 'the sidecar must be a JSON object' }] };
	}
	const s = sidecar;
	if (s.id !== undefined && s.id !== expectedId) {
		problem('id', `id ${JSON.stringify(s.id)} does not match the file name (expected "${expectedId}")`);
	}
	if (!isLocalizedString(s.title)) {
		problem('title', 'title is required: a string, or an object of strings with a "default"');
	}
	if (!OPPORTUNITY_KINDS.includes(s.kind as OpportunityKind)) {
		problem('kind', `kind must be one of ${OPPORTUNITY_KINDS.join(', ')}`);
	}
	if (typeof s.licence !== 'string' || s.licence.trim() === '') {
		problem('licence', 'licence is required (e.g. "CC BY 4.0")');
	}
	if (s.source !== undefined && typeof s.source !== 'string') problem('source', 'source must be a string');
	const attribution =
		s.attribution === undefined ? [] : typeof s.attribution === 'string' ? [s.attribution] : s.attribution;
	if (!isStringList(attribution)) problem('attribution', 'attribution must be a string or a list of strings');
	if (s.notices !== undefined && !isStringList(s.notices)) problem('notices', 'notices must be a list of strings');
	const scale = s.scale;
	const scaleOk =
		Array.isArray(scale) &&
		scale.length === 2 &&
		scale.every((x) => typeof x === 'number' && Number.isFinite(x)) &&
		scale[0] < scale[1];
	if (!scaleOk) problem('scale', 'scale must be [lowest, highest], two numbers with lowest < highest');
	if (s.levels !== undefined) {
		if (!isRecord(s.levels)) problem('levels', 'levels must be an object: level number → label');
		else {
			for (const [key, label] of Object.entries(s.levels)) {
				if (!/^-?\d+$/.test(key)) problem(`levels.${key}`, `level key "${key}" is not an integer`);
				if (!isLocalizedString(label)) problem(`levels.${key}`, `level ${key} needs a label (string or localised object)`);
			}
		}
	}
	if (s.levelDescriptions !== undefined) {
		if (!isRecord(s.levelDescriptions)) problem('levelDescriptions', 'levelDescriptions must be an object: level number → description');
		else {
			for (const [key, text] of Object.entries(s.levelDescriptions)) {
				if (!isRecord(s.levels) || !(key in s.levels)) problem(`levelDescriptions.${key}`, `level ${key} is not one of the levels`);
				if (!isLocalizedString(text)) problem(`levelDescriptions.${key}`, `level ${key} needs a description (string or localised object)`);
			}
		}
	}
	if (s.illustrative !== undefined && typeof s.illustrative !== 'boolean') problem('illustrative', 'illustrative must be true or false');
	const translations = parseTranslations(s.translations, problem);
	if (problems.length > 0) return { problems };
	const fields: SidecarFields = {
		id: expectedId,
		title: s.title as LocalizedString,
		kind: s.kind as OpportunityKind,
		licence: s.licence as string,
		attribution: attribution as string[],
		scale: [(scale as number[])[0], (scale as number[])[1]]
	};
	if (typeof s.source === 'string') fields.source = s.source;
	if (s.notices !== undefined) fields.notices = s.notices as string[];
	if (s.levels !== undefined) fields.levels = s.levels as Record<string, LocalizedString>;
	if (s.levelDescriptions !== undefined) fields.levelDescriptions = s.levelDescriptions as Record<string, LocalizedString>;
	if (translations) fields.translations = translations;
	if (s.illustrative === true) fields.illustrative = true;
	return { fields, problems };
}
