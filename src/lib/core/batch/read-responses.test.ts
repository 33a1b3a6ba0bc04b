import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../questionnaire/types.ts';
import { parseCsv } from '../csv/parse.ts';
import { BatchError } from './errors.ts';
import { createResponseReader, readResponses } from './read-responses.ts';

const q: Questionnaire = {
	id: 'mini',
	version: '1.0.0',
	kind: 'test',
	title: 'Mini',
	survey: {
		elements: [
			{ type: 'rating', name: 'a1', rateMin: 1, rateMax: 5 },
			{ type: 'rating', name: 'b1', rateMin: 0, rateMax: 4 },
			{ type: 'radiogroup', name: 'c1', choices: [{ value: 1, text: 'low' }, { value: 3, text: 'high' }] },
			{ type: 'dropdown', name: 'fav', choices: ['red', 'blue'] },
			{ type: 'comment', name: 'note', maxLength: 5 },
			{ type: 'checkbox', name: 'many', choices: ['x', 'y'] }
		]
	},
	scoring: { scales: [{ id: 's', title: 'S', items: ['a1', 'b1'], range: [0, 5], method: 'mean' }] }
};

const read = (text: string, lenient = false) => {
	const { header, rows } = parseCsv(text);
	return readResponses(header, rows, q, { lenient });
};

/** The BatchError thrown by `f`, to check its row, column and message. */
function thrown(f: () => unknown): BatchError {
	try {
		f();
	} catch (e) {
		if (e instanceof BatchError) return e;
		throw e;
	}
	throw new Error('expected a BatchError');
}

describe('readResponses', () => {
	it('reads ids, numbers, choices and text; an empty cell is missing', () => {
		const { responses, warnings } = read('id,a1,b1,c1,fav,note\np1,5,0,3,blue,hi\np2,,4,, ,\n');
		expect(responses).toEqual([
			{ id: 'p1', line: 2, answers: { a1: 5, b1: 0, c1: 3, fav: 'blue', note: 'hi' } },
			{ id: 'p2', line: 3, answers: { b1: 4 } }
		]);
		expect(warnings).toEqual([]);
	});

	it('numbers ids r1, r2, … without an id column, in any column order', () => {
		const { responses } = read('b1,a1\n1,2\n3,4\n');
		expect(responses.map((r) => [r.id, r.answers])).toEqual([
			['r1', { b1: 1, a1: 2 }],
			['r2', { b1: 3, a1: 4 }]
		]);
	});

	it('handles a BOM, CRLF line ends and spaces around numbers', () => {
		const { responses } = read('\uFEFFid,a1,b1\r\np1, 3 ,2\r\np2,1,1\r\n');
		expect(responses.map((r) => r.answers)).toEqual([{ a1: 3, b1: 2 }, { a1: 1, b1: 1 }]);
	});

	it.each([
		['unknown column', 'id,a1,zz\np1,1,2\n', 1, 'zz', /unknown column: mini has no question named "zz"/],
		['duplicate column', 'id,a1,b1,a1\np1,1,2,3\n', 1, 'a1', /duplicate column \(also column 2\)/],
		['id not first', 'a1,id\n1,p1\n', 1, 'id', /"id" column must come first/],
		['unnamed column', 'a1,,b1\n1,2,3\n', 1, '#2', /column 2 has no name/],
		['non-CSV question', 'a1,many\n1,x\n', 1, 'many', /checkbox question cannot be read/],
		['non-numeric cell', 'id,a1,b1\np1,1,2\np2,x,2\n', 3, 'a1', /"x" is not a number/],
		['decimal comma', 'id,a1\np1,"3,5"\n', 2, 'a1', /"3,5" is not a number/],
		['hex is not a number', 'id,a1\np1,0x3\n', 2, 'a1', /"0x3" is not a number/],
		['out of range', 'id,a1,b1\np1,1,5\n', 2, 'b1', /"5" is not one of the allowed values 0, 1, 2, 3, 4/],
		['between the allowed values', 'id,c1\np1,2\n', 2, 'c1', /"2" is not one of the allowed values 1, 3/],
		['unknown choice', 'fav\ngreen\n', 2, 'fav', /"green" is not one of the allowed values "red", "blue"/],
		['text too long', 'note\nabcdef\n', 2, 'note', /6 characters; at most 5/],
		['empty id', 'id,a1\n,1\n', 2, 'id', /the id is empty/],
		['duplicate id', 'id,a1\np1,1\np1,2\n', 3, 'id', /duplicate id "p1"/]
	])('%s → error naming line and column', (_, text, row, column, message) => {
		const e = thrown(() => read(text));
		expect(e).toMatchObject({ row, column });
		expect(e.message).toMatch(message);
		expect(e.message).toContain(`line ${row}, column "${column}"`);
	});

	it('a ragged row is an error naming its line, also in lenient mode', () => {
		for (const lenient of [false, true]) {
			const e = thrown(() => read('id,a1,b1\np1,1,2\np2,1\n', lenient));
			expect(e).toMatchObject({ row: 3, column: undefined });
			expect(e.message).toBe('line 3: has 2 cells but the header has 3 columns');
		}
	});

	it('reports the line where a record starts when quoted cells span lines', () => {
		const e = thrown(() => read('id,note,a1\np1,"a\nb",1\np2,,9\n'));
		expect(e).toMatchObject({ row: 4, column: 'a1' });
	});

	it.each([
		['an empty file', '', /the file is empty/],
		['only blank lines', '\n\r\n', /the file is empty/],
		['a header only', 'id,a1\n', /line 1: the file has a header but no responses/]
	])('%s is a clear error', (_, text, message) => {
		expect(() => read(text)).toThrow(message);
	});

	it('lenient: bad cells become missing and are reported; unknown columns are ignored', () => {
		const { responses, warnings } = read('id,a1,zz,b1\np1,x,?,2\np2,7,?,9\np3,2,,3\n', true);
		expect(responses.map((r) => r.answers)).toEqual([{ b1: 2 }, {}, { a1: 2, b1: 3 }]);
		expect(warnings).toEqual([
			{ row: 1, column: 'zz', message: 'unknown column: mini has no question named "zz"; column ignored' },
			{ row: 2, column: 'a1', message: '"x" is not a number; treated as missing' },
			{ row: 3, column: 'a1', message: '"7" is not one of the allowed values 1, 2, 3, 4, 5; treated as missing' },
			{ row: 3, column: 'b1', message: '"9" is not one of the allowed values 0, 1, 2, 3, 4; treated as missing' }
		]);
	});

	it('lenient still refuses duplicate columns', () => {
		expect(() => read('a1,a1\n1,1\n', true)).toThrow(/duplicate column/);
	});
});

describe('createResponseReader', () => {
	it('reads row by row and counts', () => {
		const reader = createResponseReader({ line: 1, cells: ['a1'] }, q);
		expect(() => reader.finish()).toThrow(/no responses/);
		expect(reader.read({ line: 2, cells: ['4'] })).toEqual({ id: 'r1', line: 2, answers: { a1: 4 } });
		expect(reader.read({ line: 3, cells: [''] })).toEqual({ id: 'r2', line: 3, answers: {} });
		expect(reader.count).toBe(2);
		expect(() => reader.finish()).not.toThrow();
	});

	it('treats a question named "id" as a question, not the id column', () => {
		const withId: Questionnaire = { ...q, survey: { elements: [{ type: 'rating', name: 'id' }] } };
		const reader = createResponseReader({ line: 1, cells: ['id'] }, withId);
		expect(reader.read({ line: 2, cells: ['3'] })).toEqual({ id: 'r1', line: 2, answers: { id: 3 } });
	});
});
