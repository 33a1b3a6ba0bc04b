import { describe, expect, it } from 'vitest';
import { riasecFromDimensions } from './profile-riasec.ts';
import { fitLevel } from './fit-words.ts';

const dim = (score: number, scale: [number, number] = [1, 5]) => ({ score, scale });

describe('riasecFromDimensions', () => {
	it('reads the six scores in RIASEC order with their scale, ignoring other dimensions', () => {
		const dims = { 'riasec.C': dim(6), 'riasec.E': dim(5), 'riasec.S': dim(4), 'riasec.A': dim(3), 'riasec.I': dim(2), 'riasec.R': dim(1), 'bigfive.E': dim(9) };
		expect(riasecFromDimensions(dims)).toEqual({ found: true, profile: { riasec: [1, 2, 3, 4, 5, 6], scale: [1, 5] } });
	});

	it('passes a missing score on as undefined', () => {
		expect(riasecFromDimensions({ 'riasec.I': dim(2, [1, 7]) })).toEqual({
			found: true,
			profile: { riasec: [undefined, 2, undefined, undefined, undefined, undefined], scale: [1, 7] }
		});
	});

	it('finds nothing without riasec dimensions', () => {
		expect(riasecFromDimensions({ 'bigfive.E': dim(3) }).found).toBe(false);
	});
});

describe('fitLevel', () => {
	it.each([
		[1, 'very-good'], [0.8, 'very-good'], [0.795, 'very-good'], [0.794, 'good'], [0.6, 'good'],
		[0.599, 'good'], [0.594, 'some'], [0.4, 'some'], [0.39, 'weak'], [0, 'weak'], [-0.9, 'weak']
	] as const)('%s → %s', (r, level) => {
		expect(fitLevel(r)).toBe(level);
	});
});
