// An author pastes a form with every built-in question type into the playground: a typo is listed as a
// warning apart from errors, and the preview renders every question. Then a client completes study-habits — a Likert grid (matrix), a conditional question and a dynamic panel —
// through the real SurveyJS page, and the data download holds exactly the answers SurveyJS stored
// (the hidden panel question dropped) with the scale scores worked out here by hand.
import { readFileSync } from 'node:fs';
import { openDb } from '../support/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { answerBoolean, completeSurvey, launchBrowser, nextPage, registerClient, watchErrors } from '../support/browser';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const SHOTS = process.env.SCREENSHOT_DIR;
let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

/** Clicks the cell of a Likert-grid row (found by its text) in the column with this value. */
async function chooseCell(page: Page, matrix: string, rowText: string, value: string | number) {
	await page.locator(`[data-name="${matrix}"] tr`, { hasText: rowText }).locator(`label:has(input[value="${value}"])`).click();
}

describe('a SurveyJS form with a matrix, a dynamic panel and a conditional question', () => {
	it('is completed in the browser; the stored answers and scale scores are the expected ones', async () => {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, `forms-${Date.now()}@example.org`);
		await page.goto(`${base}/q/study-habits`);
		await page.locator('[data-name="plan"]').waitFor();
		await chooseCell(page, 'plan', 'I plan my week', 4);
		await chooseCell(page, 'plan', 'I start an assignment', 2);
		await chooseCell(page, 'plan', 'last minute', 5);
		await chooseCell(page, 'plan', 'small goals', 3);
		await nextPage(page);

		// The conditional question appears only once "a teacher" is answered "Never".
		await page.locator('[data-name="askFor"]').waitFor();
		expect(await page.locator('[data-name="whyNotAsk"]').count()).toBe(0);
		await chooseCell(page, 'askFor', 'a teacher', 'never');
		await chooseCell(page, 'askFor', 'a fellow student', 'often');
		await page.locator('[data-name="searchFirst"] label:has(input[value="usually"])').click();
		await page.locator('[data-name="whyNotAsk"] textarea').fill('I feel shy');
		await nextPage(page);

		// Two courses in the dynamic panel; "What would make it better?" shows only for one not enjoyed.
		const courses = page.locator('[data-name="courses"]');
		await courses.waitFor();
		await courses.getByRole('button', { name: /Add new/i }).click();
		await courses.locator('[data-name="course"] input').first().fill('Maths');
		await answerBoolean(courses.locator('[data-name="enjoy"]').first(), 'No');
		await courses.locator('[data-name="change"] textarea').first().fill('more examples');
		await courses.getByRole('button', { name: /Add new/i }).click();
		await courses.locator('[data-name="course"] input').nth(1).fill('Art');
		await answerBoolean(courses.locator('[data-name="enjoy"]').nth(1), 'Yes');
		expect(await courses.locator('[data-name="change"]').count()).toBe(1);
		await completeSurvey(page);
		await page.waitForURL(/\/profile/);

		const data = (await (await page.request.get(`${base}/account/data.json`)).json()) as {
			responses: { instrument: string; status: string; answers: unknown; result: { scales: { id: string; score: number | null }[] } }[];
		};
		const response = data.responses.find((r) => r.instrument === 'study-habits');
		expect(response?.status).toBe('completed');
		expect(response?.answers).toEqual({
			plan: { week: 4, start: 2, lastMinute: 5, goals: 3 },
			askFor: { teacher: 'never', peer: 'often' },
			searchFirst: 'usually',
			whyNotAsk: 'I feel shy',
			courses: [{ course: 'Maths', enjoy: false, change: 'more examples' }, { course: 'Art', enjoy: true }]
		});
		// planning: (4 + 2 + (6 − 5) + 3) / 4 = 2.5 (lastMinute reversed); help-seeking: never 0 + often 2 + usually 2 = 4.
		const scores = Object.fromEntries(response!.result.scales.map((s) => [s.id, s.score]));
		expect(scores).toEqual({ planning: 2.5, 'help-seeking': 4 });
		expect(errors).toEqual([]);
		await page.close();
	});
});

/** One page with the elements of the hand-made forms whose names do not clash: every built-in type. */
function everyType(): { survey: Record<string, unknown>; names: string[]; shown: string[] } {
	const forms = ['text-input-types', 'comment', 'checkbox', 'tagbox', 'ranking', 'imagepicker', 'rating', 'slider', 'boolean', 'matrix', 'matrixdropdown', 'matrixdynamic', 'multipletext', 'expression-calculated', 'html-image', 'file', 'signaturepad', 'buttongroup', 'dropdown'];
	const elements: Record<string, unknown>[] = [];
	let calculatedValues: unknown[] = [];
	for (const f of forms) {
		const form = JSON.parse(readFileSync(`tests/fixtures/surveyjs/hand-made/${f}.json`, 'utf8')) as { elements: Record<string, unknown>[]; calculatedValues?: unknown[] };
		elements.push(...form.elements);
		calculatedValues = [...calculatedValues, ...(form.calculatedValues ?? [])];
	}
	// A slip SurveyJS ignores: a warning with a hint, not an error.
	elements[0] = { ...elements[0], isRequred: true };
	const names = elements.map((e) => e.name).filter((n): n is string => typeof n === 'string');
	const shown = elements.filter((e) => e.visibleIf === undefined).map((e) => e.name).filter((n): n is string => typeof n === 'string');
	return { survey: { calculatedValues, elements }, names, shown };
}

describe('the author playground with every question type', () => {
	it('lists the typo as a warning apart from errors and previews every question', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const errors = watchErrors(page);
		const email = `author-types-${Date.now()}@example.org`;
		await registerClient(page, base, email);
		await openDb(dbPath).updateTable('user').set({ role: 'author' }).where('email', '=', email).execute();
		const { survey, names, shown } = everyType();
		expect(new Set(names).size).toBe(names.length);
		await page.goto(`${base}/author/playground`);
		const text = JSON.stringify({ id: 'every-type', version: '1.0.0', kind: 'self-evaluation', title: 'Every question type', survey }, null, 2);
		await page.getByLabel('Questionnaire JSON').fill(text);
		const validation = page.getByTestId('validation');
		await validation.getByTestId('valid').waitFor();
		expect(await validation.textContent()).toContain('Warnings: 1. SurveyJS ignores these');
		expect(await validation.textContent()).toContain('did you mean "isRequired"?');
		expect(await validation.textContent()).not.toContain('Problems found');
		expect(shown.length).toBeGreaterThan(40);
		for (const name of shown) await page.locator(`.preview [data-name="${name}"]`).first().waitFor();
		if (SHOTS) {
			await page.screenshot({ path: `${SHOTS}/playground-every-type-1280.png`, fullPage: true });
			await page.setViewportSize({ width: 360, height: 800 });
			await page.screenshot({ path: `${SHOTS}/playground-every-type-360.png`, fullPage: true });
		}
		expect(errors).toEqual([]);
		await page.close();
	});
});
