// Migrations on one SQLite file opened by several processes at once (servers started together, a
// cluster). Kysely's SqliteAdapter takes no lock (it assumes one process), so two processes starting
// on a new file would both run the first migration and the second would fail ("table already
// exists"). This adapter takes the lock Kysely leaves to dialects without one of their own: the
// `is_locked` column of Kysely's lock row (kysely_migration_lock), set with one compare-and-set
// UPDATE to the process id of the holder and back to 0 when done. A process killed while holding it
// leaves its id behind; a process that finds the holder gone (no such process on this machine: an
// SQLite file is only shared by processes of one machine) takes the lock over the same way.
// On PostgreSQL, Kysely's own PostgresAdapter holds an advisory lock instead.
import { SqliteAdapter, SqliteDialect, type DialectAdapter, type Kysely, type MigrationLockOptions } from 'kysely';

/** Whether a process with this id exists on this machine. */
function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** How long to wait for another process's migrations before giving up (a start, not a request). */
const WAIT_MS = 5 * 60_000;

class LockingSqliteAdapter extends SqliteAdapter {
	override async acquireMigrationLock(db: Kysely<any>, opt: MigrationLockOptions): Promise<void> {
		const take = async (from: number) => {
			const r = await db
				.updateTable(opt.lockTable)
				.set({ is_locked: process.pid })
				.where('id', '=', opt.lockRowId)
				.where('is_locked', '=', from)
				.executeTakeFirst();
			return Number(r.numUpdatedRows) === 1;
		};
		const giveUp = Date.now() + WAIT_MS;
		for (;;) {
			if (await take(0)) return;
			const row = await db.selectFrom(opt.lockTable).select('is_locked').where('id', '=', opt.lockRowId).executeTakeFirst();
			const holder = Number(row?.is_locked ?? 0);
			if (holder !== 0 && holder !== process.pid && !isAlive(holder) && (await take(holder))) return;
			if (Date.now() > giveUp) throw new Error(`the migrations are locked by process ${holder}, which did not finish within ${WAIT_MS / 1000} s`);
			await new Promise((r) => setTimeout(r, 25));
		}
	}

	override async releaseMigrationLock(db: Kysely<any>, opt: MigrationLockOptions): Promise<void> {
		await db.updateTable(opt.lockTable).set({ is_locked: 0 }).where('id', '=', opt.lockRowId).execute();
	}
}

/** Kysely's SqliteDialect with a migration lock that holds across processes. */
export class LockingSqliteDialect extends SqliteDialect {
	override createAdapter(): DialectAdapter {
		return new LockingSqliteAdapter();
	}
}
