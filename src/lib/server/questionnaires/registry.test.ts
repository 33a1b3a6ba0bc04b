// The registry against real files on disk and a real SQLite database: valid files are served and
// pinned to an immutable stored definition, broken ones are refused alone with JSON-path problems.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../../../../tests/support/db';
import { loadRegistry } from './registry';
import { scanQuestionnaireDir } from './questionnaires';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');
const RIASEC = join(QUESTIONNAIRES, 'riasec-48.json');
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

let dir: string;
let db: Db;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'spejl-registry-'));
	copyFileSync(RIASEC, join(dir, 'riasec-48.json'));
	writeFileSync(join(dir, 'broken.json'), '{ "id": "broken", "version": "1.0.0", ');
	// A copy of riasec-48 whose first scale names an item the survey does not have, and whose second
	// scale's range is backwards.
	const bad = JSON.parse(readFileSync(RIASEC, 'utf8'));
	bad.id = 'bad-scoring';
	bad.scoring.scales[0].items[1] = 'NOPE';
	bad.scoring.scales[1].range = [5, 1];
	writeFileSync(join(dir, 'bad-scoring.json'), JSON.stringify(bad, null, '\t'));
	db = await createTestDb();
	// loadRegistry reports refusals and warnings on the console; keep the test output readable.
	vi.spyOn(console, 'error').mockImplementation(() => {});
	vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
	vi.restoreAllMocks();
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

const versions = () => db.selectFrom('instrument_version').selectAll().orderBy('id').execute();

describe('loadRegistry', () => {
	it('serves the valid file and refuses the broken ones, each problem naming a JSON path', async () => {
		const registry = await loadRegistry(db, dir);
		expect([...registry.instruments.keys()]).toEqual(['riasec-48']);
		expect(registry.refused.map((r) => r.file).sort()).toEqual(['bad-scoring.json', 'broken.json']);

		const broken = registry.refused.find((r) => r.file === 'broken.json')!;
		expect(broken.problems).toHaveLength(1);
		expect(broken.problems[0].path).toBe('$');
		expect(broken.problems[0].message).toMatch(/^Not valid JSON/);

		const bad = registry.refused.find((r) => r.file === 'bad-scoring.json')!;
		const paths = bad.problems.map((p) => p.path);
		expect(paths).toContain('$.scoring.scales[0].items[1]');
		expect(paths).toContain('$.scoring.scales[1].range');
		const unknown = bad.problems.find((p) => p.path === '$.scoring.scales[0].items[1]')!;
		expect(unknown.message).toContain('NOPE');
		// Neither refused file left anything in the database.
		expect((await versions()).map((v) => v.instrument_id)).toEqual(['riasec-48']);
		expect(registry.warnings).toEqual([]);
		// The operator sees each problem on the console, by file and path.
		const logged = vi.mocked(console.error).mock.calls.map((c) => String(c[0]));
		expect(logged).toContainEqual(expect.stringMatching(/^\[questionnaires\] refused broken\.json \$: Not valid JSON/));
		expect(logged).toContainEqual(
			expect.stringMatching(/^\[questionnaires\] refused bad-scoring\.json \$\.scoring\.scales\[0\]\.items\[1\]: .*NOPE/)
		);
	});

	it('stores the definition once, with the sha256 of the file, and reuses it on the next load', async () => {
		const now = new Date('2026-01-02T03:04:05.000Z');
		const first = await loadRegistry(db, dir, now);
		const instrument = first.instruments.get('riasec-48')!;
		const fileHash = sha256(readFileSync(join(dir, 'riasec-48.json')));
		expect(instrument.sha256).toBe(fileHash);

		const rows = await versions();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			id: instrument.versionId,
			instrument_id: 'riasec-48',
			version: '1.1.0',
			sha256: fileHash,
			first_loaded_at: '2026-01-02T03:04:05.000Z'
		});
		const stored = JSON.parse(rows[0].definition);
		expect(stored.id).toBe('riasec-48');
		expect(stored.scoring.scales).toHaveLength(6);

		const second = await loadRegistry(db, dir, new Date('2026-02-01T00:00:00.000Z'));
		expect(second.instruments.get('riasec-48')!.versionId).toBe(instrument.versionId);
		expect(second.warnings).toEqual([]);
		expect(await versions()).toEqual(rows);
	});

	it('warns when the content changed without a version bump, stores a new row and leaves the old one alone', async () => {
		const first = await loadRegistry(db, dir, new Date('2026-01-01T00:00:00.000Z'));
		const before = await versions();
		const oldId = first.instruments.get('riasec-48')!.versionId;

		const changed = JSON.parse(readFileSync(RIASEC, 'utf8'));
		changed.title.default = 'Interests (RIASEC), edited';
		const text = JSON.stringify(changed, null, '\t');
		writeFileSync(join(dir, 'riasec-48.json'), text);

		const second = await loadRegistry(db, dir, new Date('2026-03-01T00:00:00.000Z'));
		expect(second.warnings).toHaveLength(1);
		expect(second.warnings[0]).toContain('riasec-48.json');
		expect(second.warnings[0]).toContain('1.1.0');
		expect(second.warnings[0]).toMatch(/not bumped/);
		expect(vi.mocked(console.warn)).toHaveBeenCalledWith(`[questionnaires] ${second.warnings[0]}`);

		const newId = second.instruments.get('riasec-48')!.versionId;
		expect(newId).not.toBe(oldId);
		const after = await versions();
		expect(after).toHaveLength(2);
		expect(after[0]).toEqual(before[0]);
		expect(after[1]).toMatchObject({
			id: newId,
			instrument_id: 'riasec-48',
			version: '1.1.0',
			sha256: sha256(text),
			first_loaded_at: '2026-03-01T00:00:00.000Z'
		});
		expect(JSON.parse(after[1].definition).title.default).toBe('Interests (RIASEC), edited');
		expect(JSON.parse(after[0].definition).title.default).toBe('Interests (RIASEC)');
	});
});

describe('scanQuestionnaireDir on the shipped questionnaires', () => {
	it('loads every file and refuses none', () => {
		const scan = scanQuestionnaireDir(QUESTIONNAIRES);
		expect(scan.refused).toEqual([]);
		const files = readdirSync(QUESTIONNAIRES).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
		expect(files.length).toBeGreaterThanOrEqual(5);
		expect(scan.loaded.map((l) => l.file)).toEqual(files);
		for (const l of scan.loaded) {
			expect(l.questionnaire.id).toBe(l.file.replace(/\.json$/, ''));
			expect(l.sha256).toBe(sha256(readFileSync(join(QUESTIONNAIRES, l.file))));
		}
	});
});
