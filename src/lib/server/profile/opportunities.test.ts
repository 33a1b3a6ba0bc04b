// Loading OPPORTUNITIES_DIR: the shipped sets load; a broken set is refused alone with its rows and
// columns named, and the others are still served.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSetProblems, loadOpportunitySets } from './opportunities';

const SHIPPED = resolve(__dirname, '../../../../opportunities');
const SIDECAR = JSON.stringify({ title: 'Local jobs', kind: 'job', licence: 'MIT', scale: [1, 7], levels: { '1': 'Entry' } });

describe('loadOpportunitySets', () => {
	it('loads the shipped sets with O*NET as the default', () => {
		const r = loadOpportunitySets(SHIPPED);
		expect(r.refused).toEqual([]);
		expect([...r.sets.keys()]).toEqual(['danish-education-examples', 'onet-29-3']);
		expect(r.defaultId).toBe('onet-29-3');
		expect(r.sets.get('onet-29-3')!.opportunities).toHaveLength(923);
		expect(r.sets.get('onet-29-3')!.attribution[0]).toContain('CC BY 4.0');
	});

	it('refuses a broken set alone, naming rows and columns, and serves the others', () => {
		const dir = mkdtempSync(join(tmpdir(), 'spejl-opp-'));
		copyFileSync(join(SHIPPED, 'onet-29-3.csv'), join(dir, 'onet-29-3.csv'));
		copyFileSync(join(SHIPPED, 'onet-29-3.json'), join(dir, 'onet-29-3.json'));
		writeFileSync(join(dir, 'broken.csv'), 'id,title,R,I,A,S,E,C,level\na,A,1,2,3,4,5,6,1\nb,B,1,x,3,4,5,9,2\n');
		writeFileSync(join(dir, 'broken.json'), SIDECAR);
		writeFileSync(join(dir, 'lonely.csv'), 'id,title,R,I,A,S,E,C\na,A,1,2,3,4,5,6\n');
		writeFileSync(join(dir, 'badjson.csv'), 'id,title,R,I,A,S,E,C\na,A,1,2,3,4,5,6\n');
		writeFileSync(join(dir, 'badjson.json'), '{ nope');
		const r = loadOpportunitySets(dir);
		expect([...r.sets.keys()]).toEqual(['onet-29-3']);
		expect(r.defaultId).toBe('onet-29-3');
		expect(r.refused.map((x) => x.file)).toEqual(['badjson.csv', 'broken.csv', 'lonely.csv']);
		const lines = formatSetProblems(r.refused);
		expect(lines).toContain('broken.csv line 3, column I: I "x" is not a number (use a point as decimal mark)');
		expect(lines).toContain('broken.csv line 3, column C: C 9 is outside the set\'s scale 1–7');
		expect(lines.some((l) => l.startsWith('broken.csv line 3, column level: level 2 is not one of the sidecar\'s levels'))).toBe(true);
		expect(lines).toContain('lonely.json: the JSON sidecar lonely.json is missing (it names the source, licence and R–C scale)');
		expect(lines.find((l) => l.startsWith('badjson.json: the JSON sidecar is not valid JSON'))).toBeDefined();
	});

	it('gives no sets and one refusal for a missing folder, without throwing', () => {
		const r = loadOpportunitySets('/nonexistent/spejl-opportunities');
		expect(r.sets.size).toBe(0);
		expect(r.defaultId).toBeUndefined();
		expect(formatSetProblems(r.refused)[0]).toMatch(/^\/nonexistent\/spejl-opportunities: cannot read the folder/);
	});
});
