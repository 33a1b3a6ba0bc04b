// The recovery code in Chromium: shown once after registering, then used from the sign-in page's
// "Forgot your password?" link to set a new password, in English and in Danish.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchErrors } from '../support/browser';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

const CODE = /^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('recovery code', () => {
	it('registering shows the code once; with it a forgotten password is replaced (English)', async () => {
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		const errors = watchErrors(page);
		const email = `recover-browser-${Date.now()}@example.org`;
		await page.goto(`${base}/register`);
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill('correct horse battery');
		await page.locator('#privacy').check();
		await page.getByRole('button', { name: 'Create account' }).click();
		await page.waitForURL(`${base}/account/recovery-code?next=%2F`);
		expect(await page.locator('h1').textContent()).toBe('Your recovery code');
		const code = (await page.getByTestId('recovery-code').textContent())!.trim();
		expect(code).toMatch(CODE);
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await page.getByRole('button', { name: 'I have written it down – continue' }).click();
		await page.waitForURL(`${base}/`);

		// Another browser, password forgotten: from the sign-in page, with the keyboard.
		const other = await (await browser.newContext({ locale: 'en-GB' })).newPage();
		await other.goto(`${base}/login`);
		await other.getByRole('link', { name: 'Forgot your password?' }).click();
		await other.waitForURL(`${base}/login/recover`);
		await other.getByLabel('Email').fill(email);
		await other.keyboard.press('Tab');
		await other.keyboard.type(code.toLowerCase());
		await other.keyboard.press('Tab');
		await other.keyboard.type('lantern meadow copper fjord');
		await other.keyboard.press('Enter');
		await other.waitForURL(/\/account\/recovery-code\?recovered=1/);
		expect(await other.getByRole('status').textContent()).toContain('Your new password is set');
		const fresh = (await other.getByTestId('recovery-code').textContent())!.trim();
		expect(fresh).toMatch(CODE);
		expect(fresh).not.toBe(code);
		await other.getByRole('button', { name: 'I have written it down – continue' }).click();
		await other.waitForURL(`${base}/`);

		// The first browser was signed out.
		await page.goto(`${base}/account`);
		await page.waitForURL(/\/login\?next=/);
		expect(errors).toEqual([]);
		await context.close();
		await other.context().close();
	});

	it('names a wrong code in Danish and keeps the email typed', async () => {
		const page = await (await browser.newContext({ locale: 'da-DK', extraHTTPHeaders: { 'Accept-Language': 'da' } })).newPage();
		await page.goto(`${base}/login/recover`);
		expect(await page.locator('h1').textContent()).toBe('Glemt din adgangskode?');
		await page.getByLabel('E-mail').fill('ingen@example.org');
		await page.getByLabel('Gendannelseskode').fill('ABCD-EFGH-JKMN-PQRS');
		await page.getByLabel('Ny adgangskode').fill('lantern meadow copper fjord');
		await page.getByRole('button', { name: 'Gem den nye adgangskode' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('Denne e-mail og gendannelseskode hører ikke sammen');
		expect(await page.getByLabel('E-mail').inputValue()).toBe('ingen@example.org');
		await page.context().close();
	});
});
