/** Batch input: responses CSV → answers, with errors that name the line and column (docs/batch-csv.md). */
export { createResponseReader, readResponses } from './read-responses.ts';
export type { ReadOptions, ResponseReader, ResponseRow } from './read-responses.ts';
export { BatchError, formatIssue } from './errors.ts';
export type { BatchIssue } from './errors.ts';
export { parseCell } from './cells.ts';
export { batchCsvColumns, batchCsvRow, toBatchResult } from './output.ts';
export { csvField } from '../csv/write.ts';
export type { BatchResult, BatchScale } from './output.ts';
