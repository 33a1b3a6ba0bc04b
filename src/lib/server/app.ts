// Process-wide state of the server: the database and the instrument registry, set up once at start.
import { env } from '$env/dynamic/private';
import { createDb, migrateToLatest, type Db } from './db';
import { loadRegistry, type Registry } from './registry';
import { formatSetProblems, loadOpportunitySets, type OpportunitySets } from './opportunities';

let state: { db: Db; registry: Registry; opportunities: OpportunitySets } | null = null;

export async function startApp(): Promise<void> {
	if (state) return;
	const db = createDb(env.DATABASE_PATH || './data/spejl.db');
	await migrateToLatest(db);
	const registry = await loadRegistry(db, env.QUESTIONNAIRES_DIR || './questionnaires');
	// A broken opportunity set is refused alone (logged with its rows and columns); the app still starts.
	const opportunities = loadOpportunitySets(env.OPPORTUNITIES_DIR || './opportunities');
	for (const line of formatSetProblems(opportunities.refused)) console.error(`[opportunities] refused ${line}`);
	state = { db, registry, opportunities };
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
