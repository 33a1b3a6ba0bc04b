// Takes the privacy notice screenshots in docs/screenshots from the real built app (run
// `npm run build` first): /privacy in English and Danish, at desktop width and on a 360 px phone.
import { launchBrowser } from '../tests/support/browser';
import { startServer } from '../tests/support/server';

const OUT = 'docs/screenshots';
const server = await startServer();
const browser = await launchBrowser();

try {
	for (const [locale, suffix] of [['en-GB', ''], ['da-DK', '-da']] as const) {
		const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${server.url}/privacy`);
		await page.locator('h1').waitFor();
		for (const [w, h, size] of [[1280, 900, 'desktop'], [360, 780, 'phone']] as const) {
			await page.setViewportSize({ width: w, height: h });
			await page.waitForTimeout(300);
			await page.screenshot({ path: `${OUT}/privacy${suffix}-${size}.png`, fullPage: true });
		}
		await context.close();
	}
} finally {
	await browser.close();
	await server.stop();
}
