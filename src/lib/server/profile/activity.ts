// When each person last used Spejl (user.last_active_at): the retention job deletes anonymous
// clients and client accounts unused for the configured periods (see retention.ts). Marking
// activity costs a write, so it happens at most once an hour per person and app process.
import type { Db } from '../db';
import { updateUser } from '../repositories/users';

const touched = new Map<string, number>();
const HOUR = 60 * 60 * 1000;

/** Records that the person used Spejl now (inactivity counts from here). */
export async function touchActivity(db: Db, userId: string, now = Date.now()): Promise<void> {
	const last = touched.get(userId);
	if (last !== undefined && now - last < HOUR) return;
	if (touched.size > 100_000) touched.clear();
	touched.set(userId, now);
	await updateUser(db, userId, { last_active_at: new Date(now).toISOString() });
}

/** Forgets a deleted person. */
export function forgetActivity(userId: string): void {
	touched.delete(userId);
}
