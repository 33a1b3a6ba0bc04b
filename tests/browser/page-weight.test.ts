// Byte budgets, measured by Chromium with an empty cache (tests/support/transfer.ts): the questionnaire
// page without JavaScript transfers under 50 KiB in all and no script; SurveyJS (scripts and styles)
// is downloaded on questionnaire pages only. Sizes, not times: the figures per page are recorded by
// `npm run bench` in bench/RESULTS.md.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { Jar } from '../support/jar';
import { measureTransfer, type Transfer } from '../support/transfer';

const base = inject('baseUrl');

let browser: Browser;
let cookies: { name: string; value: string }[];
beforeAll(async () => {
	browser = await launchBrowser();
	const jar = new Jar(base);
	await jar.post('/start?next=%2Fq%2Friasec-48', { privacy: 'agree' });
	cookies = [{ name: 'spejl_session', value: jar.cookies.get('spejl_session')! }, { name: 'lang', value: 'en' }];
});
afterAll(async () => browser?.close());

/** Whether any script or style the page downloaded is SurveyJS's (its files name its website). */
async function loadsSurveyJs(t: Transfer): Promise<boolean> {
	for (const r of t.resources.filter((x) => x.kind === 'js' || x.kind === 'css')) {
		const text = await (await fetch(`${base}${r.path}`)).text();
		if (text.includes('surveyjs.io')) return true;
	}
	return false;
}

describe('page weight', () => {
	it('the questionnaire page without JavaScript: under 50 KiB in all, compressed, no scripts', async () => {
		const t = await measureTransfer(browser, `${base}/q/riasec-48`, { cookies, context: { javaScriptEnabled: false }, ready: '#plain-form' });
		expect(t.total).toBeGreaterThan(2000);
		expect(t.total, JSON.stringify(t.resources)).toBeLessThan(50 * 1024);
		expect(t.bytes.js).toBe(0);
		expect(t.resources.find((r) => r.kind === 'html')?.encoding).toMatch(/^(br|gzip)$/);
		expect(await loadsSurveyJs(t)).toBe(false);
	});

	it('SurveyJS is downloaded for the questionnaire page, not for the home page or the profile', async () => {
		const take = await measureTransfer(browser, `${base}/q/riasec-48`, { cookies, ready: '[data-name="R1"] input' });
		expect(await loadsSurveyJs(take)).toBe(true);
		for (const path of ['/', '/profile']) {
			const t = await measureTransfer(browser, `${base}${path}`, { cookies });
			expect(await loadsSurveyJs(t), path).toBe(false);
			expect(t.total, path).toBeLessThan(take.total / 2);
		}
	});
});
