// `npm run backup` while clients keep completing questionnaires on the real built app: the copy
// passes SQLite's integrity check, holds every completion acknowledged before the backup started
// (with its six scale scores), and a server started on the restored copy signs the clients in and
// shows their results. SQLite only: PostgreSQL is backed up with pg_dump (README).
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db';
import { sql } from 'kysely';
import { testDialect } from '../support/db';
import { Jar, PASSWORD } from '../support/jar';
import { startServer, type RunningServer } from '../support/server';

const sqlite = testDialect() === 'sqlite';
const items = (JSON.parse(readFileSync('questionnaires/riasec-48.json', 'utf8')) as { scoring: { scales: { items: string[] }[] } }).scoring.scales.flatMap(
	(s) => s.items
);
const servers: RunningServer[] = [];
afterAll(async () => {
	for (const s of servers) await s.stop();
});

function backup(dbPath: string, file: string): Promise<{ code: number; out: string }> {
	return new Promise((resolve) => {
		execFile(
			'node_modules/.bin/tsx',
			['scripts/backup.ts', file],
			{ env: { ...process.env, DATABASE_PATH: dbPath, DATABASE_URL: '' } },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr })
		);
	});
}

/** Completes riasec-48 once; the response id when the server acknowledged it. */
async function complete(jar: Jar, n: number): Promise<string | undefined> {
	const answers = Object.fromEntries(items.map((item, i) => [item, 1 + ((i + n) % 5)]));
	const res = await jar.request('/q/riasec-48?/complete', {
		method: 'POST',
		headers: { 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ answers: JSON.stringify(answers) })
	});
	const result = (await res.json()) as { type: string; data: string };
	const data = JSON.parse(result.data) as unknown[]; // devalue: [{ responseId: 1, completed: 2 }, id, true]
	return result.type === 'success' && data[2] === true ? (data[1] as string) : undefined;
}

describe.skipIf(!sqlite)('npm run backup', () => {
	it('copies the live database during writes; the restored copy has every acknowledged completion', async () => {
		const server = await startServer();
		servers.push(server);
		const emails = Array.from({ length: 4 }, (_, i) => `backup-${i}-${crypto.randomUUID().slice(0, 6)}@example.org`);
		const jars = await Promise.all(emails.map((e) => new Jar(server.url).register(e)));
		const acknowledged: string[] = [];
		let stop = false;
		const writers = jars.map(async (jar, c) => {
			for (let n = 0; !stop; n++) {
				const id = await complete(jar, c + n);
				if (id) acknowledged.push(id);
			}
		});
		while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 10));

		const before = [...acknowledged];
		const file = join(server.dir, 'backup.db');
		const result = await backup(server.dbTarget, file);
		const during = acknowledged.length - before.length;
		stop = true;
		await Promise.all(writers);
		expect(result.out).toMatch(/Backed up .* KiB, integrity ok/);
		expect(result.code).toBe(0);
		// The copy, the database and its -wal and -shm files are readable by their owner only, whatever the umask.
		for (const f of [file, server.dbTarget, `${server.dbTarget}-wal`, `${server.dbTarget}-shm`]) expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
		// Writes went on while the backup ran (the script's start-up included).
		expect(during).toBeGreaterThan(0);

		const copy = createDb(file);
		try {
			const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(copy);
			expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
			const completed = new Set(
				(await copy.selectFrom('response').select('id').where('status', '=', 'completed').execute()).map((r) => r.id)
			);
			expect(before.filter((id) => !completed.has(id))).toEqual([]);
			// Each acknowledged completion came with its result: six scale scores for riasec-48.
			const results = await copy.selectFrom('response').select(['id', 'result']).where('id', 'in', before).execute();
			const scales = results.map((r) => (r.result ? (JSON.parse(r.result) as { scales: unknown[] }).scales.length : 0));
			expect(scales.filter((n) => n !== 6)).toEqual([]);
			expect(results).toHaveLength(before.length);
		} finally {
			await copy.destroy();
		}

		// Restore: a new server on a copy of the backup.
		const restoredPath = join(server.dir, 'restored.db');
		copyFileSync(file, restoredPath);
		const restored = await startServer({ DATABASE_PATH: restoredPath });
		servers.push(restored);
		const jar = await new Jar(restored.url).login(emails[0], PASSWORD);
		const profile = await jar.request('/profile');
		expect(profile.status).toBe(200);
		expect(await profile.text()).toContain('Realistic');
	});

	it('refuses to overwrite a file, and says so', async () => {
		const server = servers[0];
		const file = join(server.dir, 'backup.db');
		const again = await backup(server.dbTarget, file);
		expect(again.code).toBe(1);
		expect(again.out).toContain('already exists; choose a new file name. Nothing was written.');
	});
});
