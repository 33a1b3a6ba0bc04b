// The instruments this server offers: the valid files of QUESTIONNAIRES_DIR, each pinned to an
// immutable stored version that responses point at.
import type { Db } from '../db';
import type { Questionnaire } from '$lib/core/questionnaire/types';
import {
	ensureInstrumentVersion,
	findSameVersionOtherContent
} from '../repositories/instrument-versions';
import { formatProblems, scanQuestionnaireDir, type RefusedFile } from './questionnaires';

export interface Instrument {
	questionnaire: Questionnaire;
	versionId: number;
	sha256: string;
	file: string;
}

export interface Registry {
	instruments: Map<string, Instrument>;
	refused: RefusedFile[];
	warnings: string[];
}

export async function loadRegistry(db: Db, dir: string, now = new Date()): Promise<Registry> {
	const scan = scanQuestionnaireDir(dir);
	const registry: Registry = { instruments: new Map(), refused: scan.refused, warnings: [] };
	for (const f of scan.loaded) {
		const q = f.questionnaire;
		const clash = await findSameVersionOtherContent(db, q.id, q.version, f.sha256);
		if (clash.length > 0)
			registry.warnings.push(
				`${f.file}: content changed but version ${q.version} was not bumped; stored as a separate definition`
			);
		const versionId = await ensureInstrumentVersion(db, {
			instrumentId: q.id,
			version: q.version,
			sha256: f.sha256,
			definition: JSON.stringify(q),
			now
		});
		registry.instruments.set(q.id, { questionnaire: q, versionId, sha256: f.sha256, file: f.file });
	}
	for (const line of formatProblems(scan.refused)) console.error(`[questionnaires] refused ${line}`);
	for (const w of registry.warnings) console.warn(`[questionnaires] ${w}`);
	return registry;
}
