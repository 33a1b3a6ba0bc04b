// A JSON syntax error told as a person reads a file: line and column (both from 1), not V8's
// "at position 1027". Pure: no I/O.

export interface JsonSyntaxError {
	line: number;
	column: number;
	/** The parser's message without its "at position N" / "(line … column …)" tail. */
	reason: string;
}

/** The line and column (from 1) of a character offset in `text`; an offset past the end is the end. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
	const at = Math.max(0, Math.min(offset, text.length));
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < at; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: at - lineStart + 1 };
}

/**
 * Where `JSON.parse(text)` failed, from the error it threw. V8 names a position ("… in JSON at
 * position 11"); an unexpected end names none and is placed just after the last character.
 */
export function jsonSyntaxError(text: string, error: unknown): JsonSyntaxError {
	const message = error instanceof Error ? error.message : String(error);
	const position = /at position (\d+)/.exec(message);
	const offset = position ? Number(position[1]) : text.length;
	const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*in JSON at position \d+/, '').replace(/\s*at position \d+/, '').trim();
	return { ...lineColumnAt(text, offset), reason };
}

/** JSON.parse, or the syntax error with its line and column. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (e) {
		return { ok: false, error: jsonSyntaxError(text, e) };
	}
}
