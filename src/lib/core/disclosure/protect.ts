// Statistical disclosure control for group aggregates: a table of counts is shown only where no shown
// number, and no difference of shown numbers, counts 1 to MIN − 1 people the viewer does not already
// know. Pure: plain counts in, plain decisions out.
//
// A table here is a partition: every person of the table's base is in exactly one cell (a "no answer"
// cell included), so the cells add up to the total, which is shown with them. Each cell carries how
// many of its people the viewer already knows one by one (members who share their profile with the
// counsellor): those could be subtracted from any shown count, so every rule is applied to the rest,
// the residual `count − known`.
//
// Rules on the residuals r_i (R = Σ r_i):
// 1. The table is shown only when the base counts at least MIN people and R is 0 or at least MIN.
// 2. Primary suppression: a cell with 1 ≤ r < MIN is hidden.
// 3. Complementary suppression: let h be the sum of the hidden residuals and k the number of hidden
//    cells. While 0 < h < MIN (the total minus the shown cells would count 1 to MIN − 1 people) or
//    h ≤ k (every hidden cell would have to hold exactly 1), the shown cell with the smallest positive
//    residual is hidden too.
// So the shown total minus any set of shown cells is either another shown cell's people (≥ MIN) or h
// (0 or ≥ MIN), and no hidden cell has only one possible value.

/** The smallest number of people a shown count may cover. */
export const MIN_PEOPLE = 5;

export interface CellCount {
	/** People in the cell. */
	count: number;
	/** Of those, how many the viewer already knows individually (0 when none). */
	known?: number;
}

export interface Protected {
	/** False: nothing of the table is shown (too few people). */
	shown: boolean;
	/** Per cell, in the order given: shown or hidden. All false when the table is not shown. */
	cells: boolean[];
}

const residual = (c: CellCount) => {
	const known = Math.min(c.count, Math.max(0, c.known ?? 0));
	return c.count - known;
};

/** Which cells of a partition may be shown (see the rules above). */
export function protectPartition(cells: readonly CellCount[], min = MIN_PEOPLE): Protected {
	const total = cells.reduce((s, c) => s + c.count, 0);
	const r = cells.map(residual);
	const rest = r.reduce((s, x) => s + x, 0);
	if (total < min || (rest > 0 && rest < min)) return { shown: false, cells: cells.map(() => false) };
	const hidden = r.map((x) => x >= 1 && x < min);
	const sumHidden = () => r.reduce((s, x, i) => s + (hidden[i] ? x : 0), 0);
	const countHidden = () => hidden.filter(Boolean).length;
	for (;;) {
		const h = sumHidden();
		if (h === 0 || (h >= min && h > countHidden())) break;
		let pick = -1;
		for (let i = 0; i < r.length; i++) if (!hidden[i] && r[i] > 0 && (pick < 0 || r[i] < r[pick])) pick = i;
		// Unreachable while rule 1 holds (all positive cells hidden gives h = R ≥ MIN > k); stay safe anyway.
		if (pick < 0) return { shown: false, cells: cells.map(() => false) };
		hidden[pick] = true;
	}
	return { shown: true, cells: hidden.map((h) => !h) };
}

export interface ProtectedCell<K> {
	key: K;
	/** The count, or null when hidden. */
	count: number | null;
}

export interface ProtectedTable<K> {
	/** The table's base (people in it); null when the table is not shown. */
	total: number | null;
	cells: ProtectedCell<K>[];
}

/** A partition with its cells' counts replaced by null where hidden. */
export function protectTable<K>(cells: readonly (CellCount & { key: K })[], min = MIN_PEOPLE): ProtectedTable<K> {
	const p = protectPartition(cells, min);
	return {
		total: p.shown ? cells.reduce((s, c) => s + c.count, 0) : null,
		cells: cells.map((c, i) => ({ key: c.key, count: p.cells[i] ? c.count : null }))
	};
}

/**
 * A count out of a base, as the two-cell partition "has it / has not": shown when both the count and
 * the rest pass the rules (used for the occupations kept, where one person keeps several).
 */
export function protectShare(count: CellCount, base: CellCount, min = MIN_PEOPLE): boolean {
	const without = { count: base.count - count.count, known: (base.known ?? 0) - (count.known ?? 0) };
	const p = protectPartition([count, without], min);
	return p.shown && p.cells[0];
}
