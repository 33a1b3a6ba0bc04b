// Sign-in and registration throttling on a real, migrated database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL). Times are passed in, so no test waits.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb, openAgain } from '../../../../tests/support/db';
import { accountDelayMs, DEFAULT_THROTTLE_POLICY, useThrottlePolicy, type ThrottlePolicy } from '../throttle-policy';
import { accountWaitSeconds, admitRegistration, admitSignIn, signInAccountLimiter, signInFailed, signInSucceeded, waitMessage } from './throttle';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
	useThrottlePolicy(DEFAULT_THROTTLE_POLICY);
});

const T0 = Date.parse('2026-12-02T10:00:00Z');
const POLICY: ThrottlePolicy = { ...DEFAULT_THROTTLE_POLICY, signInFreeFailures: 5, signInMaxDelayMs: 60_000 };

/** One wrong password from `address` at `now`: the admission, and the failure if admitted. */
async function wrong(address: string, email: string, now: number, policy = POLICY) {
	const a = await admitSignIn(db, address, email, now, policy);
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

describe('sign-in per address at one account', () => {
	it('lets five wrong passwords from one address through, then makes its next tries wait 1 s, 2 s, 4 s …; other addresses are not slowed', async () => {
		for (let i = 0; i < 5; i++) expect((await wrong('10.0.0.1', 'ann@example.org', T0)).ok).toBe(true);
		// The sixth try from that address, at once: wait 1 s.
		expect(await admitSignIn(db, '10.0.0.1', 'ann@example.org', T0, POLICY)).toEqual(refused('throttle.signIn.one', 1, 1));
		expect(await accountWaitSeconds(db, 'ANN@example.org', '10.0.0.1', T0)).toBe(1);
		// Refused tries are not counted: after the wait, one more is admitted and the next waits 2 s.
		expect((await wrong('10.0.0.1', 'ann@example.org', T0 + 1000)).ok).toBe(true);
		expect(await admitSignIn(db, '10.0.0.1', 'ann@example.org', T0 + 1000, POLICY)).toEqual(refused('throttle.signIn.seconds', 2, 2));
		expect((await wrong('10.0.0.1', 'ann@example.org', T0 + 3000)).ok).toBe(true);
		expect(await admitSignIn(db, '10.0.0.1', 'ann@example.org', T0 + 3000, POLICY)).toEqual(refused('throttle.signIn.seconds', 4, 4));
		// The same account from an address that has not failed there, and another account: not slowed.
		expect(await accountWaitSeconds(db, 'ann@example.org', '203.0.113.7', T0 + 3000)).toBe(0);
		expect((await admitSignIn(db, '203.0.113.7', 'ann@example.org', T0 + 3000, POLICY)).ok).toBe(true);
		expect((await admitSignIn(db, '10.0.0.1', 'bob@example.org', T0 + 3000, POLICY)).ok).toBe(true);
	});

	it('never holds the owner back for a stranger: one address failing twice a second for 15 minutes, the owner elsewhere is admitted at once', async () => {
		const policy = { ...POLICY, signInAccountLimit: 20 };
		useThrottlePolicy(policy);
		let now = T0;
		let admitted = 0;
		// Only the tries the stranger's own waits allow are checked: 5 free, then 1, 2, 4 … 32 s, then
		// one a minute until the account has 20 failures (after about 10 minutes); then none this hour.
		// (A try every 250 ms is the same: refused tries are not counted; tests/http/throttle.test.ts.)
		for (; now < T0 + 15 * 60_000; now += 500) if ((await wrong('198.51.100.1', 'ann@example.org', now, policy)).ok) admitted++;
		expect(admitted).toBe(20);
		expect(await signInAccountLimiter.blockedForMs(db, 'ann@example.org', now)).toBe(45 * 60_000);
		expect(await accountWaitSeconds(db, 'ann@example.org', '198.51.100.1', now)).toBe(45 * 60);
		// The owner, from an address that has not failed, is admitted at once, and a success forgets that address's count.
		const owner = await admitSignIn(db, '203.0.113.7', 'ann@example.org', now, policy);
		expect(owner.ok).toBe(true);
		if (owner.ok) await signInSucceeded(db, owner.value);
		expect(await accountWaitSeconds(db, 'ann@example.org', '203.0.113.7', now)).toBe(0);
	});

	it('bounds guessing per account: past SIGN_IN_ACCOUNT_LIMIT failures in an hour, addresses that failed there wait for the hour, new ones still get in', async () => {
		const policy = { ...POLICY, signInAccountLimit: 6 };
		useThrottlePolicy(policy);
		for (let i = 0; i < 6; i++) {
			const a = await admitSignIn(db, `10.2.0.${i}`, 'ann@example.org', T0, policy);
			expect(a.ok).toBe(true);
			if (a.ok) await signInFailed(db, a.value, T0);
		}
		// Each of those addresses has only one failure of its own, but the account has six: they wait the hour out.
		expect(await admitSignIn(db, '10.2.0.0', 'ann@example.org', T0 + 60_000, policy)).toEqual(refused('throttle.signIn.minutes', 59, 59 * 60));
		expect(await accountWaitSeconds(db, 'ann@example.org', '10.2.0.5', T0 + 60_000)).toBe(59 * 60);
		// An address that has not failed there is admitted (the owner's); once it fails, it waits too.
		const fresh = await admitSignIn(db, '203.0.113.9', 'ann@example.org', T0 + 60_000, policy);
		expect(fresh.ok).toBe(true);
		if (fresh.ok) await signInFailed(db, fresh.value, T0 + 60_000);
		expect((await admitSignIn(db, '203.0.113.9', 'ann@example.org', T0 + 60_000, policy)).ok).toBe(false);
		// After the hour the count starts again.
		expect((await admitSignIn(db, '10.2.0.0', 'ann@example.org', T0 + 60 * 60_000, policy)).ok).toBe(true);
	});

	it('forgets failures a day after the last one', async () => {
		for (let i = 0; i < 5; i++) await wrong('10.0.0.1', 'ann@example.org', T0);
		expect((await admitSignIn(db, '10.0.0.1', 'ann@example.org', T0, POLICY)).ok).toBe(false);
		const later = T0 + 24 * 60 * 60_000 + 1;
		for (let i = 0; i < 5; i++) expect((await wrong('10.0.0.1', 'ann@example.org', later)).ok).toBe(true);
	});

	it('admits only one of many tries from one address sent together once a wait is due', async () => {
		for (let i = 0; i < 5; i++) await wrong('10.0.0.1', 'ann@example.org', T0);
		const burst = await Promise.all(Array.from({ length: 20 }, () => admitSignIn(db, '10.0.0.1', 'ann@example.org', T0 + 1000, POLICY)));
		expect(burst.filter((a) => a.ok)).toHaveLength(1);
	});

	it('counts across two database handles (two app servers) and survives reopening', async () => {
		const one = await createTestDb({ file: true });
		const two = openAgain(one);
		for (let i = 0; i < 5; i++) {
			const a = await admitSignIn(i % 2 ? one : two, '10.0.0.1', 'ann@example.org', T0, POLICY);
			expect(a.ok).toBe(true);
		}
		expect((await admitSignIn(one, '10.0.0.1', 'ann@example.org', T0, POLICY)).ok).toBe(false);
		expect((await admitSignIn(two, '10.0.0.1', 'ann@example.org', T0, POLICY)).ok).toBe(false);
		const three = openAgain(one);
		expect(await accountWaitSeconds(three, 'ann@example.org', '10.0.0.1', T0)).toBe(1);
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
