import { describe, expect, it } from 'vitest';
import { informationCurves, observedExposure } from './curves.ts';
import type { Bank } from './cat.ts';

const bank: Bank = {
	min: 1,
	max: 2,
	scales: [
		{ id: 's', items: [{ id: 'i1', a: 2, b: [0], reverse: false }, { id: 'i2', a: 1, b: [1], reverse: true }] }
	]
};

describe('author curves', () => {
	it('gives item information a²PQ for two categories and the test information as their sum', () => {
		const curves = informationCurves(bank, -1, 1, 1);
		expect(curves.theta).toEqual([-1, 0, 1]);
		const [i1, i2] = curves.scales[0].items;
		// i1 at θ = b = 0: a²/4 = 1; i2 at θ = b = 1: 1/4; i1 at θ = 1: 4·P·Q with P = 1/(1 + e^−2) = 0.880797 → 0.419974
		expect(i1.info[1]).toBe(1);
		expect(i2.info[2]).toBe(0.25);
		expect(i1.info[2]).toBeCloseTo(0.42, 4);
		expect(curves.scales[0].test).toEqual(curves.theta.map((_, k) => Number((i1.info[k] + i2.info[k]).toFixed(4))));
	});

	it('counts the share of tests that showed each item', () => {
		expect(observedExposure(bank, [{ i1: 1 }, { i1: 2, i2: 1 }, { i2: 2 }, {}])).toEqual({ i1: 0.5, i2: 0.5 });
		expect(observedExposure(bank, [])).toEqual({ i1: 0, i2: 0 });
	});
});
