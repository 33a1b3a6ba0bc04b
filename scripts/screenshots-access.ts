// Takes the "everyone can take a test" screenshots in docs/screenshots from the real built app (run
// `npm run build` first), at desktop width and on a 360 px phone: starting without an account and the
// resume code, continuing with a code, the plain questionnaire without JavaScript (a test page, the
// Likert grid stacked on a phone, a dynamic panel whose follow-up appeared), the skipped-questions page
// and a refused completion, and the same skipped list and grid with SurveyJS.
import { launchBrowser, completeSurvey, nextPage } from '../tests/support/browser';
import { startServer } from '../tests/support/server';
import type { Browser, Page } from 'playwright-core';

const OUT = 'docs/screenshots';
const server = await startServer();
const browser = await launchBrowser();

async function shoot(page: Page, name: string) {
	for (const [w, h, suffix] of [[1280, 900, 'desktop'], [360, 780, 'phone']] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${OUT}/${name}-${suffix}.png`, fullPage: true });
	}
}

/** A new browser (JavaScript on or off) that starts without an account at `path`, past the code page. */
async function startAnonymously(b: Browser, javaScriptEnabled: boolean, path: string, shootCode = false): Promise<Page> {
	const context = await b.newContext({ javaScriptEnabled, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(90_000);
	await page.goto(`${server.url}${path}`);
	if (shootCode) await shoot(page, 'start-test');
	await page.locator('input[name="privacy"]').first().check();
	await page.getByRole('button', { name: 'Start now – no account needed' }).click();
	await page.getByTestId('resume-code').waitFor();
	if (shootCode) await shoot(page, 'start-code');
	await page.getByRole('button', { name: 'I have noted the code – continue' }).click();
	await page.waitForURL(`${server.url}${path}`);
	return page;
}

try {
	const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await visitor.goto(`${server.url}/start`);
	await shoot(visitor, 'start');
	await visitor.goto(`${server.url}/resume`);
	await shoot(visitor, 'resume');

	// Without JavaScript: RIASEC, one page answered, then the rest skipped.
	const plain = await startAnonymously(browser, false, '/q/riasec-48', true);
	await shoot(plain, 'plain-page');
	for (const [i, t] of [...'RIASEC'].entries()) await plain.locator(`[data-question="${t}1"] input`).nth((i % 5) + 0).check();
	await plain.getByRole('button', { name: 'Next' }).click();
	await plain.goto(`${server.url}/q/riasec-48?review`);
	await shoot(plain, 'plain-skipped');
	await plain.getByRole('button', { name: 'Complete anyway' }).click();
	await plain.getByRole('alert').waitFor();
	await shoot(plain, 'plain-refused');

	// The Likert grid, and a dynamic panel whose follow-up question appears after "No".
	await plain.goto(`${server.url}/q/study-habits`);
	await shoot(plain, 'plain-grid');
	await plain.goto(`${server.url}/q/study-habits?page=2`);
	const first = plain.locator('[data-question="courses"] .row-set').first();
	await first.locator('[data-question="course"] input').fill('Maths');
	await first.locator('[data-question="enjoy"]').getByLabel('No').check();
	await plain.getByRole('button', { name: 'Complete' }).click();
	await first.locator('[data-question="change"] textarea').waitFor();
	await shoot(plain, 'plain-panels');

	// With SurveyJS: the grid, and the skipped list before completing.
	const js = await startAnonymously(browser, true, '/q/study-habits');
	await js.locator('[data-name="plan"]').waitFor();
	await shoot(js, 'surveyjs-grid');
	await js.goto(`${server.url}/q/riasec-48`);
	await js.locator('[data-name="R1"] input').first().waitFor({ state: 'attached' });
	for (let p = 1; p < 8; p++) await nextPage(js);
	await completeSurvey(js);
	await js.getByTestId('skipped-review').waitFor();
	await shoot(js, 'surveyjs-skipped');
	console.log(`screenshots written to ${OUT}`);
} finally {
	await browser.close();
	await server.stop();
}
