// A client takes the RIASEC test through the real UI with answers chosen here, answers the preparation
// question on /matches, and finds the occupations at that level with the fits this test computes on its
// own from those answers and the O*NET CSV; the choice is remembered and changed with one click; the
// client stars two occupations and finds them in the downloaded JSON export (validated against the
// schema); creates, uses and revokes an API token. In Danish: the same with Danish titles (from the
// CSV's title_da), English ones marked, and Danish search.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { answerRiasec, launchBrowser, registerClient, watchErrors } from '../support/browser';

const base = inject('baseUrl');
const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
const ANSWERS: Record<(typeof TYPES)[number], number[]> = {
	R: [2, 2, 3, 2, 2, 3, 2, 2], // 18/8 = 2.25
	I: [5, 5, 4, 5, 5, 4, 5, 5], // 38/8 = 4.75
	A: [4, 4, 3, 4, 3, 4, 4, 3], // 29/8 = 3.625
	S: [2, 3, 2, 3, 2, 3, 2, 3], // 20/8 = 2.5
	E: [1, 2, 1, 2, 1, 1, 2, 1], // 11/8 = 1.375
	C: [3, 4, 3, 4, 3, 4, 3, 4] //  28/8 = 3.5
};
const client = TYPES.map((t) => ANSWERS[t].reduce((a, b) => a + b, 0) / 8);

/** One CSV line → cells (RFC 4180 quotes; O*NET titles contain commas). */
function csvLine(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') cells.push(cell), (cell = '');
		else cell += ch;
	}
	cells.push(cell);
	return cells;
}

/** Pearson's r, textbook formula. */
function pearson(x: number[], y: number[]): number {
	const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
	const [mx, my] = [mean(x), mean(y)];
	let sxy = 0, sxx = 0, syy = 0;
	x.forEach((xi, i) => {
		sxy += (xi - mx) * (y[i] - my);
		sxx += (xi - mx) ** 2;
		syy += (y[i] - my) ** 2;
	});
	return sxy / Math.sqrt(sxx * syy);
}

const [header, ...lines] = readFileSync(resolve(__dirname, '../../opportunities/onet-29-3.csv'), 'utf8').trim().split('\n').map(csvLine);
const at = (name: string) => header.indexOf(name);
const ranked = lines
	.map((c) => ({ id: c[at('id')], title: c[at('title')], titleDa: c[at('title_da')], level: Number(c[at('level')]), r: pearson(client, TYPES.map((t) => Number(c[at(t)]))) }))
	.sort((a, b) => b.r - a.r);
