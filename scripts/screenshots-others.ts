// Takes the "How others see me" screenshots in docs/screenshots from the real built app (run
// `npm run build` first): the client's exercise page with a finished window, the page an invited
// person answers on (without JavaScript, as many of them will), and the code entry page.
import { launchBrowser, completeSurvey, registerClient } from '../tests/support/browser';
import { startServer } from '../tests/support/server';
import type { Page } from 'playwright-core';

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

try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await registerClient(page, server.url, 'others-screens@example.org');
	await page.goto(`${server.url}/q/others-view`);
	await page.locator('[data-name="others_S"]').waitFor();
	for (const [q, v] of [['others_I', 'curious'], ['others_S', 'patient'], ['others_S', 'listener'], ['others_C', 'organised'], ['others_P', 'honest']])
		await page.locator(`[data-name="${q}"] label:has(input[value="${v}"])`).click();
	await completeSurvey(page);
	await page.waitForURL(/\/others\/others-view/);
	await page.getByLabel('Your first name, as they will see it').fill('Ann');
	await page.getByLabel('Who is this link for? (optional)').fill('Family');
	await page.getByRole('button', { name: 'Make a link' }).click();
	const link = (await page.getByTestId('new-invite').getByRole('link').textContent())!.trim();

	const picks = [
		['Patient with other people', 'Kind and friendly', 'Funny – makes others laugh'],
		['Patient with other people', 'Kind and friendly', 'Calm under pressure'],
		['Kind and friendly', 'Organised – keeps things in order', 'Reliable – others can count on this person']
	];
	const texts = ['Always calm when others panic', 'Makes everyone feel welcome', ''];
	for (let i = 0; i < picks.length; i++) {
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
		const invitee = await context.newPage();
		await invitee.goto(link);
		if (i === 0) await shoot(invitee, 'others-answer');
		for (const q of picks[i]) await invitee.getByLabel(q, { exact: true }).check();
		if (texts[i]) await invitee.locator('textarea[name="text"]').fill(texts[i]);
		await invitee.locator('form.answer button').click();
		await invitee.getByTestId('answer-saved').waitFor();
		if (i === 0) await shoot(invitee, 'others-answered');
		if (i === 0) {
			await invitee.goto(`${server.url}/o`);
			await shoot(invitee, 'others-code');
		}
		await context.close();
	}
	await page.goto(`${server.url}/others/others-view`);
	await shoot(page, 'others');
	await page.goto(`${server.url}/profile`);
	await shoot(page, 'others-profile');
	console.log('screenshots written to docs/screenshots (others-*.png)');
} finally {
	await browser.close();
	await server.stop();
}
