import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.ts';

describe('editDistance', () => {
	it.each([
		['isRequred', 'isRequired', 1],
		['kitten', 'sitting', 3],
		['', 'abc', 3],
		['same', 'same', 0]
	])('%s → %s is %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('didYouMean', () => {
	const known = ['isRequired', 'rateMax', 'visibleIf', 'name', 'title'];
	it.each([
		['isRequred', 'isRequired'],
		['ratemax', 'rateMax'],
		['visibleif', 'visibleIf'],
		['visibelIf', 'visibleIf'],
		['nmae', undefined],
		['colour', undefined]
	])('%s → %s', (name, hint) => expect(didYouMean(name, known)).toBe(hint));
});