const words = (r: number) => {
	const x = Math.round(r * 100) / 100;
	return x >= 0.8 ? 'Very good fit' : x >= 0.6 ? 'Good fit' : x >= 0.4 ? 'Some fit' : 'Weak fit';
};
const schema = JSON.parse(readFileSync(resolve(__dirname, '../../static/schema/profile-v1.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

async function shownMatches(page: Page, n: number) {
	const items = page.locator('ol.matches > li');
	await items.first().waitFor();
	const out: { id: string; title: string; fit: string; words: string; level: string; reason: string; letters: string }[] = [];
	for (let i = 0; i < n; i++) {
		const li = items.nth(i);
		out.push({
			id: (await li.getAttribute('data-id'))!,
			title: (await li.getByTestId('match-title').textContent())!.trim(),
			fit: (await li.getByTestId('fit').textContent())!.trim(),
			words: (await li.getByTestId('fit-level').textContent())!.trim(),
			level: (await li.getByTestId('level').textContent())!.trim(),
			reason: (await li.getByTestId('why').textContent())!.trim(),
			letters: (await li.getByTestId('why').getAttribute('data-letters'))!
		});
	}
	return out;
}

describe('client journey: matches, export and API token', () => {
	it('sees the occupations this test computes, downloads a valid export, and uses and revokes a token', async () => {
		expect(client).toEqual([2.25, 4.75, 3.625, 2.5, 1.375, 3.5]);
		// The first five differ clearly, so the order does not depend on tie-breaking.
		for (let i = 0; i < 5; i++) expect(ranked[i].r - ranked[i + 1].r).toBeGreaterThan(1e-6);

		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, `matching-${Date.now()}@example.org`);

		// Before the test: an empty state pointing to it.
		await page.goto(`${base}/matches`);
		await expect.poll(() => page.getByTestId('matches-empty').isVisible()).toBe(true);
		await page.getByRole('link', { name: 'Take the interests test' }).click();
		await page.locator('[data-name="R1"]').waitFor();
		await answerRiasec(page, ANSWERS);
		await page.waitForURL(`${base}/profile#riasec-48`);

		await page.getByRole('navigation').getByRole('link', { name: 'Matches' }).click();
		await page.waitForURL(`${base}/matches`);
		// The preparation question comes first, in plain words; nothing is listed yet.
		const question = page.getByTestId('prep-question');
		await question.waitFor();
		expect(await page.locator('ol.matches').count()).toBe(0);
		expect(await question.textContent()).toContain('How much education or training are you willing to do?');
		await question.getByText('Medium preparation').click();
		await page.getByRole('button', { name: 'Show my matches' }).click();
		await page.waitForURL(`${base}/matches`);
		expect(await page.getByTestId('person-code').textContent()).toBe('IAC');
		const zone3 = ranked.filter((m) => m.level === 3);
		const top3 = await shownMatches(page, 5);
		expect(top3.map((m) => m.id)).toEqual(zone3.slice(0, 5).map((m) => m.id));
		top3.forEach((m, i) => {
			expect(m.title).toBe(zone3[i].title);
			expect(m.fit).toBe(`r = ${zone3[i].r.toFixed(2)}`);
			expect(m.words).toBe(words(zone3[i].r));
			expect(m.level).toBe('Medium preparation');
		});
		// The reason in words names what the client likes behind the letters that drove the fit.
		const likes: Record<string, string> = { R: 'practical work with your hands', I: 'investigating', A: 'creating', S: 'helping people', E: 'leading and persuading', C: 'organising' };
		for (const m of top3) {
			expect(m.letters.length).toBeGreaterThan(0);
			expect(m.reason).toMatch(/^You like /);
			for (const l of m.letters) expect(m.reason).toContain(likes[l]);
		}
		// The numbers are one click away.
		const first = page.locator('ol.matches > li').first();
		expect(await first.getByTestId('fit').isVisible()).toBe(false);
		await first.getByText('Numbers and method').click();
		expect(await first.getByTestId('fit').isVisible()).toBe(true);
		expect(await page.getByTestId('attribution').first().textContent()).toContain('O*NET 29.3 Database');

		// Remembered: a fresh visit shows the same level without asking again.
		await page.goto(`${base}/matches`);
		expect(await page.getByTestId('prep-question').count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Medium preparation' }).getAttribute('aria-pressed')).toBe('true');
		expect((await shownMatches(page, 1))[0].id).toBe(zone3[0].id);

		// One click changes it: all levels, then Some preparation (job zone 2).
		await page.getByRole('button', { name: 'All levels' }).click();
		await expect.poll(async () => (await page.locator('ol.matches > li').first().getAttribute('data-id'))).toBe(ranked[0].id);
		const all = await shownMatches(page, 5);
		expect(all.map((m) => m.id)).toEqual(ranked.slice(0, 5).map((m) => m.id));
		await page.getByRole('button', { name: 'Some preparation' }).click();
		const zone2 = ranked.filter((m) => m.level === 2);
		await expect.poll(async () => (await page.locator('ol.matches > li').first().getAttribute('data-id'))).toBe(zone2[0].id);
		const shown2 = await shownMatches(page, 3);
		expect(shown2.map((m) => m.id)).toEqual(zone2.slice(0, 3).map((m) => m.id));
		expect(shown2.map((m) => m.fit)).toEqual(zone2.slice(0, 3).map((m) => `r = ${m.r.toFixed(2)}`));
		expect(await page.locator('ol.matches > li').count()).toBe(20);
		await page.getByRole('link', { name: 'Show more' }).click();
		await page.waitForURL(`${base}/matches?n=40`);
		expect(await page.locator('ol.matches > li').count()).toBe(Math.min(40, zone2.length));

		// Star two occupations.
		for (const m of zone2.slice(0, 2)) {
			const star = page.locator(`ol.matches > li[data-id="${m.id}"]`).getByTestId('star');
			await star.click();
			await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
		}

		// Download the JSON export from the page link and validate it.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
		expect(download.suggestedFilename()).toMatch(/^spejl-profile-\d{4}-\d{2}-\d{2}\.json$/);
		const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		expect(doc.codes).toEqual({ holland: 'IAC' });
		expect(doc.matches.slice(0, 5).map((m: { id: string }) => m.id)).toEqual(ranked.slice(0, 5).map((m) => m.id));
		doc.matches.forEach((m: { id: string; fit: number }) => expect(m.fit).toBeCloseTo(ranked.find((x) => x.id === m.id)!.r, 3));
		expect(doc.shortlist.map((s: { set: string; id: string; title: string }) => [s.set, s.id, s.title])).toEqual(
			zone2.slice(0, 2).map((m) => ['onet-29-3', m.id, m.title])
		);

		// Create a token, use it, revoke it.
		await page.goto(`${base}/account/tokens`);
		await page.getByLabel('Name').fill('Test matcher');
		// Creating a token asks for the password again.
		await page.locator('#token-password').fill('correct horse battery');
		await page.getByRole('button', { name: 'Create token' }).click();
		const tokenBox = page.getByTestId('new-token');
		await tokenBox.waitFor();
		const token = await tokenBox.inputValue();
		expect(token).toMatch(/^spejl_[a-z2-7]{32}$/);
		const api = () => fetch(`${base}/api/v1/profile`, { headers: { authorization: `Bearer ${token}` } });
		const ok = await api();
		expect(ok.status).toBe(200);
		expect((await ok.json()).subject.id).toBe(doc.subject.id);
		await page.reload();
		expect(await page.getByTestId('new-token').count()).toBe(0); // shown once
		const item = page.getByTestId('token').filter({ hasText: 'Test matcher' });
		expect(await item.getByTestId('last-used').textContent()).not.toContain('Never');
		await item.getByRole('button', { name: 'Revoke token Test matcher' }).click();
		await page.getByText('Token “Test matcher” revoked.').waitFor();
		expect(await page.getByTestId('token').count()).toBe(0);
		const refused = await api();
		expect(refused.status).toBe(401);
		expect(refused.headers.get('www-authenticate')).toContain('Bearer');

		expect(errors).toEqual([]);
		await page.close();
	});

	it('in Danish: the preparation question, Danish titles (English ones marked) and Danish search', async () => {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, `matching-da-${Date.now()}@example.org`);
		await page.locator('form.lang button[value="da"]').click();
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('da');
		await page.goto(`${base}/q/riasec-48`);
		await answerRiasec(page, ANSWERS);
		await page.waitForURL(`${base}/profile#riasec-48`);

		await page.goto(`${base}/matches`);
		const question = page.getByTestId('prep-question');
		await question.waitFor();
		expect(await question.textContent()).toContain('Hvor meget uddannelse eller oplæring vil du tage?');
		await question.getByText('Middel forberedelse').click();
		await page.getByRole('button', { name: 'Vis mine match' }).click();
		await page.waitForURL(`${base}/matches`);
		const zone3 = ranked.filter((m) => m.level === 3);
		const shown = await shownMatches(page, 10);
		expect(shown.map((m) => m.id)).toEqual(zone3.slice(0, 10).map((m) => m.id));
		const danishTitle = (t: string) => t.charAt(0).toLocaleUpperCase('da') + t.slice(1);
		shown.forEach((m, i) => {
			const want = zone3[i].titleDa ? danishTitle(zone3[i].titleDa) : `${zone3[i].title} (engelsk titel)`;
			expect(m.title).toBe(want);
			expect(m.level).toBe('Middel forberedelse');
			expect(m.reason).toMatch(/^Du kan lide /);
		});
		expect(shown.filter((m, i) => zone3[i].titleDa !== '').length).toBeGreaterThan(5);
		const attributions = await page.getByTestId('attribution').allTextContents();
		expect(attributions).toContain('Danish occupation titles: ESCO v1.0.8 © European Union, https://esco.ec.europa.eu');

		// Search in Danish finds Danish titles.
		const target = zone3.find((m) => m.titleDa !== '')!;
		await page.getByLabel('Søg i titler').fill(target.titleDa);
		await page.getByRole('button', { name: 'Opdatér listen' }).click();
		await page.waitForURL(/q=/);
		const found = page.locator(`ol.matches > li[data-id="${target.id}"]`);
		await found.waitFor();
		expect((await found.getByTestId('match-title').textContent())!.trim()).toBe(danishTitle(target.titleDa));
		const ids = await page.locator('ol.matches > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
		for (const id of ids) {
			const row = ranked.find((m) => m.id === id)!;
			expect(`${row.titleDa} ${row.title}`.toLowerCase()).toContain(target.titleDa.toLowerCase());
			expect(row.level).toBe(3);
		}

		expect(errors).toEqual([]);
		await page.close();
	});
});
