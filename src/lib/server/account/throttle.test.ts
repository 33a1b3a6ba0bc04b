// Sign-in and registration throttling on a real, migrated database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL). Times are passed in, so no test waits.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb, openAgain } from '../../../../tests/support/db';
import { accountDelayMs, DEFAULT_THROTTLE_POLICY, useThrottlePolicy, type ThrottlePolicy } from '../throttle-policy';
import { accountWaitSeconds, admitRegistration, admitSignIn, signInFailed, signInSucceeded, waitMessage } from './throttle';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
	useThrottlePolicy(DEFAULT_THROTTLE_POLICY);
});

const T0 = Date.parse('2026-12-02T10:00:00Z');
const POLICY: ThrottlePolicy = { ...DEFAULT_THROTTLE_POLICY, signInFreeFailures: 5, signInMaxDelayMs: 60_000 };

/** One wrong password from `address` at `now`: the admission, and the failure if admitted. */
async function wrong(address: string, email: string, now: number) {
	const a = await admitSignIn(db, address, email, now, POLICY);
	if (a.ok) await signInFailed(db, a.value, now);
	return a;
}

/** A refused try: its message key, the number the message shows, and the Retry-After seconds. */
const refused = (code: string, n: number, retryAfter: number) => ({ ok: false, error: { code, params: { n, retryAfter } } });

describe('accountDelayMs', () => {
	it('is 0 for the first free failures, then 1 s doubling up to the cap', () => {
		const delays = [0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1000].map((n) => accountDelayMs(n, POLICY));
		expect(delays).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000]);
	});
});

describe('sign-in per account', () => {
	it('lets five wrong passwords through, then makes each next try wait 1 s, 2 s, 4 s …, counted from any address', async () => {
		for (let i = 0; i < 5; i++) expect((await wrong(`10.0.0.${i}`, 'ann@example.org', T0)).ok).toBe(true);
		// The sixth try, at once and from yet another address: wait 1 s.
		expect(await admitSignIn(db, '10.9.9.9', 'ann@example.org', T0, POLICY)).toEqual(refused('throttle.signIn.one', 1, 1));
		expect(await accountWaitSeconds(db, 'ANN@example.org', T0)).toBe(1);
		// Refused tries are not counted: after the second, one more is admitted and the next waits 2 s.
		expect((await wrong('10.9.9.9', 'ann@example.org', T0 + 1000)).ok).toBe(true);
		expect(await admitSignIn(db, '10.9.9.9', 'ann@example.org', T0 + 1000, POLICY)).toEqual(refused('throttle.signIn.seconds', 2, 2));
		expect((await wrong('10.9.9.9', 'ann@example.org', T0 + 3000)).ok).toBe(true);
		expect(await admitSignIn(db, '10.9.9.9', 'ann@example.org', T0 + 3000, POLICY)).toEqual(refused('throttle.signIn.seconds', 4, 4));
		// Another account is not slowed.
		expect((await admitSignIn(db, '10.9.9.9', 'bob@example.org', T0 + 3000, POLICY)).ok).toBe(true);
	});

	it('never locks the owner out: however many failures, the owner gets a try after at most the cap, and a success starts again', async () => {
		let now = T0;
		for (let i = 0; i < 40; i++) {
			const a = await wrong(`198.51.100.${i}`, 'ann@example.org', now);
			expect(a.ok).toBe(true);
			now += accountDelayMs(i + 1, POLICY); // the stranger tries again exactly when allowed
		}
		// The wait has reached the cap, 60 s, and no more.
		expect(await admitSignIn(db, '203.0.113.7', 'ann@example.org', now - 1, POLICY)).toEqual(refused('throttle.signIn.one', 1, 1));
		expect(await accountWaitSeconds(db, 'ann@example.org', now - 60_000)).toBe(60);
		// The owner, from their own address, once the wait is over: admitted, then the count is forgotten.
		const owner = await admitSignIn(db, '203.0.113.7', 'ann@example.org', now, POLICY);
		expect(owner.ok).toBe(true);
		if (owner.ok) await signInSucceeded(db, owner.value);
		for (let i = 0; i < 5; i++) expect((await wrong('198.51.100.1', 'ann@example.org', now)).ok).toBe(true);
	});

	it('forgets failures a day after the last one', async () => {
		for (let i = 0; i < 5; i++) await wrong('10.0.0.1', 'ann@example.org', T0);
		expect((await admitSignIn(db, '10.0.0.1', 'ann@example.org', T0, POLICY)).ok).toBe(false);
		const later = T0 + 24 * 60 * 60_000 + 1;
		for (let i = 0; i < 5; i++) expect((await wrong('10.0.0.1', 'ann@example.org', later)).ok).toBe(true);
	});

	it('admits only one of many tries sent together once a wait is due', async () => {
		for (let i = 0; i < 5; i++) await wrong('10.0.0.1', 'ann@example.org', T0);
		const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => admitSignIn(db, `10.1.0.${i}`, 'ann@example.org', T0 + 1000, POLICY)));
		expect(burst.filter((a) => a.ok)).toHaveLength(1);
	});

	it('counts across two database handles (two app servers) and survives reopening', async () => {
		const one = await createTestDb({ file: true });
		const two = openAgain(one);
		for (let i = 0; i < 5; i++) {
			const a = await admitSignIn(i % 2 ? one : two, '10.0.0.1', 'ann@example.org', T0, POLICY);
			expect(a.ok).toBe(true);
		}
		expect((await admitSignIn(one, '10.0.0.2', 'ann@example.org', T0, POLICY)).ok).toBe(false);
		expect((await admitSignIn(two, '10.0.0.2', 'ann@example.org', T0, POLICY)).ok).toBe(false);
		const three = openAgain(one);
		expect(await accountWaitSeconds(three, 'ann@example.org', T0)).toBe(1);
	});
});

