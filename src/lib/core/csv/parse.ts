/**
 * An RFC 4180 CSV reader: fields separated by commas, records by CRLF or LF (a lone CR also ends a record),
 * fields optionally enclosed in double quotes, a doubled quote inside a quoted field is one quote, and
 * quoted fields may hold commas and line breaks. A UTF-8 byte-order mark at the start is dropped.
 *
 * Deliberate choices beyond the RFC:
 * - An empty line (nothing between two line breaks) is skipped, so a trailing newline adds no row.
 * - A quote inside an unquoted field is kept literally (`5'10"`), as spreadsheets do.
 * - Text after a closing quote other than a comma or line break (`"ab"c`) is an error.
 * - Rows may have different lengths; checking them against the header is the caller's job.
 *
 * Reference: Shafranovich, Y. (2005). RFC 4180, Common Format and MIME Type for Comma-Separated Values (CSV)
 * Files. https://www.rfc-editor.org/rfc/rfc4180
 */

/** A record and the 1-based line of the file on which it starts. */
export interface CsvRow {
	line: number;
	cells: string[];
}

/** Malformed CSV; `line` is the 1-based line where the problem starts. */
export class CsvError extends Error {
	readonly line: number;
	constructor(message: string, line: number) {
		super(`line ${line}: ${message}`);
		this.name = 'CsvError';
		this.line = line;
	}
}

export interface CsvParser {
	/** Feeds the next piece of text; chunks may split anywhere, even inside a CRLF or a quoted field. */
	push(chunk: string): void;
	/** Flushes the last record; throws `CsvError` if a quoted field is still open. */
	end(): void;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;

/** Where the reader is within a field. */
const START = 0; // at the beginning of a field
const UNQUOTED = 1; // inside an unquoted field
const QUOTED = 2; // inside a quoted field
const QUOTE_SEEN = 3; // just read a quote inside a quoted field: an escaped quote or the closing one

/**
 * Creates an incremental CSV reader that calls `onRow` for every record, in order, with the 1-based line on
 * which the record starts (a quoted line break moves later records down). Memory stays bounded by the
 * longest record, so a CLI can stream files of any size.
 *
 * Grammar (RFC 4180 §2, ABNF): `file = record *(CRLF record) [CRLF]`, `record = field *(COMMA field)`,
 * `field = escaped / non-escaped`, `escaped = DQUOTE *(TEXTDATA / COMMA / CR / LF / 2DQUOTE) DQUOTE`.
 * Reference: RFC 4180, https://www.rfc-editor.org/rfc/rfc4180
 * @example
 * const rows = [];
 * const p = createCsvParser((r) => rows.push(r));
 * p.push('a,"b\n'); p.push('c"\r\nd,e'); p.end();
 * // rows → [{ line: 1, cells: ['a', 'b\nc'] }, { line: 3, cells: ['d', 'e'] }]
 */
export function createCsvParser(onRow: (row: CsvRow) => void): CsvParser {
	let state = START;
	let cells: string[] = [];
	let field = '';
	let line = 1; // physical line of the next character
	let rowLine = 1; // line where the current record started
	let quoteLine = 1; // line where the open quoted field started
	let touched = false; // the current record has consumed at least one character
	let lastWasCR = false; // the previous character was CR (so an LF now completes a CRLF)
	let started = false;
	let ended = false;

	function endField(): void {
		cells.push(field);
		field = '';
	}

	function endRecord(): void {
		endField();
		if (touched) onRow({ line: rowLine, cells });
		cells = [];
		touched = false;
	}

	return {
		push(chunk: string): void {
			if (ended) throw new Error('createCsvParser: push() after end()');
			if (chunk.length === 0) return;
			let i = 0;
			const n = chunk.length;
			if (!started) {
				started = true;
				if (chunk.charCodeAt(0) === BOM) i = 1;
			}
			while (i < n) {
				if (state === QUOTED) {
					const q = chunk.indexOf('"', i);
					const stop = q === -1 ? n : q;
					for (let k = i; k < stop; k++) {
						const d = chunk.charCodeAt(k);
						if (d === LF) {
							if (!lastWasCR) line++;
							lastWasCR = false;
						} else if (d === CR) {
							line++;
							lastWasCR = true;
						} else lastWasCR = false;
					}
					field += chunk.slice(i, stop);
					if (q === -1) return;
					state = QUOTE_SEEN;
					lastWasCR = false;
					i = q + 1;
					continue;
				}
				const c = chunk.charCodeAt(i);
				if (c === CR || c === LF) {
					if (state === UNQUOTED || state === START || state === QUOTE_SEEN) {
						if (c === LF && lastWasCR) {
							// second half of a CRLF: the record already ended at the CR
							lastWasCR = false;
							i++;
							continue;
						}
						endRecord();
						line++;
						rowLine = line;
						lastWasCR = c === CR;
						state = START;
						i++;
						continue;
					}
				}
				lastWasCR = false;
				if (state === QUOTE_SEEN) {
					if (c === QUOTE) {
						field += '"';
						state = QUOTED;
					} else if (c === COMMA) {
						endField();
						state = START;
					} else {
						throw new CsvError(
							`unexpected character ${JSON.stringify(chunk[i])} after a closing quote (a quote inside a quoted field must be doubled: "")`,
							line
						);
					}
					i++;
					continue;
				}
				touched = true;
				if (state === START) {
					if (c === QUOTE) {
						state = QUOTED;
						quoteLine = line;
						i++;
						continue;
					}
					if (c === COMMA) {
						endField();
						i++;
						continue;
					}
					state = UNQUOTED;
				}
				// UNQUOTED: take everything up to the next comma or line break in one slice
				let k = i;
				while (k < n) {
					const d = chunk.charCodeAt(k);
					if (d === COMMA || d === CR || d === LF) break;
					k++;
				}
				field += chunk.slice(i, k);
				i = k;
				if (k < n && chunk.charCodeAt(k) === COMMA) {
					endField();
					state = START;
					i++;
				}
			}
		},

		end(): void {
			if (ended) return;
			ended = true;
			if (state === QUOTED) {
				throw new CsvError('a quoted field is never closed (missing ")', quoteLine);
			}
			if (touched || cells.length > 0) endRecord();
		}
	};
}

/**
 * Parses a whole CSV text: the first record is the header, the others are rows with their 1-based line
 * numbers (the header is line 1). Empty text gives an empty header and no rows.
 *
 * Reference: RFC 4180, https://www.rfc-editor.org/rfc/rfc4180 (see `createCsvParser` for the grammar)
 * @example parseCsv('id,title\r\n1,"Carpenter, joiner"\r\n')
 * // → { header: ['id', 'title'], rows: [{ line: 2, cells: ['1', 'Carpenter, joiner'] }] }
 * @throws {CsvError} when a quoted field is not closed or a closing quote is followed by text
 */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
	const records: CsvRow[] = [];
	const parser = createCsvParser((r) => records.push(r));
	parser.push(text);
	parser.end();
	const [first, ...rows] = records;
	return { header: first ? first.cells : [], rows };
}
