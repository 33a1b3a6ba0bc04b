/**
 * mulberry32: a small seeded generator of uniform numbers in [0, 1), so a simulation or an adaptive test's
 * randomesque choice can be replayed exactly from its seed. Reference: Tommy Ettinger's mulberry32 (public domain).
 * @example seededRandom(1)() // → 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A standard normal draw by the Box–Muller transform. */
export function normalDraw(random: () => number): number {
	const u = 1 - random();
	const v = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
