import { describe, it, expect } from 'vitest';
import { parseCsv, createCsvParser, CsvError, type CsvRow } from './parse.ts';

/** Feeds `text` to the streaming parser in pieces of `size` characters. */
function streamed(text: string, size: number): CsvRow[] {
	const rows: CsvRow[] = [];
	const p = createCsvParser((r) => rows.push(r));
	for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
	p.end();
	return rows;
}

describe('parseCsv', () => {
	it.each([
		['simple LF', 'a,b\n1,2\n', ['a', 'b'], [{ line: 2, cells: ['1', '2'] }]],
		['CRLF', 'a,b\r\n1,2\r\n3,4', ['a', 'b'], [{ line: 2, cells: ['1', '2'] }, { line: 3, cells: ['3', '4'] }]],
		['lone CR ends a record', 'a\r1\r', ['a'], [{ line: 2, cells: ['1'] }]],
		['no trailing newline', 'a\n1', ['a'], [{ line: 2, cells: ['1'] }]],
		['quoted comma', 'a,b\n"x, y",z', ['a', 'b'], [{ line: 2, cells: ['x, y', 'z'] }]],
		['doubled quotes', 'a\n"say ""hi"""', ['a'], [{ line: 2, cells: ['say "hi"'] }]],
		['empty quoted field', 'a,b\n"",x', ['a', 'b'], [{ line: 2, cells: ['', 'x'] }]],
		['empty fields', 'a,b,c\n,,\n', ['a', 'b', 'c'], [{ line: 2, cells: ['', '', ''] }]],
		['trailing comma gives an empty last cell', 'a,b\n1,\n', ['a', 'b'], [{ line: 2, cells: ['1', ''] }]],
		[
			'newline inside quotes moves later line numbers',
			'a,b\n"1\n2",x\r\n"3\r\n4",y\nz,w',
			['a', 'b'],
			[
				{ line: 2, cells: ['1\n2', 'x'] },
				{ line: 4, cells: ['3\r\n4', 'y'] },
				{ line: 6, cells: ['z', 'w'] }
			]
		],
		['BOM is stripped', '\uFEFFid,title\n1,x', ['id', 'title'], [{ line: 2, cells: ['1', 'x'] }]],
		['blank lines are skipped but counted', 'a\n\n1\r\n\r\n2\n', ['a'], [{ line: 3, cells: ['1'] }, { line: 5, cells: ['2'] }]],
		['quote inside an unquoted field is literal', 'a\n5\'10"', ['a'], [{ line: 2, cells: ['5\'10"'] }]],
		['non-ASCII text', 'titel\n"Tømrer, Pædagog"\nÆble', ['titel'], [{ line: 2, cells: ['Tømrer, Pædagog'] }, { line: 3, cells: ['Æble'] }]],
		['empty text', '', [], []],
		['only a header', 'a,b\n', ['a', 'b'], []]
	] as const)('%s', (_, text, header, rows) => {
		expect(parseCsv(text)).toEqual({ header, rows });
	});

	it('throws CsvError with the line of the opening quote for an unterminated quote', () => {
		const text = 'a,b\n1,2\n3,"never\nclosed\n';
		expect(() => parseCsv(text)).toThrow(CsvError);
		try {
			parseCsv(text);
		} catch (e) {
			expect(e).toBeInstanceOf(CsvError);
			expect((e as CsvError).line).toBe(3);
			expect((e as CsvError).message).toMatch(/line 3: .*never closed/);
		}
	});

	it('throws CsvError for text after a closing quote', () => {
		let err: unknown;
		try {
			parseCsv('a\n1\n"ab"c\n');
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(CsvError);
		expect((err as CsvError).line).toBe(3);
	});
});

describe('createCsvParser', () => {
	const text =
		'\uFEFFid,title,note\r\n1,"Tømrer, EUD","line one\r\nline two"\r\n2,"She said ""yes""",x\n\n3,plain,"a,b"\r\n';
	const expected: CsvRow[] = [
		{ line: 1, cells: ['id', 'title', 'note'] },
		{ line: 2, cells: ['1', 'Tømrer, EUD', 'line one\r\nline two'] },
		{ line: 4, cells: ['2', 'She said "yes"', 'x'] },
		{ line: 6, cells: ['3', 'plain', 'a,b'] }
	];

	it('gives the same rows whatever the chunk size (splits inside CRLF, quotes and doubled quotes)', () => {
		for (let size = 1; size <= text.length; size++) {
			expect(streamed(text, size), `chunk size ${size}`).toEqual(expected);
		}
	});

	it('reports rows as soon as they are complete', () => {
		const seen: number[] = [];
		const p = createCsvParser((r) => seen.push(r.line));
		p.push('a\n1\n2');
		expect(seen).toEqual([1, 2]); // the last record may still grow
		p.push('3\n');
		expect(seen).toEqual([1, 2, 3]);
		p.end();
		expect(seen).toEqual([1, 2, 3]);
	});

	it('throws on end() with an open quote, even when it was opened in an earlier chunk', () => {
		const p = createCsvParser(() => {});
		p.push('a\n"open');
		p.push('ed\nmore');
		expect(() => p.end()).toThrow(CsvError);
	});

	it('refuses push() after end()', () => {
		const p = createCsvParser(() => {});
		p.end();
		expect(() => p.push('a')).toThrow(/after end/);
	});

	it('only strips a BOM at the very start', () => {
		expect(streamed('a\n\uFEFFb', 100)).toEqual([
			{ line: 1, cells: ['a'] },
			{ line: 2, cells: ['\uFEFFb'] }
		]);
	});
});
