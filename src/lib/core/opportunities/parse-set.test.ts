import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseOpportunitySet } from './parse-set.ts';
import type { OpportunityProblem } from './types.ts';

const dir = fileURLToPath(new URL('../../../../opportunities/', import.meta.url));
const load = (id: string) => ({
	csv: readFileSync(dir + id + '.csv', 'utf8'),
	sidecar: JSON.parse(readFileSync(dir + id + '.json', 'utf8')) as unknown
});

const sidecar = { id: 'demo', title: { default: 'Demo', da: 'Demo' }, kind: 'job', licence: 'MIT', scale: [1, 7] };
const HEADER = 'id,title,R,I,A,S,E,C';

function problemsOf(csv: string, side: unknown = sidecar, file = 'demo.csv'): OpportunityProblem[] {
	const r = parseOpportunitySet(csv, side, file);
	if (r.ok) throw new Error('expected problems, got a set');
	return r.problems;
}

describe('parseOpportunitySet: the shipped sets', () => {
	it('reads onet-29-3 with 923 occupations, job zones 1–5, ISCO/ESCO lists and the O*NET attribution', () => {
		const { csv, sidecar } = load('onet-29-3');
		const r = parseOpportunitySet(csv, sidecar, 'onet-29-3.csv');
		if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
		const { set } = r;
		expect(set.opportunities).toHaveLength(923);
		expect(set.scale).toEqual([1, 7]);
		expect(set.licence).toBe('CC BY 4.0');
		expect(set.attribution[0]).toMatch(/^This product includes information from the O\*NET 29\.3 Database .* Spejl has modified all or some of this information\. USDOL\/ETA has not approved, endorsed, or tested these modifications\.$/);
		expect(Object.keys(set.levels ?? {})).toEqual(['1', '2', '3', '4', '5']);
		const dev = set.opportunities.find((o) => o.id === '15-1252.00');
		expect(dev?.title).toBe('Software Developers');
		expect(dev?.url).toBe('https://www.onetonline.org/link/summary/15-1252.00');
		expect(dev?.isco?.every((c) => /^\d{4}$/.test(c))).toBe(true);
		const ceo = set.opportunities[0];
		// first data row of the source file: 11-1011.00 Chief Executives 1.30,3.24,2.08,3.52,6.88,5.00, zone 5
		expect(ceo).toMatchObject({ id: '11-1011.00', riasec: [1.3, 3.24, 2.08, 3.52, 6.88, 5], level: 5 });
		expect(set.opportunities.every((o) => (o.esco?.length ?? 0) <= 5)).toBe(true);
		expect(set.opportunities.filter((o) => o.level === undefined)).toHaveLength(0);
	});

	it('reads the Danish education examples', () => {
		const { csv, sidecar } = load('danish-education-examples');
		const r = parseOpportunitySet(csv, sidecar, 'danish-education-examples.csv');
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		expect(r.set.kind).toBe('education');
		expect(r.set.opportunities.length).toBeGreaterThanOrEqual(10);
		expect(r.set.opportunities.find((o) => o.id === 'tomrer-eud')).toMatchObject({ title: 'Tømrer (EUD)', level: 1 });
		expect(r.set.opportunities.every((o) => o.description)).toBe(true);
	});
});

describe('parseOpportunitySet: valid input', () => {
	it('reads optional columns in any order, lists split on |', () => {
		const csv =
			'title,id,C,E,S,A,I,R,level,url,isco,esco,description\r\n' +
			'"Carpenter, joiner",c1,1,2,3,4,5,6,2,https://example.org/c1, 7115 | 7111 ,http://esco/a|http://esco/b,"Builds things\nwith wood"\r\n' +
			'Minimal,m1,1,1,1,1,1,7,,,,,\r\n';
		const r = parseOpportunitySet(csv, sidecar, 'some/dir/demo.csv');
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		expect(r.set.id).toBe('demo');
		expect(r.set.attribution).toEqual([]);
		expect(r.set.opportunities).toEqual([
			{
				id: 'c1',
				title: 'Carpenter, joiner',
				riasec: [6, 5, 4, 3, 2, 1],
				level: 2,
				url: 'https://example.org/c1',
				isco: ['7115', '7111'],
				esco: ['http://esco/a', 'http://esco/b'],
				description: 'Builds things\nwith wood'
			},
			{ id: 'm1', title: 'Minimal', riasec: [7, 1, 1, 1, 1, 1] }
		]);
	});

	it('accepts values exactly on the scale bounds and a single attribution string', () => {
		const r = parseOpportunitySet(`${HEADER}\na,A,1,7,1,7,1.0,7.00\n`, { ...sidecar, attribution: 'by me' }, 'demo.csv');
		expect(r.ok && r.set.attribution).toEqual(['by me']);
	});
});

