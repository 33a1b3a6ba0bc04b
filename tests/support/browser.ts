import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'
		]
	});
}

/** Registers a new client through the real form and returns the page, signed in. */
export async function registerClient(page: Page, base: string, email: string, password = 'correct horse battery') {
	await page.goto(`${base}/register`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.locator('#privacy').check();
	await page.getByRole('button', { name: 'Create account' }).click();
	await passRecoveryCode(page, base);
}

/** After registering: the page that shows the new recovery code once, continued from (to `next`, here /). */
export async function passRecoveryCode(page: Page, base: string, next = '/') {
	await page.waitForURL(`${base}/account/recovery-code?next=${encodeURIComponent(next)}`);
	await page.getByTestId('recovery-code').waitFor();
	await page.getByRole('button', { name: /^(I have written it down – continue|Jeg har skrevet den ned – fortsæt)$/ }).click();
	await page.waitForURL(`${base}${next}`);
}

/** Picks a value of a SurveyJS radiogroup/rating by clicking the label around the hidden input. */
export async function choose(page: Page, name: string, value: number | string) {
	await page.locator(`[data-name="${name}"] label:has(input[value="${value}"])`).click();
}

export async function nextPage(page: Page) {
	await page.locator('.sd-navigation__next-btn').click();
}

export async function completeSurvey(page: Page) {
	await page.locator('.sd-navigation__complete-btn').click();
}

/** Collects browser console errors and failed requests, to assert a page ran cleanly. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return errors;
}

/**
 * Answers the whole RIASEC test on the open /q/riasec-48 page, one page per item number (page p
 * holds item p of every type), and completes it. `answers[t][i]` is the answer to item i+1 of type t.
 */
export async function answerRiasec(page: Page, answers: Record<string, number[]>) {
	await page.locator('[data-name="R1"]').waitFor();
	for (let item = 1; item <= 8; item++) {
		for (const t of 'RIASEC') await choose(page, `${t}${item}`, answers[t][item - 1]);
		if (item < 8) await nextPage(page);
	}
	await completeSurvey(page);
}

/**
 * Answers a Yes/No (boolean) question by clicking its label, and waits until SurveyJS shows the
 * answer (`sd-boolean--checked` for Yes; neither it nor `--indeterminate` for No). Typing in the
 * panel's text field just before commits on blur and re-renders the panel, which can swallow a click
 * landing at that moment; a person would see the switch unchanged and click again, and so does this.
 */
export async function answerBoolean(question: Locator, answer: 'Yes' | 'No') {
	const shown = async () => {
		const cls = (await question.locator('.sd-boolean').getAttribute('class')) ?? '';
		return !cls.includes('sd-boolean--indeterminate') && cls.includes('sd-boolean--checked') === (answer === 'Yes');
	};
	for (let attempt = 0; attempt < 3; attempt++) {
		await question.getByText(answer, { exact: true }).click();
		for (let i = 0; i < 20 && !(await shown()); i++) await question.page().waitForTimeout(100);
		if (await shown()) return;
	}
	throw new Error(`the answer ${answer} was not shown after three clicks`);
}
