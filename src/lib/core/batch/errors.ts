/** Problems found while reading a responses CSV (docs/batch-csv.md). */

/** A bad cell skipped in lenient mode, or the place of a fatal error. */
export interface BatchIssue {
	/** 1-based line of the CSV file on which the record starts (the header is line 1). */
	row: number;
	/** The column (header name), when the problem is about one cell or column. */
	column?: string;
	message: string;
}

/** Bad input that stops the batch: the message names the line and, where there is one, the column. */
export class BatchError extends Error {
	readonly row: number;
	readonly column?: string;
	constructor(issue: BatchIssue) {
		super(formatIssue(issue));
		this.name = 'BatchError';
		this.row = issue.row;
		this.column = issue.column;
	}
}

/**
 * `line 5, column "a3": "x" is not a number`: the form used for errors and lenient warnings alike.
 * @example formatIssue({ row: 5, column: 'a3', message: 'empty' }) // → 'line 5, column "a3": empty'
 */
export function formatIssue(issue: BatchIssue): string {
	const where = issue.column === undefined ? `line ${issue.row}` : `line ${issue.row}, column "${issue.column}"`;
	return `${where}: ${issue.message}`;
}