describe('parseOpportunitySet: problems name the row and column', () => {
	it.each([
		['missing required column', 'id,title,R,I,A,S,E\nx,X,1,2,3,4,5\n', { row: 1, column: 'C' }],
		['unknown column', `${HEADER},Level\nx,X,1,2,3,4,5,6,2\n`, { row: 1, column: 'Level' }],
		['repeated column', `${HEADER},R\nx,X,1,2,3,4,5,6,1\n`, { row: 1, column: 'R' }],
		['empty id', `${HEADER}\n,X,1,2,3,4,5,6\n`, { row: 2, column: 'id' }],
		['empty title', `${HEADER}\nx, ,1,2,3,4,5,6\n`, { row: 2, column: 'title' }],
		['duplicate id', `${HEADER}\nx,X,1,2,3,4,5,6\ny,Y,1,2,3,4,5,6\nx,Z,1,2,3,4,5,6\n`, { row: 4, column: 'id' }],
		['not a number', `${HEADER}\nx,X,1,2,three,4,5,6\n`, { row: 2, column: 'A' }],
		['empty number', `${HEADER}\nx,X,1,2,3,,5,6\n`, { row: 2, column: 'S' }],
		['decimal comma', `${HEADER}\nx,X,1,2,3,4,"5,5",6\n`, { row: 2, column: 'E' }],
		['above the scale', `${HEADER}\nx,X,1,2,3,4,5,7.01\n`, { row: 2, column: 'C' }],
		['below the scale', `${HEADER}\nx,X,0.99,2,3,4,5,6\n`, { row: 2, column: 'R' }],
		['level not an integer', `${HEADER},level\nx,X,1,2,3,4,5,6,2.5\n`, { row: 2, column: 'level' }],
		['bad url', `${HEADER},url\nx,X,1,2,3,4,5,6,www.example.org\n`, { row: 2, column: 'url' }],
		['bad ISCO code', `${HEADER},isco\nx,X,1,2,3,4,5,6,7115|71a5\n`, { row: 2, column: 'isco' }],
		['wrong number of cells', `${HEADER}\nx,X,1,2,3,4,5\n`, { row: 2 }],
		['unterminated quote', `${HEADER}\nx,"X,1,2,3,4,5,6\n`, { row: 2 }],
		['only a header', `${HEADER}\n`, {}],
		['empty file', '', { row: 1 }]
	] as const)('%s', (_, csv, where) => {
		const problems = problemsOf(csv);
		expect(problems[0]).toMatchObject({ file: 'demo.csv', ...where });
		expect(problems[0].message.length).toBeGreaterThan(5);
	});

	it('reports every bad row, not just the first', () => {
		const problems = problemsOf(`${HEADER}\nx,X,9,2,3,4,5,6\ny,Y,1,2,3,4,5,x\n`);
		expect(problems.map((p) => [p.row, p.column])).toEqual([
			[2, 'R'],
			[3, 'C']
		]);
	});

	it('checks level against the sidecar levels', () => {
		const side = { ...sidecar, levels: { '1': 'EUD', '2': 'Academy' } };
		expect(problemsOf(`${HEADER},level\nx,X,1,2,3,4,5,6,3\n`, side)[0]).toMatchObject({ row: 2, column: 'level' });
	});

	it('stops after 100 problems and says so', () => {
		const rows = Array.from({ length: 150 }, (_, i) => `r${i},T,9,1,1,1,1,1`).join('\n');
		const problems = problemsOf(`${HEADER}\n${rows}\n`);
		expect(problems).toHaveLength(101);
		expect(problems[100].message).toMatch(/stopped after 100/);
	});
});

