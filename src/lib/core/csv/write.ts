/**
 * The one CSV writer of the code base (profile export, batch scoring output, the author's item
 * statistics). A text field is quoted when it holds a comma, quote or line break, its quotes doubled
 * (RFC 4180); one that a spreadsheet would run as a formula — it begins with =, +, -, @, a tab or a
 * carriage return — first gets a leading apostrophe (OWASP "CSV injection"). Numbers and booleans are
 * written as they are (a negative number is a number, not a formula); null and undefined are empty.
 *
 * Reference: RFC 4180; OWASP, CSV Injection (owasp.org/www-community/attacks/CSV_Injection).
 * @example csvField('=HYPERLINK("x")') // → '"\'=HYPERLINK(""x"")"'
 */
export function csvField(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Any cell: text through `csvField`, numbers and booleans as `String` gives them, null/undefined empty. */
export function csvCell(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'string' ? csvField(value) : String(value);
}

/** One CSV line (no line break) of the given cells. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
	return cells.map(csvCell).join(',');
}
