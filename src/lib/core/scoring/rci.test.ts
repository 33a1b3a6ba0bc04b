import { describe, expect, it } from 'vitest';
import { RCI_CRITICAL, reliableChange, scaleReliableChange } from './rci.ts';

// Worked by hand:
//   sd 1, α .84  → SEM = 1·√.16 = 0.4,  S_diff = √2·0.4 = 0.565685…
//     3 → 4    RCI = 1 / 0.565685 = 1.76777 (not reliable)
//     3 → 4.2  RCI = 1.2 / 0.565685 = 2.12132 (reliable, up)
//   sd 10, α .75 → SEM = 10·√.25 = 5,   S_diff = 7.071068
//     50 → 36  RCI = −14 / 7.071068 = −1.97990 (reliable, down)
//     50 → 40  RCI = −10 / 7.071068 = −1.41421 (not reliable)
//   Big Five extraversion (sd .922, α .892): SEM = .922·√.108 = 0.303004, S_diff = 0.428511
//     2.5 → 3.4  RCI = 0.9 / 0.428511 = 2.10030 (reliable)
describe('reliableChange (Jacobson & Truax, 1991)', () => {
	it.each([
		[3, 4, 1, 0.84, 0.4, 1.76777, false, null],
		[3, 4.2, 1, 0.84, 0.4, 2.12132, true, 'up'],
		[50, 36, 10, 0.75, 5, -1.9799, true, 'down'],
		[50, 40, 10, 0.75, 5, -1.41421, false, null],
		[2.5, 3.4, 0.922, 0.892, 0.303004, 2.1003, true, 'up'],
		[3, 3, 1, 0.84, 0.4, 0, false, null]
	])('%s → %s (sd %s, α %s): SEM %s, RCI %s, reliable %s', (x1, x2, sd, alpha, sem, rci, reliable, direction) => {
		const r = reliableChange(x1, x2, sd, alpha);
		expect(r.sem).toBeCloseTo(sem, 5);
		expect(r.rci).toBeCloseTo(rci, 4);
		expect(r.reliable).toBe(reliable);
		expect(r.direction).toBe(direction);
	});

	it('flags only |RCI| strictly above 1.96', () => {
		// sd 1, α .5 → SEM = √.5, S_diff = √2·√.5 = 1, so the RCI equals the difference.
		const sd = 1;
		expect(reliableChange(0, RCI_CRITICAL, sd, 0.5).reliable).toBe(false);
		expect(reliableChange(0, 1.9601, sd, 0.5).reliable).toBe(true);
		expect(reliableChange(0, -1.9601, sd, 0.5).direction).toBe('down');
	});

	it.each([
		[3, 4, 0, 0.8, "the norm's sd must be > 0 (got 0)"],
		[3, 4, 1, 1, 'reliability alpha must be between 0 and 1 (got 1)'],
		[3, 4, 1, 0, 'reliability alpha must be between 0 and 1 (got 0)'],
		[Number.NaN, 4, 1, 0.8, 'both scores must be finite numbers']
	])('refuses bad input (%s, %s, sd %s, α %s)', (x1, x2, sd, alpha, message) => {
		expect(() => reliableChange(x1, x2, sd, alpha)).toThrow(message);
	});
});

describe('scaleReliableChange', () => {
	const norms = [
		{ id: 'a', mean: 3, sd: 1 },
		{ id: 'b', mean: 3, sd: 10 }
	];
	it('uses the named norm, else the first, and the scale reliability', () => {
		expect(scaleReliableChange({ norms, reliability: { alpha: 0.84 } }, 3, 4.2)?.reliable).toBe(true);
		expect(scaleReliableChange({ norms, reliability: { alpha: 0.84 } }, 3, 4.2, 'b')?.reliable).toBe(false);
		expect(scaleReliableChange({ norms, reliability: { alpha: 0.84 } }, 3, 4.2, 'missing')?.sem).toBeCloseTo(0.4, 10);
	});
	it('is null when the norm or the reliability is unknown', () => {
		expect(scaleReliableChange({ norms }, 1, 5)).toBeNull();
		expect(scaleReliableChange({ reliability: { alpha: 0.9 } }, 1, 5)).toBeNull();
		expect(scaleReliableChange({}, 1, 5)).toBeNull();
	});
});