describe('parseOpportunitySet: sidecar problems', () => {
	const csv = `${HEADER}\nx,X,1,2,3,4,5,6\n`;
	it.each([
		['not an object', [1, 7], undefined],
		['scale reversed', { ...sidecar, scale: [7, 1] }, 'scale'],
		['scale missing', { ...sidecar, scale: undefined }, 'scale'],
		['title missing', { ...sidecar, title: undefined }, 'title'],
		['title without default', { ...sidecar, title: { da: 'x' } }, 'title'],
		['unknown kind', { ...sidecar, kind: 'jobs' }, 'kind'],
		['licence missing', { ...sidecar, licence: '' }, 'licence'],
		['id differs from file name', { ...sidecar, id: 'other' }, 'id'],
		['attribution not strings', { ...sidecar, attribution: [1] }, 'attribution'],
		['level key not an integer', { ...sidecar, levels: { one: 'x' } }, 'levels.one'],
		['level label missing', { ...sidecar, levels: { '1': '' } }, 'levels.1']
	] as const)('%s', (_, side, column) => {
		const problems = problemsOf(csv, side);
		expect(problems[0].file).toBe('demo.json');
		expect(problems[0].column).toBe(column);
	});
});

describe('parseOpportunitySet: work-value columns (O*NET Work Values, extent 1–7)', () => {
	const WV = 'wv_achievement,wv_working_conditions,wv_recognition,wv_relationships,wv_support,wv_independence';

	it('reads the shipped O*NET set: 874 occupations with work values, Chief Executives as in O*NET 29.3', () => {
		const { csv, sidecar } = load('onet-29-3');
		const r = parseOpportunitySet(csv, sidecar, 'onet-29-3.csv');
		if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
		expect(r.set.opportunities.filter((o) => o.workValues).length).toBe(874);
		// Work Values.txt, 11-1011.00, scale EX: 6.33, 6.33, 7.0, 5.0, 5.33, 7.0
		expect(r.set.opportunities.find((o) => o.id === '11-1011.00')!.workValues).toEqual([6.33, 6.33, 7, 5, 5.33, 7]);
	});

	it('accepts rows with all six values or all six empty; sets without the columns have none', () => {
		const r = parseOpportunitySet(`${HEADER},${WV}\na,A,1,2,3,4,5,6,1,2,3.5,4,5,7\nb,B,1,2,3,4,5,6,,,,,,\n`, sidecar, 'demo.csv');
		if (!r.ok) throw new Error(JSON.stringify(r.problems));
		expect(r.set.opportunities[0].workValues).toEqual([1, 2, 3.5, 4, 5, 7]);
		expect(r.set.opportunities[1].workValues).toBeUndefined();
		const plain = parseOpportunitySet(`${HEADER}\na,A,1,2,3,4,5,6\n`, sidecar, 'demo.csv');
		expect(plain.ok && plain.set.opportunities[0].workValues).toBeUndefined();
	});

	it('refuses a value outside 1–7, a half-filled row and a missing work-value column, naming line and column', () => {
		expect(problemsOf(`${HEADER},${WV}\na,A,1,2,3,4,5,6,1,2,3,4,5,8\nb,B,1,2,3,4,5,6,1,,,,,\n`)).toEqual([
			{ file: 'demo.csv', row: 2, column: 'wv_independence', message: 'wv_independence "8" must be a number from 1 to 7 (or all six work-value cells empty)' },
			{ file: 'demo.csv', row: 3, column: 'wv_working_conditions', message: 'wv_working_conditions "" must be a number from 1 to 7 (or all six work-value cells empty)' },
			{ file: 'demo.csv', row: 3, column: 'wv_recognition', message: 'wv_recognition "" must be a number from 1 to 7 (or all six work-value cells empty)' },
			{ file: 'demo.csv', row: 3, column: 'wv_relationships', message: 'wv_relationships "" must be a number from 1 to 7 (or all six work-value cells empty)' },
			{ file: 'demo.csv', row: 3, column: 'wv_support', message: 'wv_support "" must be a number from 1 to 7 (or all six work-value cells empty)' },
			{ file: 'demo.csv', row: 3, column: 'wv_independence', message: 'wv_independence "" must be a number from 1 to 7 (or all six work-value cells empty)' }
		]);
		expect(problemsOf(`${HEADER},wv_achievement\na,A,1,2,3,4,5,6,3\n`)[0]).toEqual({
			file: 'demo.csv',
			row: 1,
			column: 'wv_working_conditions',
			message: 'work-value columns come as six; missing: wv_working_conditions, wv_recognition, wv_relationships, wv_support, wv_independence'
		});
	});
});
