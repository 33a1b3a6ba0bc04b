import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, lineColumnAt, parseJson } from './parse-error';

describe('JSON syntax errors with line and column', () => {
	it('counts lines and columns from 1', () => {
		expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
		expect(lineColumnAt('ab\ncd', 2)).toEqual({ line: 1, column: 3 });
		expect(lineColumnAt('ab\ncd', 3)).toEqual({ line: 2, column: 1 });
		expect(lineColumnAt('ab\ncd', 99)).toEqual({ line: 2, column: 3 });
	});

	it('places a trailing comma on the line of the closing brace (hand-counted)', () => {
		// V8 stops at the "}" that follows the comma: the first character of line 3.
		const text = '{\n  "id": "x",\n}';
		const r = parseJson(text);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.line).toBe(3);
		expect(r.error.column).toBe(1);
		expect(r.error.reason).not.toMatch(/position/);
	});

	it('places a missing comma deep in a file', () => {
		const lines = ['{', '  "pages": [', '    { "name": "p1" }', '    { "name": "p2" }', '  ]', '}'];
		const r = parseJson(lines.join('\n'));
		if (r.ok) throw new Error('parsed');
		expect(r.error).toMatchObject({ line: 4, column: 5 });
	});

	it('puts an unexpected end after the last character', () => {
		const r = parseJson('{\n  "a": [1, 2');
		if (r.ok) throw new Error('parsed');
		expect(r.error).toMatchObject({ line: 2, column: 13 });
		expect(jsonSyntaxError('', new Error('Unexpected end of JSON input'))).toEqual({ line: 1, column: 1, reason: 'Unexpected end of JSON input' });
	});

	it('parses valid JSON', () => {
		expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
	});
});
