/** Holland's six types in their fixed order. */
export const RIASEC_LETTERS = ['R', 'I', 'A', 'S', 'E', 'C'] as const;

/** Scores closer than this count as tied (scale means like 3.25 may differ by float noise). */
export const TIE_TOLERANCE = 1e-9;

/**
 * The Holland code of six scores in RIASEC order: the letters of the `length` highest scores, highest first.
 * Equal scores keep RIASEC order, and every group of tied letters that touches the code (within it, or
 * straddling its end) is reported in `ties`, because a tie changes the advice (docs/questionnaire-format.md, "codes").
 *
 * Reference: Holland, J. L. (1997). Making Vocational Choices (3rd ed.). Odessa, FL: PAR.
 * @example hollandCode([2, 3, 4, 5, 4, 1]) // → { code: 'SAE', ties: [['A', 'E']] }
 */
export function hollandCode(scores: readonly number[], length = 3): { code: string; ties: string[][] } {
	if (scores.length !== 6) throw new Error(`hollandCode: needs 6 scores (R, I, A, S, E, C), got ${scores.length}`);
	if (!scores.every(Number.isFinite)) throw new Error('hollandCode: every score must be a finite number');
	if (!Number.isInteger(length) || length < 1 || length > 6) throw new Error('hollandCode: length must be 1–6');
	// stable sort: equal scores keep RIASEC order
	const order = [0, 1, 2, 3, 4, 5].sort((a, b) => scores[b] - scores[a]);
	// group runs of (nearly) equal scores
	const groups: number[][] = [];
	for (const i of order) {
		const g = groups[groups.length - 1];
		if (g && Math.abs(scores[g[0]] - scores[i]) <= TIE_TOLERANCE) g.push(i);
		else groups.push([i]);
	}
	// float noise inside a tolerance group must not reorder it: RIASEC order within each group
	const ranked = groups.flatMap((g) => [...g].sort((a, b) => a - b));
	const ties: string[][] = [];
	let position = 0;
	for (const g of groups) {
		if (position >= length) break;
		if (g.length > 1) ties.push([...g].sort((a, b) => a - b).map((i) => RIASEC_LETTERS[i]));
		position += g.length;
	}
	return { code: ranked.slice(0, length).map((i) => RIASEC_LETTERS[i]).join(''), ties };
}

/**
 * Iachan's weights W[p][o] for a letter in position p of the person's code found in position o of the
 * opportunity's code (Iachan, 1984, Table 1; reproduced in Iachan, 1990, p. 177).
 */
export const IACHAN_WEIGHTS: readonly (readonly number[])[] = [
	[22, 10, 4],
	[10, 5, 2],
	[4, 2, 1]
];

/** The highest M: identical three-letter codes, 22 + 5 + 1. */
export const IACHAN_MAX = 28;

/** Every valid code of 1–3 distinct RIASEC letters (6 + 30 + 120 = 156), so checking a code is one lookup. */
const VALID_CODES: ReadonlySet<string> = (() => {
	const codes = new Set<string>();
	const grow = (prefix: string) => {
		if (prefix) codes.add(prefix);
		if (prefix.length === 3) return;
		for (const l of RIASEC_LETTERS) if (!prefix.includes(l)) grow(prefix + l);
	};
	grow('');
	return codes;
})();

function checkCode(code: string, who: string): void {
	if (VALID_CODES.has(code)) return;
	throw new Error(
		`iachanM: the ${who} code "${code}" is not 1–3 different letters from R, I, A, S, E, C`
	);
}

/**
 * Iachan's M index of agreement between two Holland codes of up to three letters:
 *
 *   M = Σ over letters in both codes of W[p][o],  W = [[22, 10, 4], [10, 5, 2], [4, 2, 1]]
 *
 * where p and o are the letter's positions (1st, 2nd, 3rd) in the person's and the opportunity's code.
 * M runs from 0 (no shared letters) to 28 (identical codes); e.g. SAE vs ASE = 10 + 10 + 1 = 21. Shorter
 * codes simply use fewer positions. Letters must be R, I, A, S, E or C, without repeats.
 *
 * Reference: Iachan, R. (1984). A measure of agreement for use with the Holland classification system.
 * Journal of Vocational Behavior 24, 133–141. Iachan, R. (1990). Some extensions of the Iachan
 * congruence index. Journal of Vocational Behavior 36, 176–180.
 * @example iachanM('SAE', 'ASE') // → 21
 */
export function iachanM(personCode: string, opportunityCode: string): number {
	checkCode(personCode, 'person');
	checkCode(opportunityCode, 'opportunity');
	let m = 0;
	for (let p = 0; p < personCode.length; p++) {
		const o = opportunityCode.indexOf(personCode[p]);
		if (o >= 0) m += IACHAN_WEIGHTS[p][o];
	}
	return m;
}

/**
 * Iachan's M scaled to 0–1: M / 28 (28 = the M of two identical three-letter codes).
 *
 * Reference: Iachan (1984), see `iachanM`.
 * @example iachanAgreement('SAE', 'ASE') // → 0.75
 */
export function iachanAgreement(personCode: string, opportunityCode: string): number {
	return iachanM(personCode, opportunityCode) / IACHAN_MAX;
}
