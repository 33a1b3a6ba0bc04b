import { describe, it, expect } from 'vitest';
import { chooseBand } from './bands.ts';

const bands = [
	{ upTo: 30, label: 'low' },
	{ upTo: 70, label: 'middle' },
	{ upTo: 100, label: 'high' }
];

describe('chooseBand: the first band with upTo >= value; above all, the last', () => {
	it.each([
		[0, 0],
		[30, 0], // upTo is inclusive
		[30.0001, 1],
		[69.9, 1],
		[70, 1],
		[99.99, 2],
		[100, 2],
		[120, 2], // above all bands → last
		[-5, 0]
	])('value %s → band %s', (value, index) => {
		expect(chooseBand(bands, value)).toBe(index);
	});

	it('returns -1 without bands', () => {
		expect(chooseBand([], 50)).toBe(-1);
	});
});
