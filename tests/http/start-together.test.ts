// Servers started at the same moment on one new, empty database (a rolling deployment, `replicas: 3`):
// the migrations, the questionnaire versions they store and the first-run state must not trip over
// each other. All three start and serve. On PostgreSQL (TEST_DATABASE_URL) and on one SQLite file.
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';
import { createTestDatabase, testDialect } from '../support/db';
import { Jar } from '../support/jar';

describe('three app servers started at once on an empty database', () => {
	it('all three start, store each questionnaire version once, and serve one first administrator and one client', async () => {
		const { target, drop } = await createTestDatabase({ file: true });
		const started = await Promise.allSettled([0, 1, 2].map(() => startServer({}, { database: target })));
		const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
		try {
			expect(started.map((s) => (s.status === 'fulfilled' ? 'started' : String(s.reason)))).toEqual(['started', 'started', 'started']);
			const name = testDialect() === 'postgres' ? 'PostgreSQL' : 'SQLite';
			for (const s of servers) expect(s.output()).toMatch(new RegExp(`\\[spejl\\] ${name} .*; (\\d+) questionnaires loaded, 0 refused`));
			const db = servers[0].db();
			const versions = await db.selectFrom('instrument_version').select(['id', 'instrument_id']).execute();
			expect(versions.length).toBeGreaterThan(0);
			expect(new Set(versions.map((v) => v.instrument_id)).size).toBe(versions.length);
			const migrations = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
			expect(new Set(migrations.map((m) => (m as { name: string }).name)).size).toBe(migrations.length);

			// The first run, raced on all three: one administrator.
			const setup = await Promise.all(
				servers.map((s, i) => new Jar(s.url).post('/setup', { email: `admin${i}@example.org`, password: 'a long admin password' }))
			);
			expect(setup.map((r) => r.status).sort()).toEqual([303, 403, 403]);
			expect(await db.selectFrom('user').select('email').where('role', '=', 'admin').execute()).toHaveLength(1);

			// One client, registered on one server, takes a questionnaire page on each.
			const email = `together-${crypto.randomUUID()}@example.org`;
			const jar = await new Jar(servers[0].url).register(email);
			for (const s of servers as RunningServer[]) {
				jar.base = s.url;
				const page = await jar.request('/q/riasec-48');
				expect(page.status).toBe(200);
				expect(await page.text()).toContain('name="completionKey"');
			}
		} finally {
			for (const s of servers) await s.stop();
			await drop();
		}
	});
});
