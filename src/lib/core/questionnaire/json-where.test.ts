import { describe, expect, it } from 'vitest';
import { jsonErrorMessage, jsonErrorWhere } from './json-where';

describe('jsonErrorWhere', () => {
	it('turns the position of a real syntax error into line and column', () => {
		const text = '{\n  "id": "x",\n  "title": "T"\n  "version": "1"\n}';
		let message = '';
		try {
			JSON.parse(text);
		} catch (e) {
			message = jsonErrorMessage(text, e);
		}
		// The fourth line starts at index 30 ("{\n" 2, '  "id": "x",\n' 13, '  "title": "T"\n' 15); the error is at its first quote, column 3.
		expect(message).toMatch(/at position 32/);
		expect(message).toMatch(/\(line 4,? column 3\)$/);
	});

	it('counts from 1 and says nothing without a position', () => {
		expect(jsonErrorWhere('x', 'Unexpected token x in JSON at position 0')).toEqual({ line: 1, column: 1 });
		expect(jsonErrorWhere('{"a":\n1,\n}', 'at position 9')).toEqual({ line: 3, column: 1 });
		expect(jsonErrorWhere('', 'Unexpected end of JSON input')).toBeNull();
		expect(jsonErrorMessage('', new Error('Unexpected end of JSON input'))).toBe('Unexpected end of JSON input');
	});
});
