// Process-wide state of the server: the configuration, the database and the instrument registry,
// set up once at start. The database is closed when the server shuts down.
import { env } from '$env/dynamic/private';
import { createDb, migrateToLatest, type Db } from './db';
import { describeDatabase, readConfig, type Config } from './config';
import { loadRegistry, type Registry } from './questionnaires/registry';
import { formatSetProblems, loadOpportunitySets, type OpportunitySets } from './profile/opportunities';
import { formatTableProblems, loadLabourMarketTables, type LabourMarketTables } from './profile/labour-market';
import { holdBackIllustrative } from './profile/illustrative';
import { startRetentionJob } from './account/retention';
import { useSessionPolicy, type SessionPolicy } from './account/auth';
import { useThrottlePolicy } from './throttle-policy';

let state: { config: Config; db: Db; registry: Registry; opportunities: OpportunitySets; labourMarket: LabourMarketTables } | null = null;

export async function startApp(): Promise<void> {
	if (state) return;
	// Read first: a bad setting stops the start before anything is opened.
	const config = readConfig(env);
	useSessionPolicy(config.session);
	useThrottlePolicy(config.throttle);
	const db =
		config.database.kind === 'postgres'
			? createDb(config.database.url, { poolSize: config.database.poolSize })
			: createDb(config.database.path, { synchronous: config.database.synchronous });
	await migrateToLatest(db);
	const registry = await loadRegistry(db, config.questionnairesDir);
	// A broken opportunity set is refused alone (logged with its rows and columns); the app still starts.
	const opportunities = loadOpportunitySets(config.opportunitiesDir);
	for (const line of formatSetProblems(opportunities.refused)) console.error(`[opportunities] refused ${line}`);
	const labourMarket = loadLabourMarketTables(config.labourMarketDir);
	for (const line of formatTableProblems(labourMarket.refused)) console.error(`[labour-market] refused ${line}`);
	// Example data is not offered to clients unless the operator chooses it (ILLUSTRATIVE_DATA=1).
	if (!config.illustrativeData) {
		const held = holdBackIllustrative(opportunities, labourMarket);
		for (const id of [...held.sets, ...held.tables]) console.log(`[spejl] ${id} is illustrative example data: not offered to clients (ILLUSTRATIVE_DATA=1 offers it)`);
	}
	state = { config, db, registry, opportunities, labourMarket };
	const cleanup = startRetentionJob(db, {
		anonymousDays: config.anonymousRetentionDays,
		clientDays: config.clientRetentionDays,
		auditDays: config.auditRetentionDays,
		sessionIdleMs: config.session.idleMs
	});
	// adapter-node emits this once the HTTP server has closed (SIGTERM or SIGINT): nothing uses the
	// database after it.
	process.once('sveltekit:shutdown', () => {
		clearInterval(cleanup);
		void db.destroy().catch((e) => console.error('[spejl] closing the database failed', e));
	});
	console.log(
		`[spejl] ${describeDatabase(config.database)}; ` +
			`${registry.instruments.size} questionnaires loaded, ${registry.refused.length} refused; ` +
			`${opportunities.sets.size} opportunity sets loaded, ${opportunities.refused.length} refused; ` +
			`${labourMarket.tables.length} labour-market tables loaded, ${labourMarket.refused.length} refused`
	);
}

function current() {
	if (!state) throw new Error('The app has not been started (startApp)');
	return state;
}

export const getConfig = (): Config => current().config;
export const getDb = (): Db => current().db;
export const getRegistry = (): Registry => current().registry;
export const getOpportunitySets = (): OpportunitySets => current().opportunities;
export const getLabourMarket = (): LabourMarketTables => current().labourMarket;

/** ANONYMOUS_RETENTION_DAYS: days without use before an anonymous client is deleted. */
export const anonymousRetentionDays = (): number => current().config.anonymousRetentionDays;

export const getSessionPolicy = (): SessionPolicy => current().config.session;

export const getTimeZone = (): string => current().config.timeZone;
/** What the profile export reads besides the database (profile/export.ts). */
export const getExportSources = () => ({ registry: getRegistry(), opportunities: getOpportunitySets(), timeZone: getTimeZone() });

/** RESET_LINK_HOURS: how long an administrator's password reset link works. */
export const resetLinkHours = (): number => current().config.resetLinkHours;
/** Whether staff must turn on two-factor sign-in (REQUIRE_TOTP_FOR_STAFF). */
export const requireTotpForStaff = (): boolean => current().config.requireTotpForStaff;
