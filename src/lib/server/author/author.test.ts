// The author overview from a real folder (shipped files plus a broken copy) and a real database.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { loadRegistry } from '../questionnaires/registry';
import { insertUser } from '../repositories/users';
import { insertResponse } from '../repositories/responses';
import { authorOverview, questionnaireLocales } from './author';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');
let dir: string;
let db: Db;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'spejl-author-'));
	for (const f of ['riasec-48.json', 'work-values.json']) copyFileSync(join(QUESTIONNAIRES, f), join(dir, f));
	const bad = JSON.parse(readFileSync(join(QUESTIONNAIRES, 'work-values.json'), 'utf8'));
	bad.id = 'bad-values';
	bad.scoring.scales[0].reverse = ['SE9'];
	writeFileSync(join(dir, 'bad-values.json'), JSON.stringify(bad));
	db = await createTestDb();
	vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
	vi.restoreAllMocks();
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

describe('authorOverview', () => {
	it('lists served and refused files, languages, and completed responses per version', async () => {
		const registry = await loadRegistry(db, dir);
		const versionId = registry.instruments.get('work-values')!.versionId;
		for (const [i, status] of (['completed', 'completed', 'in_progress'] as const).entries()) {
			const userId = `u${i}`;
			await insertUser(db, { id: userId, email: `${userId}@example.org`, password_hash: 'x', role: 'client', display_name: null, locale: null, created_at: '2026-01-01T00:00:00Z' });
			await insertResponse(db, { id: `r${i}`, user_id: userId, instrument_id: 'work-values', instrument_version_id: versionId, status, answers: '{}', current_page: 0, result: null, started_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', completed_at: status === 'completed' ? '2026-01-01T00:10:00Z' : null });
		}
		const o = await authorOverview(db, registry);
		expect(o.instruments.map((i) => [i.id, i.version, i.kind, i.locales.join(' '), i.file])).toEqual([
			['riasec-48', '1.1.0', 'test', 'default da', 'riasec-48.json'],
			['work-values', '1.0.0', 'self-evaluation', 'default da', 'work-values.json']
		]);
		expect(o.instruments[1].versions).toEqual([{ version: '1.0.0', sha: registry.instruments.get('work-values')!.sha256.slice(0, 12), completed: 2, current: true }]);
		expect(o.instruments[0].versions[0].completed).toBe(0);
		expect(o.refused).toEqual([
			{ file: 'bad-values.json', problems: [{ path: '$.scoring.scales[0].reverse[0]', message: expect.stringContaining('SE9') }] }
		]);
	});
});

describe('questionnaireLocales', () => {
	it('finds locales in title, description and anywhere in the survey, default first', () => {
		expect(questionnaireLocales({ title: 'T', survey: { elements: [{ type: 'text', name: 'a', title: { default: 'A', sv: 'A', de: 'A' } }] } })).toEqual(['default', 'de', 'sv']);
		expect(questionnaireLocales({ title: { default: 'T', da: 'T' }, description: 'plain', survey: { elements: [] } })).toEqual(['default', 'da']);
		expect(questionnaireLocales({ title: 'T', survey: {} })).toEqual(['default']);
	});
});
