// Big Five through the real UI, in Danish: the profile shows the percentiles computed here from the
// IPIP key and the published norms (independently of the questionnaire file).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { choose, completeSurvey, launchBrowser, nextPage, registerClient, watchErrors, passRecoveryCode } from '../support/browser';

const base = inject('baseUrl');
// IPIP-50 keying in presentation order (ipip.ori.org; items EXT1 … OPN10).
const KEY =
	'EXT1+ AGR1- CSN1+ EST1- OPN1+ EXT2- AGR2+ CSN2- EST2+ OPN2- EXT3+ AGR3- CSN3+ EST3- OPN3+ EXT4- AGR4+ CSN4- EST4+ OPN4- EXT5+ AGR5- CSN5+ EST5- OPN5+ EXT6- AGR6+ CSN6- EST6- OPN6- EXT7+ AGR7- CSN7+ EST7- OPN7+ EXT8- AGR8+ CSN8- EST8- OPN8+ EXT9+ AGR9+ CSN9+ EST9- OPN9+ EXT10- AGR10+ CSN10+ EST10- OPN10+'
		.split(' ')
		.map((s) => ({ name: s.slice(0, -1), plus: s.endsWith('+') }));
// Openpsychometrics BIG5 (n = 19,718), item-mean metric: mean, sd.
const NORMS: Record<string, [number, number, string]> = {
	EXT: [3.011, 0.922, 'extraversion'],
	AGR: [3.845, 0.715, 'agreeableness'],
	CSN: [3.347, 0.731, 'conscientiousness'],
	EST: [2.903, 0.862, 'emotional-stability'],
	OPN: [3.909, 0.626, 'intellect']
};

// Φ by numerical integration of the normal density (Simpson, 2000 steps): independent of the app's erfc.
function phi(z: number) {
	const n = 2000;
	const a = 0;
	const h = (z - a) / n;
	const f = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
	let s = f(a) + f(z);
	for (let i = 1; i < n; i++) s += f(a + i * h) * (i % 2 ? 4 : 2);
	return 0.5 + (s * h) / 3;
}

// Chosen answers: the i-th item gets 1 + (i·3 mod 5).
const answerOf = (i: number) => 1 + ((i * 3) % 5);

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

describe('client journey: big-five-ipip-50 in Danish', () => {
	it('completes the test and sees percentiles matching an independent computation', async () => {
		const sums: Record<string, number> = { EXT: 0, AGR: 0, CSN: 0, EST: 0, OPN: 0 };
		KEY.forEach(({ name, plus }, i) => {
			const x = answerOf(i);
			sums[name.replace(/\d+$/, '')] += plus ? x : 6 - x;
		});
		const expected = Object.fromEntries(
			Object.entries(sums).map(([f, s]) => {
				const [m, sd, id] = NORMS[f];
				return [id, { mean: s / 10, percentile: 100 * phi((s / 10 - m) / sd) }];
			})
		);
		// A sanity check of the integration: Φ(1.96) = 0.9750021.
		expect(phi(1.96)).toBeCloseTo(0.9750021, 6);

		const page = await browser.newPage({ locale: 'da-DK', extraHTTPHeaders: { 'Accept-Language': 'da' } });
		const errors = watchErrors(page);
		await page.goto(`${base}/register`);
		expect(await page.locator('h1').textContent()).toBe('Opret din konto');
		await page.getByLabel('E-mail').fill(`bigfive-${Date.now()}@example.org`);
		await page.getByLabel('Adgangskode').fill('correct horse battery');
		await page.locator('#privacy').check();
		await page.getByRole('button', { name: 'Opret konto' }).click();
		await passRecoveryCode(page, base);
		await page.goto(`${base}/q/big-five-ipip-50`);
		await page.locator('[data-name="EXT1"]').waitFor();
		// SurveyJS speaks Danish too.
		expect(await page.locator('.sd-navigation__next-btn').getAttribute('value')).toBe('Videre');
		for (let p = 0; p < 5; p++) {
			for (let i = p * 10; i < p * 10 + 10; i++) await choose(page, KEY[i].name, answerOf(i));
			if (p < 4) await nextPage(page);
		}
		await completeSurvey(page);
		await page.waitForURL(`${base}/profile#big-five-ipip-50`);
		const table = page.getByTestId('scales-big-five-ipip-50');
		await table.waitFor();
		for (const [id, e] of Object.entries(expected)) {
			const row = table.locator(`tr[data-scale="${id}"]`);
			const score = Number((await row.getByTestId('score').textContent())?.replace(',', '.'));
			const pct = Number(await row.getByTestId('percentile').textContent());
			expect(score).toBeCloseTo(e.mean, 2);
			expect(pct).toBe(Math.round(e.percentile));
		}
		expect(await page.locator('article#big-five-ipip-50 canvas').count()).toBe(1);
		expect(errors).toEqual([]);
		await page.close();
	});
});
