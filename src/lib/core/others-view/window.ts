/** The Johari-style window of "How others see me". */
import type { JohariWindow, WindowEntry } from './types.ts';

/**
 * Compares the client's own picks with the picks of the people they invited (one array per person,
 * who is who unknown). Until `minRespondents` people have answered there is no result at all, only
 * how many answers are still needed, so no single answer can be traced to a person.
 *
 * Quadrants (Luft & Ingham, 1955): open = chosen by me and by at least one other; blind spot =
 * chosen by others but not by me; hidden = chosen by me and by none of the others. The fourth
 * quadrant (chosen by nobody) is not listed. `qualityOrder` (the exercise's qualities in theme
 * order) breaks ties after the count: most chosen first, then the exercise's order. A person's
 * repeated or unknown picks are ignored.
 *
 * @example johariWindow(['a','b','c'], ['a','b'], [['a','c'],['a'],['c']], 3)
 * // → { ready: true, respondents: 3, open: [{id:'a',others:2}], blind: [{id:'c',others:2}], hidden: [{id:'b',others:0}] }
 */
export function johariWindow(
	qualityOrder: readonly string[],
	self: readonly string[],
	others: readonly (readonly string[])[],
	minRespondents: number
): JohariWindow {
	const respondents = others.length;
	if (respondents < minRespondents) return { ready: false, respondents, needed: minRespondents - respondents };
	const known = new Set(qualityOrder);
	const counts = new Map<string, number>();
	for (const picks of others) {
		for (const id of new Set(picks)) if (known.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	const mine = new Set(self.filter((id) => known.has(id)));
	const rank = new Map(qualityOrder.map((id, i) => [id, i]));
	const sorted = (entries: WindowEntry[]) =>
		entries.sort((a, b) => b.others - a.others || rank.get(a.id)! - rank.get(b.id)!);
	const entry = (id: string): WindowEntry => ({ id, others: counts.get(id) ?? 0 });
	return {
		ready: true,
		respondents,
		open: sorted(qualityOrder.filter((id) => mine.has(id) && counts.has(id)).map(entry)),
		blind: sorted(qualityOrder.filter((id) => !mine.has(id) && counts.has(id)).map(entry)),
		hidden: sorted(qualityOrder.filter((id) => mine.has(id) && !counts.has(id)).map(entry))
	};
}

/** `othersView` of the profile export (v1 extension): counts only, never who chose what. */
export interface OthersViewExport {
	respondents: number;
	qualities: { id: string; self: boolean; others: number }[];
}

/**
 * The export form of a ready window: every quality I or others chose, open first, then blind spot,
 * then hidden (each most chosen first). No free texts: they could name or identify their author.
 * Null while the window is waiting for answers (never a partial result).
 *
 * @example othersViewExport({ ready: true, respondents: 3, open: [{ id: 'a', others: 2 }], blind: [], hidden: [{ id: 'b', others: 0 }] })
 * // → { respondents: 3, qualities: [{ id: 'a', self: true, others: 2 }, { id: 'b', self: true, others: 0 }] }
 */
export function othersViewExport(w: JohariWindow): OthersViewExport | null {
	if (!w.ready) return null;
	return {
		respondents: w.respondents,
		qualities: [
			...w.open.map((e) => ({ id: e.id, self: true, others: e.others })),
			...w.blind.map((e) => ({ id: e.id, self: false, others: e.others })),
			...w.hidden.map((e) => ({ id: e.id, self: true, others: 0 }))
		]
	};
}
