// Process-wide state of the server: the database and the instrument registry, set up once at start.
import { env } from '$env/dynamic/private';
import { createDb, migrateToLatest, type Db } from './db';
import { loadRegistry, type Registry } from './registry';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../time';
import { formatSetProblems, loadOpportunitySets, type OpportunitySets } from './opportunities';
import { DEFAULT_ANONYMOUS_RETENTION_DAYS, deleteInactiveAnonymous } from './anonymous';
import { sessionPolicy, sessionPolicyFrom, useSessionPolicy, type SessionPolicy } from './auth';

let state: { db: Db; registry: Registry; opportunities: OpportunitySets; timeZone: string } | null = null;

export async function startApp(): Promise<void> {
	if (state) return;
	// Read first: a bad setting stops the start before anything is opened.
	useSessionPolicy(sessionPolicyFrom(env));
	const db = createDb(env.DATABASE_PATH || './data/spejl.db');
	await migrateToLatest(db);
	const registry = await loadRegistry(db, env.QUESTIONNAIRES_DIR || './questionnaires');
	// A broken opportunity set is refused alone (logged with its rows and columns); the app still starts.
	const opportunities = loadOpportunitySets(env.OPPORTUNITIES_DIR || './opportunities');
	for (const line of formatSetProblems(opportunities.refused)) console.error(`[opportunities] refused ${line}`);
	// Every timestamp is shown in this zone (see $lib/time); a zone the runtime does not know is reported.
	const zone = env.TIME_ZONE || DEFAULT_TIME_ZONE;
	const timeZone = isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
	if (timeZone !== zone) console.error(`[spejl] TIME_ZONE "${zone}" is not a known IANA time zone; using ${DEFAULT_TIME_ZONE}`);
	state = { db, registry, opportunities, timeZone };
	startAnonymousCleanup(db, anonymousRetentionDays());
	console.log(
		`[spejl] ${registry.instruments.size} questionnaires loaded, ${registry.refused.length} refused; ` +
			`${opportunities.sets.size} opportunity sets loaded, ${opportunities.refused.length} refused`
	);
}

function current() {
	if (!state) throw new Error('The app has not been started (startApp)');
	return state;
}

export const getDb = (): Db => current().db;
export const getRegistry = (): Registry => current().registry;
export const getOpportunitySets = (): OpportunitySets => current().opportunities;

/** ANONYMOUS_RETENTION_DAYS: days without use before an anonymous client is deleted (default 180). */
export function anonymousRetentionDays(value = env.ANONYMOUS_RETENTION_DAYS): number {
	if (value === undefined || value === '') return DEFAULT_ANONYMOUS_RETENTION_DAYS;
	const days = Number(value);
	if (!Number.isFinite(days) || days <= 0)
		throw new Error(`ANONYMOUS_RETENTION_DAYS must be a positive number of days, not "${value}"`);
	return days;
}

/** Runs the deletion of inactive anonymous clients at start and then every day. */
function startAnonymousCleanup(db: Db, days: number) {
	const run = () =>
		deleteInactiveAnonymous(db, days)
			.then((n) => n > 0 && console.log(`[spejl] deleted ${n} anonymous clients unused for ${days} days`))
			.catch((e) => console.error('[spejl] deleting inactive anonymous clients failed', e));
	void run();
	setInterval(run, 24 * 60 * 60 * 1000).unref();
}
export const getSessionPolicy = (): SessionPolicy => sessionPolicy();

export const getTimeZone = (): string => current().timeZone;
