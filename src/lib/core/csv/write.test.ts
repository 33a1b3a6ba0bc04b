import { describe, expect, it } from 'vitest';
import { csvCell, csvField, csvLine } from './write.ts';

describe('csvField', () => {
	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['', '']
	])('quotes per RFC 4180: %j → %s', (value, expected) => {
		expect(csvField(value)).toBe(expected);
	});

	it.each([
		['=1+1', "'=1+1"],
		['+45 1234', "'+45 1234"],
		['-2', "'-2"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', `"'\rx"`],
		['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
		['a=b', 'a=b']
	])('disarms a text a spreadsheet would run as a formula: %j → %s', (value, expected) => {
		expect(csvField(value)).toBe(expected);
	});
});

describe('csvCell and csvLine', () => {
	it('writes numbers and booleans as they are, and nothing for null and undefined', () => {
		expect(csvCell(-2.5)).toBe('-2.5');
		expect(csvCell(false)).toBe('false');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvLine(['=x', -1, null, 'a,b', true])).toBe(`'=x,-1,,"a,b",true`);
	});
});
