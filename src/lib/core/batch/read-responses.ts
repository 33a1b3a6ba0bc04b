/**
 * Reads a responses CSV (docs/batch-csv.md) into answers, one record at a time: a header of element names with an
 * optional first column `id`, one respondent per row, an empty cell for a missing answer.
 */
import type { CsvRow } from '../csv/parse.ts';
import { collectElements, type ElementInfo } from '../questionnaire/elements.ts';
import { resolveItem } from '../scoring/items.ts';
import type { Answers, Questionnaire } from '../questionnaire/types.ts';
import { CSV_KINDS, parseCell } from './cells.ts';
import { BatchError, type BatchIssue } from './errors.ts';

export interface ReadOptions {
	/** Skip bad cells (unknown columns, non-numeric or out-of-range values) as missing and report them. */
	lenient?: boolean;
	/** Longest text accepted where a question sets no maxLength of its own (default 5000). */
	maxTextLength?: number;
}

/** One respondent: the `id` cell (or r1, r2, … by data row), the CSV line and the answers given. */
export interface ResponseRow {
	id: string;
	line: number;
	answers: Answers;
}

export interface ResponseReader {
	/** Reads the next data record; throws `BatchError` on bad input (in lenient mode only for ragged rows and ids). */
	read(record: CsvRow): ResponseRow;
	/** Bad cells and columns skipped so far (lenient mode), in file order. */
	readonly warnings: BatchIssue[];
	/** Number of data rows read. */
	readonly count: number;
	/** Call after the last record: throws when the file had a header but no data rows. */
	finish(): void;
}

/** A column named like a scale item inside a matrix (`bfi.A1`, `jobs.now.liking`): read as one choice cell. */
function matrixItemColumn(name: string, elements: Map<string, ElementInfo>): ElementInfo | undefined {
	const source = resolveItem(name, elements);
	if (!source || source.path.length === 0) return undefined;
	const numeric = source.values.length > 0 && source.values.every((v) => typeof v === 'number');
	return { ...source.element, name, kind: numeric ? 'number-choice' : 'text-choice', values: source.values, cells: undefined, rows: undefined };
}

/** Column i of the file: the element it answers, or null for an ignored (unknown, lenient) column. */
export type Column = { name: string; element: ElementInfo | null };

/**
 * Checks a header record against the questionnaire (see `createResponseReader`) and returns its columns;
 * lenient-mode warnings are appended to `warnings`. Throws `BatchError` naming the column.
 * @example readHeader({ line: 1, cells: ['id', 'a1'] }, q, false, []).hasId // → true
 */
export function readHeader(header: CsvRow, q: Questionnaire, lenient: boolean, warnings: BatchIssue[]) {
	const fail = (column: string | undefined, message: string): never => {
		throw new BatchError({ row: header.line, column, message });
	};
	const names = header.cells.map((c) => c.trim());
	if (names.length === 0 || (names.length === 1 && names[0] === '')) {
		fail(undefined, 'the header row is empty; expected element names (and an optional first column "id")');
	}
	const elements = collectElements(q.survey);
	const hasId = names[0] === 'id' && !elements.has('id');
	const seen = new Map<string, number>();
	const columns: Column[] = names.map((name, i) => {
		if (hasId && i === 0) return { name, element: null };
		if (name === '') fail(`#${i + 1}`, `column ${i + 1} has no name in the header`);
		const first = seen.get(name);
		if (first !== undefined) fail(name, `duplicate column (also column ${first + 1})`);
		seen.set(name, i);
		const element = elements.get(name) ?? matrixItemColumn(name, elements);
		if (!element) {
			const message = name === 'id' ? 'the "id" column must come first' : `unknown column: ${q.id} has no question named "${name}"`;
			if (!lenient) fail(name, message);
			warnings.push({ row: header.line, column: name, message: `${message}; column ignored` });
			return { name, element: null };
		}
		if (!CSV_KINDS.has(element.kind)) {
			const message = `a ${element.type} question cannot be read from a CSV cell`;
			if (!lenient) fail(name, message);
			warnings.push({ row: header.line, column: name, message: `${message}; column ignored` });
			return { name, element: null };
		}
		return { name, element };
	});
	return { columns, hasId };
}