describe('sign-in per address (password spraying)', () => {
	it('stops one address after SIGN_IN_ADDRESS_LIMIT failures over many emails, for 15 minutes, and no other address', async () => {
		useThrottlePolicy({ ...DEFAULT_THROTTLE_POLICY, signInAddressLimit: 3 });
		for (let i = 0; i < 3; i++) expect((await wrong('10.6.6.6', `person${i}@example.org`, T0)).ok).toBe(true);
		expect(await admitSignIn(db, '10.6.6.6', 'person99@example.org', T0 + 60_000, POLICY)).toEqual(refused('throttle.signIn.minutes', 14, 14 * 60));
		expect((await admitSignIn(db, '10.7.7.7', 'person99@example.org', T0 + 60_000, POLICY)).ok).toBe(true);
		expect((await admitSignIn(db, '10.6.6.6', 'person99@example.org', T0 + 15 * 60_000, POLICY)).ok).toBe(true);
	});
});

describe('registration per address', () => {
	it('admits REGISTER_ADDRESS_LIMIT registrations an hour from one address, then says how long to wait', async () => {
		useThrottlePolicy({ ...DEFAULT_THROTTLE_POLICY, registerAddressLimit: 2 });
		expect((await admitRegistration(db, '10.0.0.1', T0)).ok).toBe(true);
		expect((await admitRegistration(db, '10.0.0.1', T0)).ok).toBe(true);
		expect(await admitRegistration(db, '10.0.0.1', T0 + 30 * 60_000)).toEqual(refused('throttle.register.minutes', 30, 30 * 60));
		expect((await admitRegistration(db, '10.0.0.2', T0)).ok).toBe(true);
		expect((await admitRegistration(db, '10.0.0.1', T0 + 60 * 60_000)).ok).toBe(true);
	});
});

describe('waitMessage', () => {
	it('says 1 second, N seconds, or N minutes for a long wait', () => {
		expect(waitMessage('signIn', 1)).toEqual({ code: 'throttle.signIn.one', params: { n: 1, retryAfter: 1 } });
		expect(waitMessage('signIn', 64)).toEqual({ code: 'throttle.signIn.seconds', params: { n: 64, retryAfter: 64 } });
		expect(waitMessage('signIn', 119)).toEqual({ code: 'throttle.signIn.seconds', params: { n: 119, retryAfter: 119 } });
		expect(waitMessage('register', 120)).toEqual({ code: 'throttle.register.minutes', params: { n: 2, retryAfter: 120 } });
		expect(waitMessage('register', 3599)).toEqual({ code: 'throttle.register.minutes', params: { n: 60, retryAfter: 3599 } });
	});
});
