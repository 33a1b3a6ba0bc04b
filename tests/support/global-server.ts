import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server';

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
	server = await startServer();
	project.provide('baseUrl', server.url);
	project.provide('dbPath', server.dbTarget);
	project.provide('dbTarget', server.dbTarget);
}

export async function teardown() {
	await server?.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** SQLite file of the shared server (only meaningful on SQLite; use dbTarget). */
		dbPath: string;
		/** The shared server's database: a PostgreSQL URL or an SQLite file (tests/support/db.ts openDb). */
		dbTarget: string;
	}
}