/**
 * Creates a reader for the data rows of a responses CSV whose header record is `header` (as given by
 * `createCsvParser`/`parseCsv`, with its line number). The header must name questions of `q` — an optional
 * first column `id` excepted — each at most once; unknown or duplicate columns are errors naming the
 * column (lenient mode ignores unknown columns with a warning). Each row must have as many cells as the
 * header. A blank cell is a missing answer; other cells must be valid for their question (a number among
 * the item's values for numeric items). Errors name the line and column; lenient mode instead skips bad
 * cells as missing and records a warning `{ row, column, message }`. Ids must be non-empty and unique.
 * Memory stays flat apart from the set of ids seen, so a CLI can stream files of any size.
 *
 * Reference: docs/batch-csv.md (responses CSV); RFC 4180 for the records.
 * @example
 * const reader = createResponseReader({ line: 1, cells: ['id', 'a1'] }, q);
 * reader.read({ line: 2, cells: ['p1', '4'] }) // → { id: 'p1', line: 2, answers: { a1: 4 } }
 */
export function createResponseReader(header: CsvRow, q: Questionnaire, options: ReadOptions = {}): ResponseReader {
	const lenient = options.lenient ?? false;
	const maxTextLength = options.maxTextLength ?? 5000;
	const warnings: BatchIssue[] = [];
	const { columns, hasId } = readHeader(header, q, lenient, warnings);
	const ids = new Set<string>();
	let count = 0;

	return {
		warnings,
		get count() {
			return count;
		},
		read(record: CsvRow): ResponseRow {
			const row = record.line;
			if (record.cells.length !== columns.length) {
				throw new BatchError({
					row,
					message: `has ${record.cells.length} cells but the header has ${columns.length} columns`
				});
			}
			count++;
			const id = hasId ? record.cells[0].trim() : `r${count}`;
			if (id === '') throw new BatchError({ row, column: 'id', message: 'the id is empty' });
			if (ids.has(id)) throw new BatchError({ row, column: 'id', message: `duplicate id "${id}"` });
			ids.add(id);
			const answers: Answers = {};
			for (let i = hasId ? 1 : 0; i < columns.length; i++) {
				const { name, element } = columns[i];
				const cell = record.cells[i];
				if (element === null || cell.trim() === '') continue;
				const parsed = parseCell(cell, element, maxTextLength);
				if ('value' in parsed) answers[name] = parsed.value;
				else if (lenient) warnings.push({ row, column: name, message: `${parsed.error}; treated as missing` });
				else throw new BatchError({ row, column: name, message: parsed.error });
			}
			return { id, line: row, answers };
		},
		finish(): void {
			if (count === 0) {
				throw new BatchError({ row: header.line, message: 'the file has a header but no responses' });
			}
		}
	};
}

function isStringList(v: unknown): v is readonly string[] {
	return Array.isArray(v);
}

/**
 * Reads a whole responses CSV already split into records (see `createResponseReader` for the rules).
 * `header` is the header record, or its cells (taken to be line 1, as `parseCsv` returns them); an empty
 * file (no header) is an error.
 *
 * Reference: docs/batch-csv.md.
 * @example readResponses({ line: 1, cells: ['a1'] }, [{ line: 2, cells: ['4'] }], q)
 * // → { responses: [{ id: 'r1', line: 2, answers: { a1: 4 } }], warnings: [] }
 */
export function readResponses(
	header: CsvRow | readonly string[] | undefined,
	rows: Iterable<CsvRow>,
	q: Questionnaire,
	options: ReadOptions = {}
): { responses: ResponseRow[]; warnings: BatchIssue[] } {
	if (isStringList(header)) header = header.length > 0 ? { line: 1, cells: [...header] } : undefined;
	if (!header) throw new BatchError({ row: 1, message: 'the file is empty; expected a header row of element names' });
	const reader = createResponseReader(header, q, options);
	const responses: ResponseRow[] = [];
	for (const record of rows) responses.push(reader.read(record));
	reader.finish();
	return { responses, warnings: reader.warnings };
}
