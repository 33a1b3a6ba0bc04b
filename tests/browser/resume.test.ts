// Answers are saved as the client moves on: a reload, or signing in on another device, resumes on
// the same page with the same answers.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choose, launchBrowser, nextPage, registerClient, watchErrors } from '../support/browser';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

const checked = (page: Page, name: string) =>
	page.locator(`[data-name="${name}"] input:checked`).getAttribute('value');

describe('pause and resume', () => {
	it('resumes after a reload and on another device, on the same page with the same answers', async () => {
		const email = `resume-${Date.now()}@example.org`;
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, email);
		await page.goto(`${base}/q/riasec-48`);
		await page.locator('[data-name="R1"]').waitFor();
		for (const t of 'RIASEC') await choose(page, `${t}1`, 2);
		await nextPage(page);
		for (const t of 'RIASEC') await choose(page, `${t}2`, 4);
		await nextPage(page);
		// The answer on the page is saved shortly after it is given, without moving on.
		const saved = page.waitForResponse((r) => r.url().endsWith('?/save') && r.request().postData()?.includes('"R3":5') === true);
		await choose(page, 'R3', 5);
		expect((await saved).status()).toBe(200);
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Saved');

		await page.reload();
		await page.locator('[data-name="R3"]').waitFor();
		expect(await page.getByText('Welcome back').count()).toBe(1);
		expect(await checked(page, 'R3')).toBe('5');
		await page.locator('.sd-navigation__prev-btn').click();
		expect(await checked(page, 'S2')).toBe('4');
		expect(errors).toEqual([]);

		// Another device: a fresh browser context signs in and lands on page 2 (the last page saved).
		const other = await browser.newContext();
		const p2 = await other.newPage();
		await p2.goto(`${base}/login?next=/q/riasec-48`);
		await p2.getByLabel('Email').fill(email);
		await p2.getByLabel('Password').fill('correct horse battery');
		await p2.getByRole('button', { name: 'Sign in' }).click();
		await p2.waitForURL(`${base}/q/riasec-48`);
		await p2.locator('[data-name="R2"]').waitFor();
		expect(await checked(p2, 'C2')).toBe('4');
		await p2.locator('.sd-navigation__prev-btn').click();
		expect(await checked(p2, 'A1')).toBe('2');
		await other.close();

		// Home shows it as in progress.
		await page.goto(`${base}/`);
		const card = page.locator('li', { has: page.locator('a[href="/q/riasec-48"]') });
		expect(await card.locator('.badge').textContent()).toBe('In progress');
		await page.close();
	});
});
