// A new client registers, takes the RIASEC test through the real UI with answers chosen here,
// and finds on the profile the Holland code and scale means computed here from those answers.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { answerRiasec, launchBrowser, registerClient, watchErrors } from '../support/browser';

const base = inject('baseUrl');
const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
// Answers per type for items 1..8. A and E tie, which the profile must report.
const ANSWERS: Record<(typeof TYPES)[number], number[]> = {
	R: [1, 2, 1, 2, 1, 2, 1, 2],
	I: [3, 3, 3, 3, 2, 2, 2, 2],
	A: [4, 4, 4, 4, 4, 4, 5, 5],
	S: [5, 5, 5, 5, 5, 5, 5, 4],
	E: [5, 5, 4, 4, 4, 4, 4, 4],
	C: [2, 2, 2, 2, 2, 2, 2, 2]
};
// Worked by hand: R 12/8 = 1.5, I 20/8 = 2.5, A 34/8 = 4.25, S 39/8 = 4.875, E 34/8 = 4.25, C 2.
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const expected = Object.fromEntries(TYPES.map((t) => [t, mean(ANSWERS[t])]));
const expectedCode = [...TYPES].sort((a, b) => expected[b] - expected[a]).slice(0, 3).join('');

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

describe('client journey: riasec-48', () => {
	it('registers, completes the test in the browser and sees the code and scores on the profile', async () => {
		expect(expected).toEqual({ R: 1.5, I: 2.5, A: 4.25, S: 4.875, E: 4.25, C: 2 });
		expect(expectedCode).toBe('SAE');
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, `riasec-${Date.now()}@example.org`);
		await page.getByRole('link', { name: 'Start' }).first().waitFor();
		await page.locator('a[href="/q/riasec-48"]').click();
		await page.locator('[data-name="R1"]').waitFor();
		// Page p holds item p of every type.
		const completion = page.waitForRequest((r) => r.method() === 'POST' && r.url() === `${base}/q/riasec-48/complete`);
		await answerRiasec(page, ANSWERS);
		await page.waitForURL(`${base}/profile#riasec-48`);
		// The completion carries the idempotency key made when the page opened (a UUID).
		expect((JSON.parse((await completion).postData() ?? '{}') as { completionKey?: string }).completionKey).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
		);
		const card = page.locator('article#riasec-48');
		await expect.poll(() => card.getByTestId('code-holland').textContent()).toBe(expectedCode);
		expect(await card.getByTestId('ties-holland').textContent()).toContain('A = E');
		const table = card.getByTestId('scales-riasec-48');
		const scaleIds = { R: 'realistic', I: 'investigative', A: 'artistic', S: 'social', E: 'enterprising', C: 'conventional' };
		for (const t of TYPES) {
			const shown = await table.locator(`tr[data-scale="${scaleIds[t]}"] [data-testid="score"]`).textContent();
			expect(Number(shown?.replace(',', '.'))).toBeCloseTo(expected[t], 2);
		}
		// The chart was drawn.
		expect(await card.locator('canvas').count()).toBe(1);
		// Home shows the instrument as completed.
		await page.goto(`${base}/`);
		const riasecCard = page.locator('li', { has: page.locator('a[href="/q/riasec-48"]') });
		expect(await riasecCard.locator('.badge').textContent()).toBe('Completed');
		expect(errors).toEqual([]);
		await page.close();
	});
});
