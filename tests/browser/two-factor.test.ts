// Two-factor sign-in in Chromium, with the keyboard: set up from the account page (English, on a
// 360 px phone), then signing in with a code from the app (Danish). The codes are made here with
// @oslojs/otp from the key the page shows, as an authenticator app makes them.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, registerClient, watchErrors } from '../support/browser';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

const codeAt = (key: Uint8Array, step: number) => generateHOTP(key, BigInt(step), 6);
const stepNow = () => Math.floor(Date.now() / 30_000);

describe('two-factor sign-in', () => {
	it('is set up from the account page and then asked for after the password', async () => {
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		const errors = watchErrors(page);
		const email = `totp-browser-${Date.now()}@example.org`;
		await registerClient(page, base, email);
		await page.goto(`${base}/account`);
		await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
		await page.waitForURL(`${base}/account/two-factor`);
		await page.getByRole('button', { name: 'Start setting up' }).focus();
		await page.keyboard.press('Enter');
		const secret = page.getByTestId('two-factor-secret');
		await secret.waitFor();
		const key = decodeBase32IgnorePadding((await secret.textContent())!.replace(/\s/g, ''));
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

		// A wrong code first: the message is announced and the field keeps the focus order.
		const field = page.getByLabel('The 6-digit code the app now shows');
		await field.focus();
		await page.keyboard.type('000000' === codeAt(key, stepNow()) ? '111111' : '000000');
		await page.keyboard.press('Enter');
		// Waited for as a condition (Playwright's own timeout), not for a fixed time.
		await page.getByRole('alert').filter({ hasText: 'This is not the code for this key.' }).waitFor();
		await field.fill('');
		await field.focus();
		await page.keyboard.type(codeAt(key, stepNow()));
		await page.keyboard.press('Enter');
		await page.getByRole('status').filter({ hasText: 'Two-factor sign-in is on.' }).waitFor();
		const recoveryCodes = await page.getByTestId('two-factor-codes').locator('li').allTextContents();
		expect(recoveryCodes).toHaveLength(10);
		await page.getByRole('link', { name: 'I have written it down – continue' }).click();
		await page.waitForURL(`${base}/account`);
		expect(await page.getByRole('region', { name: 'Two-factor sign-in' }).textContent()).toContain('Two-factor sign-in is on');

		// Another browser, in Danish: email, Tab, password, Enter, then the code.
		const other = await (await browser.newContext({ locale: 'da-DK', extraHTTPHeaders: { 'Accept-Language': 'da' } })).newPage();
		const otherErrors = watchErrors(other);
		await other.goto(`${base}/login?next=%2Faccount`);
		await other.getByLabel('E-mail').focus();
		await other.keyboard.type(email);
		await other.keyboard.press('Tab');
		await other.keyboard.type('correct horse battery');
		await other.keyboard.press('Enter');
		await other.waitForURL(`${base}/login/two-factor?next=%2Faccount`);
		expect(await other.locator('h1').textContent()).toBe('Din login-kode');
		await other.getByLabel('Kode fra appen eller en gendannelseskode').focus();
		await other.keyboard.type(codeAt(key, stepNow() + 1));
		await other.keyboard.press('Enter');
		await other.waitForURL(`${base}/account`);
		// Signed in, the account's own language (English, chosen at registration) applies again.
		expect(await other.locator('h1').textContent()).toBe('Account');

		// A third browser signs in with a recovery code: it lands on the `next` page, which says how many
		// codes are left and links to making new ones; moving on in the site, the notice is gone.
		const third = await (await browser.newContext({ locale: 'en-GB' })).newPage();
		const thirdErrors = watchErrors(third);
		await third.goto(`${base}/login?next=%2Fprofile`);
		await third.getByLabel('Email').fill(email);
		await third.getByLabel('Password').fill('correct horse battery');
		await third.getByRole('button', { name: 'Sign in' }).click();
		await third.waitForURL(`${base}/login/two-factor?next=%2Fprofile`);
		await third.getByLabel('Code from the app, or a recovery code').fill(recoveryCodes[0]);
		await third.getByRole('button', { name: 'Sign in' }).click();
		await third.waitForURL(`${base}/profile`);
		const notice = third.getByTestId('sign-in-notice');
		expect(await notice.textContent()).toContain('You signed in with a recovery code; that code no longer works. Recovery codes left: 9.');
		expect(await notice.getByRole('link', { name: 'Make new recovery codes' }).getAttribute('href')).toBe('/account/two-factor#new-codes');
		await third.getByRole('link', { name: 'Home', exact: true }).click();
		await third.waitForURL(`${base}/`);
		await third.getByRole('heading', { level: 1 }).waitFor();
		expect(await third.getByTestId('sign-in-notice').count()).toBe(0);
		await third.reload();
		expect(await third.getByTestId('sign-in-notice').count()).toBe(0);

		expect(errors).toEqual([]);
		expect(otherErrors).toEqual([]);
		expect(thirdErrors).toEqual([]);
		await context.close();
		await other.context().close();
		await third.context().close();
	});
});
