// A client takes the RIASEC test through the real UI with answers chosen here, sees the occupations this
// test computes on its own from those answers and the O*NET CSV on /matches at once, chooses a preparation
// level with one click (remembered, changed with one click), stars two occupations and finds them in the
// downloaded JSON export (validated against the schema); opens an occupation's page (description, fit,
// labour-market figures from the BLS table with named sources), keeps it there and finds it on the
// profile; creates, uses and revokes an API token. In Danish: the same with Danish titles (from the CSV's
// title_da), English ones marked, the occupation page saying the figures are US figures, and Danish search.
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
	.map((c) => ({ id: c[at('id')], title: c[at('title')], titleDa: c[at('title_da')], description: c[at('description')], level: Number(c[at('level')]), r: pearson(client, TYPES.map((t) => Number(c[at(t)]))) }))
	.sort((a, b) => b.r - a.r);
const words = (r: number) => {
	const x = Math.round(r * 100) / 100;
	return x >= 0.8 ? 'Very good fit' : x >= 0.6 ? 'Good fit' : x >= 0.4 ? 'Some fit' : 'Weak fit';
};
// The BLS table as shipped: SOC code → indicator → value (the first 7 characters of an O*NET code are its SOC code).
const bls = new Map<string, Record<string, string>>();
for (const line of readFileSync(resolve(__dirname, '../../labour-market/bls-ep-2024-34.csv'), 'utf8').trim().split('\n').slice(1)) {
	const [, code, , indicator, value] = csvLine(line);
	bls.set(code, { ...bls.get(code), [indicator]: value });
}
const schema = JSON.parse(readFileSync(resolve(__dirname, '../../static/schema/profile-v1.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

async function shownMatches(page: Page, n: number) {
	const items = page.locator('ol.matches > li');
	await items.first().waitFor();
	const out: { id: string; title: string; words: string; level: string; reason: string; letters: string }[] = [];
	for (let i = 0; i < n; i++) {
		const li = items.nth(i);
		out.push({
			id: (await li.getAttribute('data-id'))!,
			title: (await li.getByTestId('match-title').textContent())!.trim(),
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
		// The matches are there at once, all levels; nothing to answer first.
		expect(await page.getByTestId('person-code').textContent()).toBe('IAC');
		expect((await shownMatches(page, 5)).map((m) => m.id)).toEqual(ranked.slice(0, 5).map((m) => m.id));
		expect(await page.getByRole('button', { name: 'All levels' }).getAttribute('aria-pressed')).toBe('true');
		// One click on a preparation level.
		await page.getByRole('button', { name: 'Medium preparation' }).click();
		const zone3 = ranked.filter((m) => m.level === 3);
		await expect.poll(async () => await page.locator('ol.matches > li').first().getAttribute('data-id')).toBe(zone3[0].id);
		const top3 = await shownMatches(page, 5);
		expect(top3.map((m) => m.id)).toEqual(zone3.slice(0, 5).map((m) => m.id));
		top3.forEach((m, i) => {
			expect(m.title).toBe(zone3[i].title);
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
		// Plain words first: each card has the labour-market figures in words and numbers, with area and source; no r.
		const first = page.locator('ol.matches > li').first();
		const soc = bls.get(zone3[0].id.slice(0, 7))!;
		const pct = (v: string) => new Intl.NumberFormat('en', { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(Number(v) / 100);
		const facts = (await first.getByTestId('facts').textContent())!;
		expect(facts).toContain(`(${pct(soc.employment_change_pct)})`);
		expect(facts).toContain(`${Number(soc.openings_annual).toLocaleString('en')} openings a year`);
		expect(facts).toContain(`$${Number(soc.median_wage_annual).toLocaleString('en')}`);
		expect(facts).toContain(soc.entry_education);
		expect(await first.getByTestId('facts-source').textContent()).toBe('USA · BLS 2024–34');
		expect(await first.getByTestId('fit').count()).toBe(0);
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

		// The occupation's page: what it is, why it fits (and the r one click away), the BLS figures with
		// their named source; keep it there, and find it on the profile with a link back to the page.
		const job = zone2[2];
		await page.goto(`${base}/matches?level=2`);
		await page.locator(`ol.matches > li[data-id="${job.id}"]`).getByTestId('match-link').click();
		await page.waitForURL(`${base}/occupations/onet-29-3/${job.id}`);
		expect(await page.getByTestId('occ-title').textContent()).toBe(job.title);
		expect(await page.getByTestId('occ-description').textContent()).toBe(job.description);
		expect(await page.getByTestId('fit-level').textContent()).toBe(words(job.r));
		await page.getByText('Numbers and method').click();
		expect(await page.getByTestId('fit').textContent()).toBe(`r = ${job.r.toFixed(2)}`);
		const full = page.getByTestId('facts-full').first();
		const jobSoc = bls.get(job.id.slice(0, 7))!;
		expect(await full.getByTestId('fact-growth').textContent()).toContain(pct(jobSoc.employment_change_pct));
		expect(await full.getByTestId('facts-source').textContent()).toContain('U.S. Bureau of Labor Statistics, Employment Projections program, 2024–34');
		expect(await full.textContent()).toContain(`$${Number(jobSoc.median_wage_annual).toLocaleString('en')} a year`);
		expect(await page.getByTestId('attribution').first().textContent()).toContain('O*NET 29.3 Database');
		await page.getByTestId('keep').click();
		await expect.poll(() => page.getByTestId('keep').getAttribute('aria-pressed')).toBe('true');
		await page.goto(`${base}/profile`);
		const kept = page.getByTestId('shortlist').getByTestId('shortlist-link').filter({ hasText: job.title });
		expect(await kept.getAttribute('href')).toBe(`/occupations/onet-29-3/${job.id}`);

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

	it('in Danish: matches at once, Danish titles (English ones marked), the occupation page with US figures labelled, and Danish search', async () => {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await registerClient(page, base, `matching-da-${Date.now()}@example.org`);
		await page.locator('form.lang button[value="da"]').click();
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('da');
		await page.goto(`${base}/q/riasec-48`);
		await answerRiasec(page, ANSWERS);
		await page.waitForURL(`${base}/profile#riasec-48`);

		// At once, in Danish; then one click on a level.
		await page.goto(`${base}/matches`);
		expect((await shownMatches(page, 3)).map((m) => m.id)).toEqual(ranked.slice(0, 3).map((m) => m.id));
		await page.getByRole('button', { name: 'Middel forberedelse' }).click();
		await expect.poll(async () => await page.locator('ol.matches > li').first().getAttribute('data-id')).toBe(ranked.filter((m) => m.level === 3)[0].id);
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

		// The occupation's page in Danish: the Danish title, the English description marked, and the figures
		// said plainly to be US figures, with their source.
		const withDa = zone3.find((m) => m.titleDa !== '')!;
		await page.locator(`ol.matches > li[data-id="${withDa.id}"]`).getByTestId('match-link').click();
		await page.waitForURL(`${base}/occupations/onet-29-3/${withDa.id}`);
		expect(await page.getByTestId('occ-title').textContent()).toBe(danishTitle(withDa.titleDa));
		expect(await page.getByTestId('occ-description').getAttribute('lang')).toBe('en');
		expect(await page.getByText('Beskrivelsen er på engelsk').count()).toBe(1);
		expect(await page.getByTestId('us-note').textContent()).toBe('Det er amerikanske tal for USA – ikke tal eller en prognose for Danmark.');
		expect(await page.getByTestId('facts-full').first().getByTestId('facts-source').textContent()).toContain('U.S. Bureau of Labor Statistics');
		await page.goto(`${base}/matches`);

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
			expect(`${row.titleDa} ${row.title} ${row.description}`.toLowerCase()).toContain(target.titleDa.toLowerCase());
			expect(row.level).toBe(3);
		}

		expect(errors).toEqual([]);
		await page.close();
	});
});
