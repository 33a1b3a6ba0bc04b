// The card sort and a brainstorm, through the real UI, with the keyboard where it matters: the
// profile shows the chosen order, the themes counted and the ideas verbatim.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { choose, completeSurvey, launchBrowser, nextPage, registerClient, watchErrors } from '../support/browser';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

describe('exercises', () => {
	it('sorts work values with the keyboard and sees the top five on the profile', async () => {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, `values-${Date.now()}@example.org`);
		await page.goto(`${base}/q/work-values`);
		const cards = page.locator('[data-name="values_rank"] .sv-ranking-item');
		await cards.first().waitFor();
		// Move "Good pay" (5th card) to the top with four presses of the up arrow.
		const texts = await cards.allTextContents();
		const income = texts.findIndex((t) => t.includes('Good pay'));
		expect(income).toBe(4);
		// One press at a time, each waiting for the card to move, so no press lands before SurveyJS listens.
		const position = async () => (await cards.allTextContents()).findIndex((t) => t.includes('Good pay'));
		for (let at = income; at > 0; at--) {
			await cards.nth(at).focus();
			await expect.poll(async () => {
				if ((await position()) === at) await page.keyboard.press('ArrowUp');
				return position();
			}).toBe(at - 1);
		}
		await expect.poll(async () => (await cards.first().textContent()) ?? '').toContain('Good pay');
		const order = (await cards.allTextContents()).map((t) => t.replace(/^\d+/, '').split('–')[0].trim());
		await nextPage(page);
		for (const [name, v] of [['SE1', 4], ['SE2', 3], ['SE3', 5], ['SE4', 2]] as const) await choose(page, name, v);
		await completeSurvey(page);
		await page.waitForURL(`${base}/profile#work-values`);
		const top = await page.getByTestId('ranking-top-values').locator('li').allTextContents();
		expect(top).toHaveLength(5);
		expect(top[0]).toContain('Good pay');
		expect(top.map((t) => t.split('–')[0].trim())).toEqual(order.slice(0, 5));
		// The summary at the top of the profile names the top three values, in the order sorted.
		const [v1, v2, v3] = order;
		expect(v1).toBe('Good pay');
		const inSentence = (v: string) => v.charAt(0).toLowerCase() + v.slice(1);
		expect(await page.getByTestId('summary-values').textContent()).toBe(`What matters most to you at work: good pay, ${inSentence(v2)} and ${inSentence(v3)}.`);
		// Certainty: (4 + 3 + 5 + 2) / 4 = 3.5
		const score = await page.locator('article#work-values tr[data-scale="certainty"] [data-testid="score"]').textContent();
		expect(score).toBe('3.50');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('brainstorms strengths, tags their themes and finds the tallies and the ideas on the profile', async () => {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, `strengths-${Date.now()}@example.org`);
		await page.goto(`${base}/q/brainstorm-strengths`);
		const matrix = page.locator('[data-name="strengths"]');
		await matrix.waitFor();
		const ideas = [
			['Fixing bikes', 'Practical, hands-on'],
			['Explaining maths to my brother', 'Helping, teaching'],
			['Listening to friends', 'Helping, teaching']
		];
		for (let i = 0; i < ideas.length; i++) {
			if (i > 0) await matrix.getByRole('button', { name: 'Add another thing' }).click();
			const row = matrix.locator('tbody tr.sd-table__row').nth(i);
			await row.locator('input[type="text"]').first().fill(ideas[i][0]);
			// Open the theme list, type to filter it and pick with Enter, as a keyboard user would.
			await row.locator('.sd-dropdown').click();
			await page.keyboard.type(ideas[i][1].slice(0, 8));
			await page.keyboard.press('Enter');
			await expect.poll(() => row.locator('.sd-dropdown').textContent()).toContain(ideas[i][1]);
		}
		// An empty row left at the end does not block Next; it is simply not counted.
		await matrix.getByRole('button', { name: 'Add another thing' }).click();
		await expect.poll(() => matrix.locator('tbody tr.sd-table__row').count()).toBe(ideas.length + 1);
		await nextPage(page);
		await page.locator('[data-name="strengths_reflection"] textarea').fill('I like helping people.');
		await completeSurvey(page);
		await page.waitForURL(`${base}/profile#brainstorm-strengths`);
		const card = page.locator('article#brainstorm-strengths');
		const tally = await card.locator('ul.tally li').allTextContents();
		expect(tally[0]).toBe('Helping, teaching: 2');
		expect(tally).toContain('Practical, hands-on: 1');
		const list = await card.getByTestId('list-strengths').locator('li').allTextContents();
		expect(list).toEqual(ideas.map(([idea]) => idea));
		// The reflection is not one of the strengths: it has its own heading and list.
		expect(await card.getByTestId('list-strengths-reflection').locator('li').allTextContents()).toEqual(['I like helping people.']);
		expect(await card.locator('h3').allTextContents()).toEqual(['Themes you chose', 'Things I am good at', 'Look at your list. What do you notice? Which of these would you like to use in a job?']);
		// The summary at the top of the profile counts them and names the main theme.
		expect(await page.getByTestId('summary-strengths').textContent()).toBe('You wrote down 3 things you are good at, most of them about helping people.');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('lists dream jobs and picks attractions, one of them typed in, and finds them on the profile', async () => {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, `dreams-${Date.now()}@example.org`);
		await page.goto(`${base}/q/brainstorm-dream-jobs`);
		const panels = page.locator('[data-name="dream_jobs"] [data-name="job"] input');
		await panels.first().waitFor();
		await panels.nth(0).fill('Zoo keeper');
		await page.locator('[data-name="dream_jobs"] [data-name="attraction"] textarea').nth(0).fill('Working with animals outdoors');
		await panels.nth(1).fill('Pilot');
		await nextPage(page);
		// The tag box: pick a listed attraction with the keyboard, then type one of our own.
		const tagbox = page.locator('[data-name="attractions"] .sd-dropdown');
		await tagbox.click();
		await page.keyboard.type('Good pay');
		await page.keyboard.press('Enter');
		await page.keyboard.type('Travelling the world');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('[data-name="attractions"]').textContent()).toContain('Travelling the world');
		await completeSurvey(page);
		await page.waitForURL(`${base}/profile#brainstorm-dream-jobs`);
		const card = page.locator('article#brainstorm-dream-jobs');
		const list = await card.getByTestId('list-dream-jobs').locator('li').allTextContents();
		expect(list).toEqual(['Zoo keeper — Working with animals outdoors', 'Pilot']);
		// Only what was chosen is shown, as tags without a meaningless count of 1.
		const tags = await card.getByTestId('tally-attractions').locator('li').allTextContents();
		expect(tags.sort()).toEqual(['Good pay', 'Travelling the world']);
		// Each list has its own heading: no "Your answers" twice.
		const headings = await card.locator('h3').allTextContents();
		expect(new Set(headings).size).toBe(headings.length);
		expect(headings).not.toContain('Your answers');
		expect(errors).toEqual([]);
		await page.close();
	});
});
