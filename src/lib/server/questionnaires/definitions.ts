// The one way to read a stored questionnaire definition. Rows of instrument_version are written once
// and never changed, so each definition is read and parsed once per database and then shared.
import type { Questionnaire } from '$lib/core/questionnaire/types';
import type { Db } from '../db';
import { findInstrumentVersion } from '../repositories/instrument-versions';

const cache = new WeakMap<Db, Map<number, Promise<Questionnaire>>>();

/** The definition stored as instrument version `versionId` (parsed once, then cached). */
export function loadDefinition(db: Db, versionId: number): Promise<Questionnaire> {
	let definitions = cache.get(db);
	if (!definitions) cache.set(db, (definitions = new Map()));
	let q = definitions.get(versionId);
	if (!q) {
		q = findInstrumentVersion(db, versionId).then((v) => {
			if (!v) throw new Error(`instrument version ${versionId} is missing`);
			return JSON.parse(v.definition) as Questionnaire;
		});
		// A failed read is not remembered: the next call tries again.
		q.catch(() => definitions.delete(versionId));
		definitions.set(versionId, q);
	}
	return q;
}
