// The author workspace's overview: every questionnaire file found on disk (served or refused), the
// languages it speaks and how many completed responses each stored version has.
import type { LocalizedString, QuestionnaireProblem, Questionnaire } from '$lib/core/questionnaire/types';
import type { Db } from '../db';
import type { Registry } from '../questionnaires/registry';
import { listInstrumentVersionSummaries } from '../repositories/instrument-versions';
import { countCompletedByVersion } from '../repositories/responses';

export interface VersionCount {
	version: string;
	/** First 12 hex digits of the definition's SHA-256: tells apart two definitions with one version. */
	sha: string;
	completed: number;
	current: boolean;
}

export interface InstrumentOverview {
	id: string;
	file: string;
	version: string;
	kind: Questionnaire['kind'];
	title: LocalizedString;
	locales: string[];
	versions: VersionCount[];
}

export interface RefusedOverview {
	file: string;
	problems: QuestionnaireProblem[];
}

/** A SurveyJS localisable string object: `default` plus locale keys, every value a string. */
function isLocalized(value: Record<string, unknown>): boolean {
	const entries = Object.entries(value);
	return 'default' in value && entries.length > 0 && entries.every(([, v]) => typeof v === 'string');
}

function collect(value: unknown, into: Set<string>) {
	if (value === null || typeof value !== 'object') return;
	if (Array.isArray(value)) return value.forEach((v) => collect(v, into));
	const obj = value as Record<string, unknown>;
	if (isLocalized(obj)) {
		for (const k of Object.keys(obj)) into.add(k === 'default' ? 'default' : k);
		return;
	}
	for (const v of Object.values(obj)) collect(v, into);
}

/**
 * The locales a questionnaire has texts in (keys of its localisable strings in title, description and
 * survey), `default` first, then alphabetically. A questionnaire of plain strings has only `default`.
 */
export function questionnaireLocales(q: Pick<Questionnaire, 'title' | 'description' | 'survey'>): string[] {
	const found = new Set<string>(['default']);
	collect(q.title, found);
	collect(q.description, found);
	collect(q.survey, found);
	found.delete('default');
	return ['default', ...[...found].sort()];
}

/** Every instrument on disk with its stored versions and their completed-response counts, plus refused files. */
export async function authorOverview(
	db: Db,
	registry: Registry
): Promise<{ instruments: InstrumentOverview[]; refused: RefusedOverview[] }> {
	const [versions, counts] = await Promise.all([listInstrumentVersionSummaries(db), countCompletedByVersion(db)]);
	const countOf = new Map(counts.map((c) => [c.instrument_version_id, Number(c.n)]));
	const instruments = [...registry.instruments.values()]
		.map(({ questionnaire: q, file, versionId }): InstrumentOverview => ({
			id: q.id,
			file,
			version: q.version,
			kind: q.kind,
			title: q.title,
			locales: questionnaireLocales(q),
			versions: versions
				.filter((v) => v.instrument_id === q.id)
				.map((v) => ({
					version: v.version,
					sha: v.sha256.slice(0, 12),
					completed: countOf.get(v.id) ?? 0,
					current: v.id === versionId
				}))
		}))
		.sort((a, b) => a.id.localeCompare(b.id));
	const refused = registry.refused.map((r) => ({ file: r.file, problems: r.problems }));
	return { instruments, refused };
}
