// A client takes the RIASEC test through the real UI with answers chosen here, and finds on /matches
// the occupations and fits this test computes on its own from those answers and the O*NET CSV; then
// downloads the JSON export from the page and validates it, and creates, uses and revokes an API token.
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
	.map((c) => ({ id: c[at('id')], title: c[at('title')], level: Number(c[at('level')]), r: pearson(client, TYPES.map((t) => Number(c[at(t)]))) }))
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
	const out: { id: string; title: string; fit: string; words: string; level: string }[] = [];
	for (let i = 0; i < n; i++) {
		const li = items.nth(i);
		out.push({
			id: (await li.getAttribute('data-id'))!,
			title: (await li.locator('.match-title').textContent())!.trim(),
			fit: (await li.getByTestId('fit').textContent())!.trim(),
			words: (await li.getByTestId('fit-level').textContent())!.trim(),
			level: (await li.getByTestId('level').textContent())!.trim()
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
		expect(await page.getByTestId('person-code').textContent()).toBe('IAC');
		const top = await shownMatches(page, 5);
		expect(top.map((m) => m.id)).toEqual(ranked.slice(0, 5).map((m) => m.id));
		top.forEach((m, i) => {
			expect(m.title).toBe(ranked[i].title);
			expect(m.fit).toBe(`r = ${ranked[i].r.toFixed(2)}`);
			expect(m.words).toBe(words(ranked[i].r));
			expect(m.level).toMatch(new RegExp(`^Job Zone ${ranked[i].level}:`));
		});
		expect(await page.getByTestId('attribution').first().textContent()).toContain('O*NET 29.3 Database');

		// Filter by job zone 2 with the GET form: bookmarkable, and the list is the test's own top for that zone.
		await page.getByLabel('Level').selectOption('2');
		await page.getByRole('button', { name: 'Update list' }).click();
		await page.waitForURL(`${base}/matches?set=onet-29-3&level=2&q=`);
		const zone2 = ranked.filter((m) => m.level === 2);
		const shown2 = await shownMatches(page, 3);
		expect(shown2.map((m) => m.id)).toEqual(zone2.slice(0, 3).map((m) => m.id));
		expect(shown2.map((m) => m.fit)).toEqual(zone2.slice(0, 3).map((m) => `r = ${m.r.toFixed(2)}`));
		expect(await page.locator('ol.matches > li').count()).toBe(20);
		await page.getByRole('link', { name: 'Show more' }).click();
		await page.waitForURL(`${base}/matches?set=onet-29-3&level=2&n=40`);
		expect(await page.locator('ol.matches > li').count()).toBe(Math.min(40, zone2.length));

		// Download the JSON export from the page link and validate it.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
		expect(download.suggestedFilename()).toMatch(/^spejl-profile-\d{4}-\d{2}-\d{2}\.json$/);
		const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		expect(doc.codes).toEqual({ holland: 'IAC' });
		expect(doc.matches.slice(0, 5).map((m: { id: string }) => m.id)).toEqual(ranked.slice(0, 5).map((m) => m.id));
		doc.matches.forEach((m: { id: string; fit: number }) => expect(m.fit).toBeCloseTo(ranked.find((x) => x.id === m.id)!.r, 3));

		// Create a token, use it, revoke it.
		await page.goto(`${base}/account/tokens`);
		await page.getByLabel('Name').fill('Test matcher');
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
});
