// Hostile HTML in a questionnaire file executes nothing, even with the Content-Security-Policy
// switched off in the browser: the server's sanitiser alone has to stop it. A control payload
// injected by the test itself does run, which shows that the CSP really is off and that the
// detector (a request to /__pwned/…) works.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { completeSurvey, launchBrowser, registerClient } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ QUESTIONNAIRES_DIR: resolve('tests/fixtures/hostile') });
	browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('questionnaire HTML with the CSP off', () => {
	it('runs none of the payloads, in either language, through to completion', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		const pwned: string[] = [];
		page.on('request', (r) => {
			const m = /\/__pwned\/([\w-]+)/.exec(r.url());
			if (m) pwned.push(m[1]);
		});
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await registerClient(page, server.url, `hostile-${Date.now()}@example.org`);
		await page.goto(`${server.url}/q/hostile-html`);
		await page.locator('.kept').waitFor();
		expect(await page.locator('.kept').innerHTML()).toBe('Plain <strong>text</strong> stays.');

		// The control: an inline handler the test adds itself runs, so nothing but the sanitiser is in the way.
		await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', `<img src="x" onerror="fetch('/__pwned/control')">`));
		await expect.poll(() => pwned.includes('control')).toBe(true);

		// Whatever survived as text is clicked, hovered and focused like a curious person would.
		for (const id of ['js-link', 'tab-link']) if (await page.locator(`.${id}`).count()) await page.locator(`.${id}`).click();
		if (await page.locator('.hover').count()) await page.locator('.hover').hover();
		expect(await page.locator('[data-name="payloads"] script, [data-name="payloads"] iframe, [data-name="payloads"] svg, [data-name="payloads"] [onerror], [data-name="payloads"] a[href^="javascript"]').count()).toBe(0);
		// The question title is text, not markup.
		expect(await page.locator('[data-name="thoughts"] img').count()).toBe(0);

		// Danish, then completion (completedHtml, completedBeforeHtml, navigateToUrl).
		const da = await page.request.post(`${server.url}/language`, { form: { locale: 'da', next: '/' }, headers: { origin: server.url, accept: 'text/html' }, maxRedirects: 0 });
		expect(da.status()).toBe(303);
		await page.goto(`${server.url}/q/hostile-html`);
		await page.locator('.kept').waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('da');
		await completeSurvey(page);
		await page.waitForURL(/\/profile/);
		await page.waitForTimeout(500);
		expect(pwned).toEqual(['control']);
		expect(dialogs).toEqual([]);
		await context.close();
	});
});
