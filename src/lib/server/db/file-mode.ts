// Database files and backups hold everyone's answers: they are created readable by their owner only.
// Imported by the database (./index.ts) and by `npm run backup` (./backup.ts, relative imports).
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Read and write for the owner only (rw-------): the database holds everyone's answers. */
export const OWNER_ONLY = 0o600;

/**
 * Makes the SQLite file `target` readable by its owner only before SQLite opens it: a new file is
 * created with mode 0600 (a new folder 0700), an existing one (and its -wal and -shm files) is set
 * to 0600. SQLite creates the -wal and -shm files with the mode of the database file, so they are
 * 0600 too, whatever the umask.
 */
export function ownerOnlyFile(target: string): void {
	mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
	if (!existsSync(target)) closeSync(openSync(target, 'a', OWNER_ONLY));
	for (const file of [target, `${target}-wal`, `${target}-shm`]) if (existsSync(file)) tighten(file);
}

/** Sets `file` to 0600; a file of another user (EPERM: its owner decides) is left as it is. */
function tighten(file: string): void {
	try {
		chmodSync(file, OWNER_ONLY);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e;
	}
}
