/**
 * O*NET work values (docs/opportunity-sets.md, "Work values"): the six values of the Theory of Work Adjustment as
 * O*NET scores them per occupation, "Extent" scale (EX), 1–7. A set may carry them as six optional columns.
 */

/** The six O*NET work values, in O*NET's element order (1.B.2.a … 1.B.2.f). */
export const WORK_VALUES = ['achievement', 'working-conditions', 'recognition', 'relationships', 'support', 'independence'] as const;
export type WorkValue = (typeof WORK_VALUES)[number];

/** The set's columns for them, in the same order. */
export const WORK_VALUE_COLUMNS = [
	'wv_achievement',
	'wv_working_conditions',
	'wv_recognition',
	'wv_relationships',
	'wv_support',
	'wv_independence'
] as const;

/** O*NET element id → column (O*NET 29.3 Content Model). */
export const WORK_VALUE_ELEMENTS: Readonly<Record<string, (typeof WORK_VALUE_COLUMNS)[number]>> = {
	'1.B.2.a': 'wv_achievement',
	'1.B.2.b': 'wv_working_conditions',
	'1.B.2.c': 'wv_recognition',
	'1.B.2.d': 'wv_relationships',
	'1.B.2.e': 'wv_support',
	'1.B.2.f': 'wv_independence'
};

/** The extent scale's range. */
export const WORK_VALUE_SCALE: readonly [number, number] = [1, 7];
