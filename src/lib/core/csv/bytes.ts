/**
 * The CSV reader of `parse.ts` working on UTF-8 bytes: the same RFC 4180 grammar and the same deliberate
 * choices (empty lines skipped, a quote inside an unquoted field kept, text after a closing quote an error,
 * a leading byte-order mark dropped), but fields are handed over as byte ranges, so a caller can read a
 * number without making a string. Records are only reported once complete: a record cut by the end of a
 * chunk is read again, whole, when the next chunk arrives, so field handlers must only touch per-record state
 * until `endRecord`.
 *
 * Reference: RFC 4180, https://www.rfc-editor.org/rfc/rfc4180
 */
import { CsvError } from './parse.ts';

export interface ByteFieldHandler {
	/** A new record starts (possibly again, after an incomplete try at the end of a chunk). */
	beginRecord(): void;
	/**
	 * Field `index` of the record is `bytes[start, end)`; when `quoted`, those are the bytes between the
	 * quotes, with each doubled quote still doubled (see `fieldText`).
	 */
	field(index: number, bytes: Uint8Array, start: number, end: number, quoted: boolean): void;
	/** The record that started on line `line` is complete and had `fields` fields. */
	endRecord(line: number, fields: number): void;
}

export interface ByteCsvReader {
	/** Reads the complete records of the next chunk; a chunk may split anywhere. */
	push(chunk: Uint8Array): void;
	/** Reads the last record; throws `CsvError` if a quoted field is still open. */
	end(): void;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

const decoder = new TextDecoder();

/**
 * The text of a field from `ByteFieldHandler.field`: UTF-8 decoded (invalid bytes become U+FFFD, as when
 * reading the file as text), doubled quotes of a quoted field made single.
 * @example fieldText(new TextEncoder().encode('a""b'), 0, 4, true) // → 'a"b'
 */
export function fieldText(bytes: Uint8Array, start: number, end: number, quoted: boolean): string {
	let ascii = true;
	for (let i = start; i < end; i++) {
		if (bytes[i] >= 0x80) {
			ascii = false;
			break;
		}
	}
	let text: string;
	if (ascii && end - start <= 64) {
		text = '';
		for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
	} else {
		text = decoder.decode(bytes.subarray(start, end));
	}
	return quoted ? text.replaceAll('""', '"') : text;
}

/** Thrown inside `scan` when the chunk ends before the record does. */
const INCOMPLETE = -1;

/**
 * Creates a byte CSV reader that reports fields and records to `handler`, with the 1-based line on which
 * each record starts (a quoted line break moves later records down), exactly as `createCsvParser` counts.
 * Memory stays bounded by the chunk size and the longest record.
 *
 * @example
 * const r = createByteCsvReader(handler);
 * r.push(new TextEncoder().encode('a,"b\nc"\r\nd')); r.end();
 * // handler.field(0, …'a'…), field(1, …'b\nc'…, quoted), endRecord(1, 2), field(0, …'d'…), endRecord(3, 1)
 */
export function createByteCsvReader(handler: ByteFieldHandler): ByteCsvReader {
	let carry: Uint8Array | null = null;
	let line = 1; // physical line of the next byte
	let lastWasCR = false; // the byte before the current record's first byte was a CR
	let started = false;
	let ended = false;

	/** Line count of bytes[from, to) inside a quoted field; updates lastWasCR-style state locally. */
	function countLines(bytes: Uint8Array, from: number, to: number, cr: boolean): [number, boolean] {
		let lines = 0;
		for (let k = from; k < to; k++) {
			const d = bytes[k];
			if (d === LF) {
				if (!cr) lines++;
				cr = false;
			} else if (d === CR) {
				lines++;
				cr = true;
			} else cr = false;
		}
		return [lines, cr];
	}

	/**
	 * Reads one record starting at `i` (not a line break). Returns the index after its terminating line
	 * break (or `n` at the end of a final chunk), or INCOMPLETE when the chunk ends first.
	 */
	function record(bytes: Uint8Array, i: number, n: number, final: boolean): number {
		const rowLine = line;
		let physical = line; // line of the byte at i
		let field = 0;
		handler.beginRecord();
		for (;;) {
			// at the start of a field
			if (i < n && bytes[i] === QUOTE) {
				const quoteLine = physical;
				let k = i + 1;
				let cr = false;
				let close = -1;
				for (;;) {
					const q = bytes.indexOf(QUOTE, k);
					const stop = q === -1 ? n : q;
					const [lines, after] = countLines(bytes, k, stop, cr);
					physical += lines;
					cr = after;
					if (q === -1) {
						if (!final) return INCOMPLETE;
						throw new CsvError('a quoted field is never closed (missing ")', quoteLine);
					}
					if (q + 1 < n && bytes[q + 1] === QUOTE) {
						cr = false;
						k = q + 2;
						continue;
					}
					if (q + 1 >= n && !final) return INCOMPLETE;
					close = q;
					break;
				}
				handler.field(field++, bytes, i + 1, close, true);
				i = close + 1;
				if (i >= n) break; // end of the final chunk
				const c = bytes[i];
				if (c === COMMA) {
					i++;
					continue;
				}
				if (c === CR || c === LF) break;
				const shown = decoder.decode(bytes.subarray(i, Math.min(n, i + 4)))[0];
				throw new CsvError(
					`unexpected character ${JSON.stringify(shown)} after a closing quote (a quote inside a quoted field must be doubled: "")`,
					physical
				);
			}
			let k = i;
			while (k < n) {
				const d = bytes[k];
				if (d === COMMA || d === CR || d === LF) break;
				k++;
			}
			if (k >= n && !final) return INCOMPLETE;
			handler.field(field++, bytes, i, k, false);
			i = k;
			if (i < n && bytes[i] === COMMA) {
				i++;
				continue;
			}
			break;
		}
		// i is at the record's line break, or at the end of the final chunk
		if (i < n) {
			lastWasCR = bytes[i] === CR;
			i++;
		} else {
			lastWasCR = false;
		}
		line = physical + 1;
		handler.endRecord(rowLine, field);
		return i;
	}

	function scan(bytes: Uint8Array, final: boolean): void {
		let i = 0;
		const n = bytes.length;
		if (!started) {
			if (n < 3 && !final) {
				carry = bytes;
				return;
			}
			started = true;
			if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
		}
		while (i < n) {
			const c = bytes[i];
			if (c === LF && lastWasCR) {
				// second half of a CRLF: the record already ended at the CR
				lastWasCR = false;
				i++;
				continue;
			}
			if (c === CR || c === LF) {
				// an empty line: no record
				line++;
				lastWasCR = c === CR;
				i++;
				continue;
			}
			const next = record(bytes, i, n, final);
			if (next === INCOMPLETE) {
				carry = bytes.subarray(i);
				return;
			}
			i = next;
		}
		carry = null;
	}

	return {
		push(chunk: Uint8Array): void {
			if (ended) throw new Error('createByteCsvReader: push() after end()');
			if (chunk.length === 0) return;
			if (carry === null || carry.length === 0) return scan(chunk, false);
			const joined = new Uint8Array(carry.length + chunk.length);
			joined.set(carry);
			joined.set(chunk, carry.length);
			scan(joined, false);
		},
		end(): void {
			if (ended) return;
			ended = true;
			if (carry !== null && carry.length > 0) scan(carry, true);
		}
	};
}
