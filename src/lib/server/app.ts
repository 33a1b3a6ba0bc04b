// Process-wide state of the server: the database and the instrument registry, set up once at start.
import { env } from '$env/dynamic/private';
import { createDb, migrateToLatest, type Db } from './db';
import { loadRegistry, type Registry } from './registry';

let state: { db: Db; registry: Registry } | null = null;

export async function startApp(): Promise<void> {
	if (state) return;
	const db = createDb(env.DATABASE_PATH || './data/spejl.db');
	await migrateToLatest(db);
	const registry = await loadRegistry(db, env.QUESTIONNAIRES_DIR || './questionnaires');
	state = { db, registry };
	console.log(
		`[spejl] ${registry.instruments.size} questionnaires loaded, ${registry.refused.length} refused`
	);
}

function current() {
	if (!state) throw new Error('The app has not been started (startApp)');
	return state;
}

export const getDb = (): Db => current().db;
export const getRegistry = (): Registry => current().registry;
