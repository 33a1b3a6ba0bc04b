import { sql } from 'kysely';
import type { Db } from '../db';

/**
 * SQLite only: copies every page of the write-ahead log into the database file and truncates the log
 * to zero bytes (`wal_checkpoint(TRUNCATE)`). False when a busy reader kept it from finishing.
 */
export async function truncateWriteAheadLog(db: Db): Promise<boolean> {
	const { rows } = await sql<{ busy: number; log: number; checkpointed: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
	return rows[0]?.busy === 0;
}
