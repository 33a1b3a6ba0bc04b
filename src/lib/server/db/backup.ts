// A consistent copy of a live SQLite database with SQLite's online backup API (better-sqlite3's
// `backup`), safe while app servers keep writing: in WAL mode the copy reads one snapshot and
// writers are not blocked. Used by `npm run backup` (scripts/backup.ts), so imports stay relative.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { OWNER_ONLY } from './file-mode';
import { dirname, resolve } from 'node:path';

export class BackupError extends Error {}

export interface BackupResult {
	/** Pages in the copy. */
	pages: number;
	/** Bytes per page. */
	pageSize: number;
}

/**
 * Copies the database at `source` to `destination` (a new file) and checks the copy with
 * `PRAGMA integrity_check` before giving it its name. The copy is taken in one backup step: a step
 * of a few pages at a time would start over whenever another process writes, and under steady
 * writes might never finish.
 */
export async function backupSqlite(source: string, destination: string): Promise<BackupResult> {
	if (!existsSync(source)) throw new BackupError(`the database ${source} does not exist`);
	if (resolve(source) === resolve(destination)) throw new BackupError('the backup file must not be the database itself');
	if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name`);
	if (!existsSync(dirname(resolve(destination)))) throw new BackupError(`the folder of ${destination} does not exist`);
	const partial = `${destination}.partial`;
	rmSync(partial, { force: true });
	// Created readable by its owner only (SQLite would make it 0644 less the umask): it holds everyone's answers.
	closeSync(openSync(partial, 'wx', OWNER_ONLY));
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		await db.backup(partial, { progress: () => 0x7fffffff });
	} catch (e) {
		rmSync(partial, { force: true });
		throw new BackupError(`copying failed: ${(e as Error).message}`);
	} finally {
		db.close();
	}
	const copy = new Database(partial);
	let result: BackupResult;
	try {
		const check = copy.pragma('integrity_check') as { integrity_check: string }[];
		if (check.length !== 1 || check[0].integrity_check !== 'ok')
			throw new BackupError(`the copy failed its integrity check: ${check.map((r) => r.integrity_check).join('; ')}`);
		result = { pages: copy.pragma('page_count', { simple: true }) as number, pageSize: copy.pragma('page_size', { simple: true }) as number };
	} catch (e) {
		copy.close();
		rmSync(partial, { force: true });
		throw e;
	}
	copy.close();
	for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
	chmodSync(partial, OWNER_ONLY);
	renameSync(partial, destination);
	return result;
}
