import type { LocalizedString } from '../questionnaire/types.ts';
import { OPPORTUNITY_KINDS, type OpportunityKind, type OpportunityProblem, type OpportunitySet } from './types.ts';

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

/**
 * Checks an opportunity set's JSON sidecar: `title` (localised), `kind`, `licence`, `scale` `[lo, hi]`
 * with lo < hi, and optionally `id` (must equal `expectedId`, the CSV's file name without `.csv`),
 * `source`, `attribution` (a string or a list), `notices`, `levels` (integer keys → localised labels).
 * Unknown properties are ignored, so sidecars may carry documentation. Every problem names the property.
 *
 * Reference: DESIGN.md §6 (opportunity sets).
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
	return { fields, problems };
}
