/** Helpers for respondent × item matrices: `matrix[r][i]` is respondent r's answer to item i. */

/** Number of items (columns); throws when rows differ in length. */
export function columnCount(matrix: readonly (readonly number[])[], caller: string): number {
	const k = matrix.length > 0 ? matrix[0].length : 0;
	matrix.forEach((row, r) => {
		if (row.length !== k) throw new Error(`${caller}: row ${r} has ${row.length} values, row 0 has ${k}`);
	});
	return k;
}

/** Column i as a list. */
export function column(matrix: readonly (readonly number[])[], i: number): number[] {
	return matrix.map((row) => row[i]);
}

/** Row sums, Σᵢ x_ri. */
export function rowSums(matrix: readonly (readonly number[])[]): number[] {
	return matrix.map((row) => row.reduce((a, b) => a + b, 0));
}
