// Skipped questions with JavaScript on (SurveyJS): before completing, the client sees how many were
// skipped with a button to each; going to one opens its page; "Complete anyway" completes when every
// scale has enough answers and is refused with the minimum named when one has not.
import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { choose, completeSurvey, launchBrowser, nextPage } from '../support/browser';
import { openDb } from '../support/db';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

async function startRiasec(): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	await page.goto(`${base}/q/riasec-48`);
	await page.locator('input[name="privacy"]').first().check();
	await page.getByRole('button', { name: 'Start now – no account needed' }).click();
	await page.getByRole('button', { name: 'I have noted the code – continue' }).click();
	await page.locator('[data-name="R1"] input').first().waitFor({ state: 'attached' });
	return page;
}

async function statusOf(page: Page) {
	const session = (await page.context().cookies()).find((c) => c.name === 'spejl_session')!.value;
	const row = await openDb(dbPath)
		.selectFrom('response as r')
		.innerJoin('session as s', 's.user_id', 'r.user_id')
		.select('r.status')
		.where('r.instrument_id', '=', 'riasec-48')
		.where('s.id', '=', createHash('sha256').update(session).digest('hex'))
		.orderBy('r.started_at', 'desc')
		.executeTakeFirst();
	return row?.status;
}

describe('skipped questions with SurveyJS', () => {
	it('lists them with a button to each, and below the minimum completing is refused', async () => {
		const page = await startRiasec();
		for (const t of 'RIASEC') await choose(page, `${t}1`, 3);
		for (let p = 1; p < 8; p++) await nextPage(page);
		await completeSurvey(page);
		const review = page.getByTestId('skipped-review');
		await review.waitFor();
		expect(await review.locator('#skipped-h').textContent()).toBe('You skipped 42 questions');
		// The heading has the focus, so a screen reader announces it.
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('skipped-h');
		expect(await review.locator('li button').count()).toBe(30);
		expect(await review.textContent()).toContain('… and 12 more');
		expect(await page.locator('.survey').isHidden()).toBe(true);
		// The first skipped question is R2, on page 2: its button opens that page.
		expect(await review.locator('li').first().textContent()).toContain('(page 2)');
		await review.locator('li button').first().click();
		await page.locator('[data-name="R2"]').waitFor();
		expect(await page.locator('[data-name="R1"]').count()).toBe(0);
		expect(await review.count()).toBe(0);

		for (let p = 2; p < 8; p++) await nextPage(page);
		await completeSurvey(page);
		await review.waitFor();
		await review.getByRole('button', { name: 'Complete anyway' }).click();
		const alert = page.getByRole('alert');
		await expect.poll(() => alert.textContent()).toContain('There are not enough answers for a result yet.');
		expect(await alert.textContent()).toContain('Realistic: 1 of 8 questions answered, at least 6 are needed.');
		expect(await statusOf(page)).toBe('in_progress');
	});

	it('one skipped question: "Go back" returns to the form, "Complete anyway" completes', async () => {
		const page = await startRiasec();
		for (let item = 1; item <= 8; item++) {
			for (const t of 'RIASEC') if (!(t === 'C' && item === 8)) await choose(page, `${t}${item}`, t === 'R' ? 5 : 2);
			if (item < 8) await nextPage(page);
		}
		await completeSurvey(page);
		const review = page.getByTestId('skipped-review');
		await review.waitFor();
		expect(await review.locator('#skipped-h').textContent()).toBe('You skipped 1 question');
		expect(await review.locator('li').textContent()).toContain('(page 8)');
		await review.getByRole('button', { name: 'Go back to the questions' }).click();
		expect(await review.count()).toBe(0);
		expect(await page.locator('[data-name="C8"]').isVisible()).toBe(true);
		await completeSurvey(page);
		await review.getByRole('button', { name: 'Complete anyway' }).click();
		await page.waitForURL(`${base}/profile#riasec-48`);
		expect(await page.locator('article#riasec-48').getByTestId('code-holland').textContent()).toMatch(/^R/);
		expect(await statusOf(page)).toBe('completed');
	});
});
