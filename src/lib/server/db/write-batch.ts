import type { Db } from './index';

/**
 * Group commit. A write given to `inWriteBatch` is not run at once: the writes that reach this point
 * in the same turn of the event loop, or while the previous batch is being written, are run together
 * in ONE transaction, and each caller's promise settles only after that transaction has committed.
 * Under load (a class submitting at once) this makes one commit, and one lock of the SQLite file, out
 * of many: the commit and the pages above the rows (the B-tree's inner pages, the WAL frame headers)
 * are written once per batch instead of once per row.
 *
 * Durability is the same as for a write run alone: a caller hears of success only when the commit of
 * the transaction holding its write has returned, so whatever it acknowledges is committed (in the
 * WAL, under SQLITE_SYNCHRONOUS as configured; docs/architecture.md, "Completions under load").
 * Nothing is acknowledged from a batch that rolled back.
 *
 * Each job must be ONE statement (atomic by itself), so that it means the same alone as inside the
 * batch; it receives the handle or the batch's transaction to run it on. A job alone is run without a
 * transaction of its own. When a batch fails (one job's statement is refused, the database is busy),
 * it is rolled back as a whole and every job is run again alone, so each caller gets its own outcome
 * and one bad write never fails the others.
 */
/**
 * At most this many writes go into one batch; more waiting start the next one at once. A bound on how
 * long one transaction (and on SQLite the write lock) lasts, and on what one failure makes run again
 * alone, whatever the load.
 */
export const MAX_WRITE_BATCH = 64;

export function inWriteBatch<T>(db: Db, job: (runner: Db) => Promise<T>): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) queues.set(db, (queue = { pending: [], writing: false }));
		queue.pending.push({ job, resolve, reject } as Job<unknown>);
		if (!queue.writing && queue.pending.length === 1) setImmediate(() => void flush(db, queue));
	});
}

interface Job<T> {
	job: (runner: Db) => Promise<T>;
	resolve(value: T): void;
	reject(reason: unknown): void;
}

interface Queue {
	pending: Job<unknown>[];
	/** A batch is being written: jobs arriving now wait for the next one. */
	writing: boolean;
}

const queues = new WeakMap<Db, Queue>();

async function flush(db: Db, queue: Queue): Promise<void> {
	const jobs = queue.pending.splice(0, MAX_WRITE_BATCH);
	queue.writing = true;
	try {
		if (jobs.length === 1) await runAlone(db, jobs[0]);
		else {
			let results: unknown[] | undefined;
			try {
				results = await db.transaction().execute(async (tx) => {
					const out: unknown[] = [];
					for (const { job } of jobs) out.push(await job(tx));
					return out;
				});
			} catch {
				// Rolled back as a whole: nothing of it is stored. Each job on its own says what is wrong with it.
				for (const job of jobs) await runAlone(db, job);
			}
			if (results) jobs.forEach((job, i) => job.resolve(results[i]));
		}
	} finally {
		queue.writing = false;
		if (queue.pending.length > 0) setImmediate(() => void flush(db, queue));
	}
}

async function runAlone(db: Db, { job, resolve, reject }: Job<unknown>): Promise<void> {
	try {
		resolve(await job(db));
	} catch (e) {
		reject(e);
	}
}
