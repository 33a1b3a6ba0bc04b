// The adaptive Big Five (big-five-ipip-50-cat) in one journey: with JavaScript (SurveyJS renders the
// statement the server chose), a pause and a resume, then on the plain form without JavaScript in Danish to the
// end; the profile shows T-score percentiles with their 90 % bands and "Adaptiv: n af 50 udsagn". The
// numbers are checked against the stored response, which replays to the same θ.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, registerClient, watchErrors } from '../support/browser';
import { openDb } from '../support/db';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from '../../src/lib/core/questionnaire/types';
import { adaptiveTest } from '../../src/lib/core/irt/adaptive';
import { replayMismatch } from '../../src/lib/core/irt/cat';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

const ID = 'big-five-ipip-50-cat';

/** The statement the page asks now (its item name), from the plain form's hidden field. */
const currentItem = (page: Page) => page.locator('form[action="?/adaptive"] input[name="item"]').getAttribute('value');

describe('adaptive Big Five', () => {
	it('with and without JavaScript, paused and resumed, in English and Danish, to a result with "n of 50"', async () => {
		const email = `adaptive-${Date.now()}@example.org`;
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, email);
		await page.goto(`${base}/q/${ID}`);
		// With JavaScript: SurveyJS shows the statement; its answer goes through the same form to the server.
		const asked: string[] = [];
		for (let i = 1; i <= 3; i++) {
			const item = (await currentItem(page))!;
			const question = page.locator(`[data-name="${item}"]`);
			await question.waitFor();
			expect(await question.textContent()).toContain(`${i}.`);
			asked.push(item);
			await question.locator('label:has(input[value="4"])').click();
			await page.locator('.sd-navigation__complete-btn').click();
			await expect.poll(() => currentItem(page)).not.toBe(item);
		}
		expect(new Set(asked).size).toBe(3);
		// No answer leaves SurveyJS's required-answer message and stays on the statement.
		const fourth = await currentItem(page);
		await page.locator(`[data-name="${fourth}"]`).waitFor();
		await page.locator('.sd-navigation__complete-btn').click();
		await page.locator('.sd-question__erbox').first().waitFor();
		expect(await currentItem(page)).toBe(fourth);
		// Pause: the same statement comes back after a reload, with "Welcome back".
		await page.reload();
		await page.locator(`[data-name="${fourth}"]`).waitFor();
		expect(await page.getByText('Welcome back').count()).toBe(1);
		expect(await page.getByText('Statement 4').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await page.close();

		// Resume on another device without JavaScript, in Danish: the plain form, one statement at a time.
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK', viewport: { width: 360, height: 740 } });
		const plain = await context.newPage();
		await plain.goto(`${base}/login?next=/q/${ID}`);
		await plain.getByLabel(/^(Email|E-mail)$/).fill(email);
		await plain.getByLabel(/^(Password|Adgangskode)$/).fill('correct horse battery');
		await plain.getByRole('button', { name: /^(Sign in|Log ind)$/ }).click();
		await plain.waitForURL(`${base}/q/${ID}`);
		if ((await plain.evaluate(() => document.documentElement.lang)) !== 'da') {
			await plain.locator('form.lang button[value="da"]').click();
			await plain.waitForURL(`${base}/q/${ID}`);
		}
		expect(await currentItem(plain)).toBe(fourth);
		// Next without an answer: a message naming what to do, nothing saved.
		await plain.getByRole('button', { name: 'Næste' }).click();
		expect(await plain.getByRole('alert').textContent()).toContain('Vælg et svar');
		expect(await currentItem(plain)).toBe(fourth);
		let steps = 3;
		while (plain.url().startsWith(`${base}/q/`)) {
			const item = (await currentItem(plain))!;
			expect(await plain.getByTestId('adaptive-statement').textContent()).toContain(`Udsagn ${steps + 1}`);
			await plain.locator('input[name="value"][value="2"]').check();
			await plain.getByRole('button', { name: 'Næste' }).click();
			await plain.waitForLoadState();
			steps++;
			expect(steps).toBeLessThanOrEqual(30);
			if (plain.url().startsWith(`${base}/q/`)) expect(await currentItem(plain)).not.toBe(item);
		}
		await plain.waitForURL(`${base}/profile#${ID}`);
		const card = plain.locator(`article#${ID}`);
		expect(await card.getByTestId('adaptive-used').textContent()).toBe(`Adaptiv: ${steps} af 50 udsagn`);
		const rows = card.locator(`[data-testid="scales-${ID}"] tbody tr`);
		expect(await rows.count()).toBe(5);
		for (const text of await rows.allTextContents()) expect(text).toMatch(/\d+ \(\d+–\d+\)/); // percentile (90 % band)

		// The stored response: the steps in order, and θ replays from the answers.
		const db = openDb(inject('dbTarget'));
		{
			const user = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
			const row = await db.selectFrom('response').selectAll().where('user_id', '=', user.id).where('instrument_id', '=', ID).executeTakeFirstOrThrow();
			const result = JSON.parse(row.result!);
			expect(result.adaptive.used).toBe(steps);
			expect(result.adaptive.steps.slice(0, 4).map((s: { item: string }) => s.item)).toEqual([...asked, fourth]);
			const q = JSON.parse(readFileSync(new URL(`../../questionnaires/${ID}.json`, import.meta.url), 'utf8')) as Questionnaire;
			expect(replayMismatch(adaptiveTest(q)!.bank, result.adaptive.steps, 1e-6)).toBeUndefined();
			// The same person as an author: the bank's parameters, information curves and observed exposure.
			await db.updateTable('user').set({ role: 'author' }).where('id', '=', user.id).execute();
		}
		await context.close();
		const author = await browser.newPage();
		const authorErrors = watchErrors(author);
		await author.goto(`${base}/login?next=/author/${ID}`);
		await author.getByLabel('Email').fill(email);
		await author.getByLabel('Password').fill('correct horse battery');
		await author.getByRole('button', { name: /^(Sign in|Log ind)$/ }).click();
		await author.waitForURL(`${base}/author/${ID}`);
		const bank = author.getByTestId('adaptive-bank');
		await bank.waitFor();
		// Chart.js has drawn each scale's curves (it sizes the canvas it draws on).
		for (const scale of ['extraversion', 'agreeableness', 'conscientiousness', 'emotional-stability', 'intellect']) {
			await expect.poll(() => author.getByTestId(`info-chart-${scale}`).evaluate((c) => (c as HTMLCanvasElement).style.width)).not.toBe('');
		}
		expect(await bank.getByTestId('bank-respondents').textContent()).toMatch(/\b1\b/);
		const exposures = await bank.getByTestId('exposure').allTextContents();
		expect(exposures).toHaveLength(50);
		expect(exposures.filter((x) => x.includes('100')).length).toBe(steps);
		expect(await bank.locator(`tr[data-item="${asked[0]}"] [data-testid="exposure"]`).textContent()).toContain('100');
		expect(authorErrors).toEqual([]);
		await author.close();
	});
});
