import type { Db } from '../db';
import type { InstrumentVersion } from '../db/schema';

/**
 * Returns the id of this exact definition, storing it the first time it is seen (rows are never
 * changed). Safe when several servers start at once on one database: the insert does nothing when
 * another server stored the same (instrument, version, SHA-256) first (the unique constraint
 * `instrument_version_sha` decides), and the row is then read.
 */
export async function ensureInstrumentVersion(
	db: Db,
	v: { instrumentId: string; version: string; sha256: string; definition: string; now: Date }
): Promise<number> {
	const find = () =>
		db
			.selectFrom('instrument_version')
			.select('id')
			.where('instrument_id', '=', v.instrumentId)
			.where('version', '=', v.version)
			.where('sha256', '=', v.sha256)
			.executeTakeFirst();
	const existing = await find();
	if (existing) return existing.id;
	const row = await db
		.insertInto('instrument_version')
		.values({
			instrument_id: v.instrumentId,
			version: v.version,
			sha256: v.sha256,
			definition: v.definition,
			first_loaded_at: v.now.toISOString()
		})
		.onConflict((oc) => oc.columns(['instrument_id', 'version', 'sha256']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (row) return row.id;
	const stored = await find();
	if (!stored) throw new Error(`instrument version ${v.instrumentId} ${v.version} was neither stored nor found`);
	return stored.id;
}

/** Other stored definitions with the same id and version but different content (a version that was not bumped). */
export const findSameVersionOtherContent = (db: Db, instrumentId: string, version: string, sha256: string) =>
	db
		.selectFrom('instrument_version')
		.select(['id', 'sha256'])
		.where('instrument_id', '=', instrumentId)
		.where('version', '=', version)
		.where('sha256', '!=', sha256)
		.execute();

export const findInstrumentVersion = (db: Db, id: number): Promise<InstrumentVersion | undefined> =>
	db.selectFrom('instrument_version').selectAll().where('id', '=', id).executeTakeFirst();

/** Every stored definition (without its JSON), oldest first. */
export const listInstrumentVersionSummaries = (db: Db) =>
	db
		.selectFrom('instrument_version')
		.select(['id', 'instrument_id', 'version', 'sha256', 'first_loaded_at'])
		.orderBy('instrument_id')
		.orderBy('id')
		.execute();

/** The stored versions of one instrument (without their JSON), oldest first. */
export const listInstrumentVersionsOf = (db: Db, instrumentId: string) =>
	db
		.selectFrom('instrument_version')
		.select(['id', 'instrument_id', 'version', 'sha256', 'first_loaded_at'])
		.where('instrument_id', '=', instrumentId)
		.orderBy('id')
		.execute();
