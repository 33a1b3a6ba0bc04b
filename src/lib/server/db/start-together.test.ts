// Start-up writes from several database handles at once (app servers started together): the
// migrations of an empty database and the questionnaire versions the registry stores. Real SQLite (one
// file, several connections) or PostgreSQL with TEST_DATABASE_URL; tests/http/start-together.test.ts
// starts three real servers.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb, migrateToLatest } from './index';
import { createTestDatabase } from '../../../../tests/support/db';
import { loadRegistry } from '../questionnaires/registry';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');

describe('start-up from several handles at once', () => {
	it('migrates an empty database and stores each questionnaire version once', async () => {
		const { target, drop } = await createTestDatabase({ file: true });
		const handles = [0, 1, 2].map(() => createDb(target, { poolSize: 2, idleTimeoutMs: 1000 }));
		try {
			await Promise.all(handles.map((h) => migrateToLatest(h)));
			const registries = await Promise.all(handles.map((h) => loadRegistry(h, QUESTIONNAIRES)));
			const ids = registries.map((r) => [...r.instruments.values()].map((i) => i.versionId));
			expect(ids[1]).toEqual(ids[0]);
			expect(ids[2]).toEqual(ids[0]);
			const stored = await handles[0].selectFrom('instrument_version').select('id').execute();
			expect(stored.map((s) => s.id).sort()).toEqual([...ids[0]].sort());
			const lock = await handles[0].selectFrom('kysely_migration_lock' as never).selectAll().execute();
			expect(lock).toEqual([{ id: 'migration_lock', is_locked: 0 }]);
		} finally {
			for (const h of handles) await h.destroy();
			await drop();
		}
	});
});
