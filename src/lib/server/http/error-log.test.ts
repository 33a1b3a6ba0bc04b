// Client errors are one warning line without a stack; server errors keep their stack; 404s are quiet.
import { describe, expect, it } from 'vitest';
import { logFailedRequest, oneLine } from './error-log';

function capture() {
	const lines: { level: 'warn' | 'error'; line: string; error?: unknown }[] = [];
	return {
		lines,
		sink: {
			warn: (line: string) => void lines.push({ level: 'warn', line }),
			error: (line: string, error: unknown) => void lines.push({ level: 'error', line, error })
		}
	};
}

describe('logFailedRequest', () => {
	it('logs a client error as one warning line with method, route, status and message, and no stack', () => {
		const { lines, sink } = capture();
		const thrown = new Error('POST method not allowed. No form actions exist for this page');
		logFailedRequest('POST', '/privacy', 405, thrown, sink);
		logFailedRequest('POST', '/login', 415, 'Forms must be sent as\nurlencoded', sink);
		expect(lines).toEqual([
			{ level: 'warn', line: '[warn] POST /privacy (405): POST method not allowed. No form actions exist for this page' },
			{ level: 'warn', line: '[warn] POST /login (415): Forms must be sent as urlencoded' }
		]);
		expect(lines.map((l) => l.line).join('\n')).not.toContain(' at ');
	});

	it('keeps the stack of a server error, and says nothing of a 404', () => {
		const { lines, sink } = capture();
		const fault = new Error('database is locked');
		logFailedRequest('GET', '/profile', 500, fault, sink);
		logFailedRequest('GET', '/nowhere', 404, new Error('Not found: /nowhere'), sink);
		expect(lines).toEqual([{ level: 'error', line: '[error] GET /profile (500):', error: fault }]);
	});

	it('cannot be made long or multi-line by the client', () => {
		expect(oneLine(`a\r\nb\u0000c${'x'.repeat(500)}`)).toBe(`a b c${'x'.repeat(195)}…`);
		const { lines, sink } = capture();
		logFailedRequest('POST', '/login\n[error] forged', 400, 'x', sink);
		expect(lines[0].line).toBe('[warn] POST /login [error] forged (400): x');
	});
});
