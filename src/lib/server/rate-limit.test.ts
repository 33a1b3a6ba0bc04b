import { describe, expect, it } from 'vitest';
import { createRateLimiter, signInKey } from './rate-limit';

describe('createRateLimiter', () => {
	it('blocks after `limit` failures until the window ends, per key', () => {
		const l = createRateLimiter({ limit: 3, windowMs: 10 * 60_000 });
		const t0 = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(l.blockedFor('a', t0)).toBe(0);
			l.fail('a', t0);
		}
		expect(l.blockedFor('a', t0)).toBe(10);
		expect(l.blockedFor('a', t0 + 4 * 60_000 + 1)).toBe(6);
		expect(l.blockedFor('b', t0)).toBe(0);
		expect(l.blockedFor('a', t0 + 10 * 60_000)).toBe(0);
	});

	it('forgets a key on reset and starts a new window after the old one', () => {
		const l = createRateLimiter({ limit: 1, windowMs: 1000 });
		l.fail('a', 0);
		expect(l.blockedFor('a', 10)).toBe(1);
		l.reset('a');
		expect(l.blockedFor('a', 10)).toBe(0);
		l.fail('a', 0);
		l.fail('a', 2000);
		expect(l.blockedFor('a', 2500)).toBe(1);
		expect(l.blockedFor('a', 3000)).toBe(0);
	});

	it('sweeps expired keys when full', () => {
		const l = createRateLimiter({ limit: 1, windowMs: 1000, maxKeys: 2 });
		l.fail('a', 0);
		l.fail('b', 0);
		l.fail('c', 5000);
		expect(l.blockedFor('c', 5001)).toBe(1);
		expect(l.blockedFor('a', 5001)).toBe(0);
	});
});

describe('signInKey', () => {
	// The key is kept in memory for 15 minutes; a 500 KB "email" per failed sign-in (no password, so no
	// argon2 work) would otherwise fill the heap with 50,000 such keys.
	it('is short whatever the email, and the same for the same person', () => {
		const huge = `${'x'.repeat(500_000)}@example.org`;
		expect(signInKey('203.0.113.9', huge).length).toBeLessThanOrEqual(64 + 1 + 254);
		expect(signInKey('203.0.113.9', 'Ann@Example.org')).toBe(signInKey('203.0.113.9', 'ann@example.org'));
		expect(signInKey('203.0.113.9', 'ann@example.org')).not.toBe(signInKey('203.0.113.9', 'bob@example.org'));
		expect(signInKey('203.0.113.9', 'ann@example.org')).not.toBe(signInKey('198.51.100.1', 'ann@example.org'));
	});
});
