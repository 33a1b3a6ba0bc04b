/**
 * Where in a text a JSON syntax error is, as line and column (both from 1), from the character
 * position that the engine's message gives ("… in JSON at position 1027"); null when the message
 * names no position. Pure. Lines end at "\n" (a "\r" before it counts as part of the line).
 * @example jsonErrorWhere('{\n  "a": 1,\n}', 'Unexpected token } in JSON at position 12') // → { line: 3, column: 1 }
 */
export function jsonErrorWhere(text: string, message: string): { line: number; column: number } | null {
	const m = /at position (\d+)/.exec(message);
	if (!m) return null;
	const pos = Math.min(Number(m[1]), text.length);
	const before = text.slice(0, pos);
	const line = before.split('\n').length;
	const column = pos - (before.lastIndexOf('\n') + 1) + 1;
	return { line, column };
}

/** The engine's message with the line and column added: `… at position 1027 (line 31, column 5)`. */
export function jsonErrorMessage(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	// Newer engines say it themselves ("(line 4 column 3)").
	if (/\bline \d+,? column \d+/.test(message)) return message;
	const where = jsonErrorWhere(text, message);
	return where ? `${message} (line ${where.line}, column ${where.column})` : message;
}
