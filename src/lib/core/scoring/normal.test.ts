import { describe, it, expect } from 'vitest';
import { erfc, normalCdf } from './normal.ts';

// Reference values: mpmath (30 significant digits) rounded to double; the four from the brief are the
// textbook values Φ(0) = 0.5, Φ(1.96) = 0.97500210485…, Φ(−1) = 0.15865525393…, Φ(3) = 0.99865010196….
describe('normalCdf', () => {
	it.each([
		[0, 0.5],
		[1.96, 0.9750021048517795],
		[-1, 0.15865525393145707],
		[3, 0.9986501019683699],
		[-1.96, 0.024997895148220435],
		[1, 0.8413447460685429],
		[-0.5, 0.3085375387259869],
		[0.3, 0.6179114221889527],
		[0.6, 0.7257468822499265],
		[1.645, 0.9500150944608786],
		[2.5, 0.9937903346742238],
		[-2.5, 0.006209665325776135],
		[4, 0.9999683287581669],
		[6, 0.9999999990134123]
	])('Φ(%s) = %s', (z, expected) => {
		expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-15);
	});

	it.each([
		[-3, 0.0013498980316300946],
		[-5, 2.866515718791939e-7],
		[-8, 6.220960574271784e-16]
	])('lower tail Φ(%s) = %s with relative accuracy', (z, expected) => {
		expect(Math.abs(normalCdf(z) / expected - 1)).toBeLessThan(1e-13);
	});

	it('is symmetric: Φ(z) + Φ(−z) = 1', () => {
		for (const z of [0.1, 0.7, 1.3, 2.2, 3.7]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
	});

	it('saturates at the extremes and passes NaN through', () => {
		expect(normalCdf(40)).toBe(1);
		expect(normalCdf(-40)).toBe(0);
		expect(normalCdf(NaN)).toBeNaN();
	});
});

describe('erfc (one point in each of Cody\'s intervals and at their edges)', () => {
	it.each([
		[0.1, 0.887537083981715],
		[0.46875, 0.507386526782062],
		[0.5, 0.4795001221869535],
		[1, 0.15729920705028513],
		[2, 0.004677734981047266],
		[3.9, 3.4792248597231765e-8],
		[4.1, 6.700027654084918e-9],
		[6, 2.1519736712498913e-17],
		[10, 2.088487583762545e-45],
		[26, 5.663192408856143e-296]
	])('erfc(%s) = %s', (x, expected) => {
		expect(Math.abs(erfc(x) / expected - 1)).toBeLessThan(1e-14);
		expect(Math.abs(erfc(-x) - (2 - expected))).toBeLessThan(1e-15);
	});
});
