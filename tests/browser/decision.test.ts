// The decision step, end to end against the built app, in both languages.
// English, with JavaScript: a client takes the interests test, keeps three occupations on /matches,
// and on /decision fills the balance sheets, the want-vs-likely grid (the fit hints are the fits
// /matches showed) and an action plan, saved as they type; a reload finds it all again; the export
// carries it and validates against the published schema. They share with a counsellor, who comments
// on the decision and writes an interpretation; the client sees the comment; the printed report (A4
// PDF, read back with pdftotext) has at most 4 pages, the plan, the interpretation and no form controls.
// Danish, without JavaScript: the same form posted by its buttons, a refused step that changes
// nothing, adding a step, choosing two of three options, and the export.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDb } from '../support/db';
import { answerRiasec, launchBrowser, registerClient, watchErrors } from '../support/browser';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const schema = JSON.parse(readFileSync(resolve(__dirname, '../../static/schema/profile-v1.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
// Means: R 2.25, I 4.75, A 3.625, S 2.5, E 1.375, C 3.5 (as in matching.test.ts).
const ANSWERS = {
	R: [2, 2, 3, 2, 2, 3, 2, 2],
	I: [5, 5, 4, 5, 5, 4, 5, 5],
	A: [4, 4, 3, 4, 3, 4, 4, 3],
	S: [2, 3, 2, 3, 2, 3, 2, 3],
	E: [1, 2, 1, 2, 1, 1, 2, 1],
	C: [3, 4, 3, 4, 3, 4, 3, 4]
};

let browser: Browser;
const contexts: BrowserContext[] = [];
let dir: string;
beforeAll(async () => {
	browser = await launchBrowser();
	dir = mkdtempSync(join(tmpdir(), 'spejl-decision-'));
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});
async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	// bypassCSP only so that axe-core can be injected; the app's own CSP is tested elsewhere.
	const context = await browser.newContext({ locale: 'en-GB', bypassCSP: true, ...options });
	contexts.push(context);
	return context.newPage();
}
const db = () => openDb(dbPath);
const idOf = async (email: string) => (await db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const exportOf = async (page: Page) => {
	const res = await page.request.get(`${base}/profile/export.json`);
	expect(res.status()).toBe(200);
	return JSON.parse(await res.text());
};

describe('decision step', () => {
	it('with JavaScript (English): keep three, weigh them, plan, export; the counsellor comments, interprets and prints', async () => {
		const stamp = Date.now();
		const couns = await newPage();
		await registerClient(couns, base, `dcouns-${stamp}@example.org`);
		await db().updateTable('user').set({ role: 'counsellor', display_name: 'Dana Vejleder' }).where('email', '=', `dcouns-${stamp}@example.org`).execute();
		await couns.goto(`${base}/counsellor`);
		const code = (await couns.getByTestId('share-code').textContent())!.trim();

		const page = await newPage();
		const errors = watchErrors(page);
		const email = `decision-${stamp}@example.org`;
		await registerClient(page, base, email);
		await db().updateTable('user').set({ display_name: 'Jonas Klient' }).where('email', '=', email).execute();
		await page.goto(`${base}/q/riasec-48`);
		await page.locator('[data-name="R1"]').waitFor();
		await answerRiasec(page, ANSWERS);
		await page.waitForURL(`${base}/profile#riasec-48`);
		// No version numbers for the client (the counsellor's report keeps them).
		expect(await page.locator('main').textContent()).not.toMatch(/\bv\d+\.\d+\.\d+/);

		// Before keeping two, the decision step says what to do first.
		await page.goto(`${base}/decision`);
		await page.getByTestId('decision-not-ready').waitFor();

		await page.goto(`${base}/matches`);
		// Matches show at once; the preparation level is a one-click filter.
		await page.getByRole('button', { name: 'Medium preparation' }).click();
		await expect.poll(() => page.getByRole('button', { name: 'Medium preparation' }).getAttribute('aria-pressed')).toBe('true');
		await page.locator('ol.matches > li').first().waitFor();
		const kept: { title: string; fit: string; href: string }[] = [];
		for (const n of [0, 1, 2]) {
			const li = page.locator('ol.matches > li').nth(n);
			kept.push({ title: (await li.getByTestId('match-title').textContent())!.trim(), fit: '', href: (await li.getByTestId('match-link').getAttribute('href'))! });
			await li.getByTestId('star').click();
			await expect.poll(() => li.getByTestId('star').getAttribute('aria-pressed')).toBe('true');
		}

		// The "Kept" buttons' names start with their visible words (axe: label-content-name-mismatch).
		await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
		const mismatch = await page.evaluate(async () => {
			const w = window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
			const r = await w.axe.run(document, { runOnly: { type: 'rule', values: ['label-content-name-mismatch'] } });
			return r.violations.map((v) => `${v.id}: ${v.nodes.length}`);
		});
		expect(mismatch).toEqual([]);
		const star = page.locator('ol.matches > li').nth(0).getByTestId('star');
		expect([await star.getAttribute('aria-label'), (await star.textContent())!.replace(/\s+/g, ' ').trim()]).toEqual([null, `★ Kept – ${kept[0].title}`]);

		// The fit as a number is on each occupation's page (the match cards give it in words).
		for (const k of kept) {
			await page.goto(`${base}${k.href}`);
			k.fit = (await page.getByTestId('fit').textContent())!.trim();
		}

		// From the profile's "What next" to the decision step.
		await page.goto(`${base}/profile`);
		await page.getByRole('link', { name: 'Weigh the occupations I kept and make a plan' }).click();
		await page.waitForURL(`${base}/decision`);
		for (const [i, k] of kept.entries()) {
			expect(await page.getByTestId(`balance-${i}`).locator('legend').textContent()).toBe(`Option ${i + 1}: ${k.title}`);
			// The fit hint is the fit /matches showed for the same occupation.
			expect(await page.getByTestId(`grid-${i}`).getByTestId('fit-hint').textContent()).toContain(`(fit ${k.fit.replace(/^r = /, '')})`);
		}
		const b0 = page.getByTestId('balance-0');
		await b0.getByLabel('What I would gain', { exact: true }).fill('Work I find interesting');
		await b0.getByLabel('What people close to me would lose', { exact: true }).fill('Less time together while I study');
		await b0.getByLabel('How I would feel about it').selectOption({ label: 'Very good' });
		await b0.getByLabel('How they would feel about it').selectOption({ label: 'Mixed' });
		const ratings: [number, string, string][] = [[0, 'Very much', 'Unlikely'], [1, 'Much', 'Likely'], [2, 'A little', 'Very likely']];
		for (const [i, want, likely] of ratings) {
			await page.getByTestId(`grid-${i}`).getByLabel('How much I want it').selectOption({ label: want });
			await page.getByTestId(`grid-${i}`).getByLabel('How likely I can get there').selectOption({ label: likely });
		}
		// The grid follows at once: option 1 in the row "Very much", column "Unlikely" (the 3rd cell after the row header).
		const grid = page.getByTestId('decision-grid');
		await expect.poll(() => grid.locator('tbody tr').nth(0).locator('td').nth(1).textContent()).toContain(`1: ${kept[0].title}`);
		expect(await grid.locator('tbody tr').nth(1).locator('td').nth(3).textContent()).toContain(`2: ${kept[1].title}`);
		const step = page.getByTestId('step-0');
		await step.getByLabel('If …').fill('If the course is full');
		await step.getByLabel('then I will …').fill('ask to be put on the waiting list');
		await step.getByLabel('By (date)').fill('2027-03-01');
		await step.getByLabel('Who can help').fill('my counsellor');
		// Saved as the client types, without pressing a button.
		await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15000 }).toBe('Saved.');

		// Resumable: a reload shows it all, with the grid's hints.
		await page.reload();
		expect(await b0.getByLabel('What I would gain', { exact: true }).inputValue()).toBe('Work I find interesting');
		expect(await page.getByTestId('grid-0').getByLabel('How much I want it').inputValue()).toBe('5');
		expect(await page.getByTestId('grid-0').getByTestId('grid-hint').textContent()).toBe('You want it, but it looks hard to reach: plan steps that make it more likely.');
		expect(await page.getByTestId('grid-1').getByTestId('grid-hint').textContent()).toBe('You want it and it looks within reach: a strong candidate.');
		expect(await page.getByTestId('step-0').getByLabel('then I will …').inputValue()).toBe('ask to be put on the waiting list');
		await page.getByRole('button', { name: 'Save and add a step' }).click();
		await page.getByTestId('step-1').getByLabel('then I will …').waitFor();
		await page.getByTestId('step-1').getByLabel('then I will …').fill('visit a hospital open day');
		await page.getByRole('button', { name: 'Save', exact: true }).last().click();
		await expect.poll(() => page.getByTestId('step-2').count()).toBe(1);

		const doc = await exportOf(page);
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		expect(doc.decision.options.map((o: { title: string; want: number; likely: number }) => [o.title, o.want, o.likely])).toEqual([
			[kept[0].title, 5, 2], [kept[1].title, 4, 4], [kept[2].title, 2, 5]
		]);
		expect(doc.decision.options[0].balance).toEqual({ gainsSelf: 'Work I find interesting', lossesSelf: '', gainsOthers: '', lossesOthers: 'Less time together while I study', feelSelf: 5, feelOthers: 3 });
		expect(doc.decision.plan).toEqual([
			{ if: 'If the course is full', then: 'ask to be put on the waiting list', by: '2027-03-01', who: 'my counsellor' },
			{ if: '', then: 'visit a hospital open day', by: null, who: '' }
		]);

		// Shared with the counsellor, who comments and writes an interpretation.
		await page.goto(`${base}/share`);
		await page.getByLabel('Code from your counsellor').fill(code);
		await page.getByRole('button', { name: 'Find the counsellor' }).click();
		await page.getByRole('button', { name: 'Yes, share my profile' }).click();
		await page.getByText('You now share your profile with Dana Vejleder.').waitFor();
		const clientId = await idOf(email);
		await couns.goto(`${base}/counsellor/clients/${clientId}`);
		const section = couns.getByTestId('report-decision');
		expect(await section.getByTestId('decision-option').count()).toBe(3);
		expect(await section.getByTestId('decision-plan').textContent()).toContain('ask to be put on the waiting list');
		await couns.getByLabel('Your comment on the decision step').fill('Good plan. Call the school before March.');
		await section.getByRole('button', { name: 'Save comment' }).click();
		await couns.getByText('Comment saved.').waitFor();
		await couns.getByLabel('Your interpretation of the profile (printed in the report)').fill('Strong investigative interests; the kept options all use them.\nNext: test the first option in practice.');
		await couns.getByRole('button', { name: 'Save interpretation' }).click();
		await couns.getByText('Interpretation saved.').waitFor();
		await page.goto(`${base}/decision`);
		expect(await page.locator('aside.comment').textContent()).toContain('Good plan. Call the school before March.');

		await couns.emulateMedia({ media: 'print' });
		const pdfPath = join(dir, 'report.pdf');
		writeFileSync(pdfPath, await couns.pdf({ format: 'A4', printBackground: true }));
		const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
		expect(pages).toBeLessThanOrEqual(4);
		const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		expect(text).toContain('Profile report: Jonas Klient');
		expect(text).toContain('ask to be put on the waiting list');
		expect(text).toContain('Strong investigative interests; the kept options all use them.');
		expect(text).toContain('Good plan. Call the school before March.');
		expect(text).toContain('Counsellor’s interpretation');
		for (const control of ['Save comment', 'Save interpretation', 'Print report', 'Assign']) expect(text).not.toContain(control);
		expect(errors).toEqual([]);
	});

	it('without JavaScript (Danish): saved by its buttons, a refused step changes nothing, a step added, two of three chosen', async () => {
		const page = await newPage({ javaScriptEnabled: false });
		await registerClient(page, base, `decision-nojs-${Date.now()}@example.org`);
		await page.getByRole('button', { name: 'Dansk' }).click();
		await page.waitForURL(`${base}/`);
		const ids = ['29-1141.00', '15-1252.00', '47-2082.00'];
		for (const id of ids) expect((await page.request.post(`${base}/matches?/star`, { form: { set: 'onet-29-3', id }, headers: { origin: base } })).status()).toBe(200);

		await page.goto(`${base}/decision`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Afvej mine muligheder');
		expect(await page.getByTestId('balance-0').locator('legend').textContent()).toBe('Mulighed 1: Sygeplejerske');
		await page.getByTestId('balance-0').getByLabel('Hvad jeg vil vinde').fill('Et meningsfuldt arbejde');
		await page.getByTestId('grid-0').getByLabel('Hvor meget jeg ønsker det').selectOption({ label: 'Rigtig meget' });
		await page.getByTestId('grid-0').getByLabel('Hvor sandsynligt jeg kan nå det').selectOption({ label: 'Sandsynligt' });
		await page.getByTestId('step-0').getByLabel('så vil jeg …').fill('tale med en studievejleder');
		await page.getByRole('button', { name: 'Gem', exact: true }).first().click();
		await page.getByTestId('save-status').getByText('Gemt.').waitFor();
		expect(await page.getByTestId('grid-0').getByTestId('grid-hint').textContent()).toBe('Du ønsker det, og det ser ud til at være inden for rækkevidde: en stærk kandidat.');

		// A step with a situation but nothing to do, and an impossible date: refused, shown, nothing saved.
		await page.getByTestId('step-1').getByLabel('Hvis …').fill('Hvis jeg ikke kommer ind');
		await page.getByTestId('step-1').getByLabel('Senest (dato)').evaluate((el: HTMLInputElement) => (el.type = 'text'));
		await page.getByTestId('step-1').getByLabel('Senest (dato)').fill('2027-02-30');
		await page.getByRole('button', { name: 'Gem og tilføj et skridt' }).click();
		await page.getByRole('alert').getByText('Intet blev gemt. Ret venligst:').waitFor();
		expect(await page.getByTestId('step-1').textContent()).toContain('Skriv, hvad du vil gøre i dette skridt.');
		expect(await page.getByTestId('step-1').textContent()).toContain('Skriv datoen som år-måned-dag');
		expect(await page.getByTestId('step-1').getByLabel('Hvis …').inputValue()).toBe('Hvis jeg ikke kommer ind');
		let doc = await exportOf(page);
		expect(doc.decision.plan).toEqual([{ if: '', then: 'tale med en studievejleder', by: null, who: '' }]);

		await page.getByTestId('step-1').getByLabel('så vil jeg …').fill('søge igen til sommer');
		await page.getByTestId('step-1').getByLabel('Senest (dato)').fill('2027-06-30');
		await page.getByRole('button', { name: 'Gem og tilføj et skridt' }).click();
		await page.getByTestId('step-2').waitFor();
		expect(await page.getByTestId('step-2').locator('legend').textContent()).toBe('Nyt skridt');

		// Choose two of the three (details opens without JavaScript).
		await page.getByText('Hvilke muligheder vil du afveje').click();
		await page.getByLabel('Tapers').uncheck();
		await page.getByRole('button', { name: 'Afvej disse' }).click();
		await page.getByText('Dit valg af muligheder er gemt.').waitFor();
		expect(await page.getByTestId('balance-2').count()).toBe(0);
		expect(await page.getByTestId('balance-0').getByLabel('Hvad jeg vil vinde').inputValue()).toBe('Et meningsfuldt arbejde');

		doc = await exportOf(page);
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		expect(doc.subject.locale).toBe('da');
		expect(doc.decision.options.map((o: { id: string; title: string; want: number }) => [o.id, o.title, o.want])).toEqual([
			[ids[0], 'Sygeplejerske', 5],
			[ids[1], expect.any(String), null]
		]);
		expect(doc.decision.plan).toEqual([
			{ if: '', then: 'tale med en studievejleder', by: null, who: '' },
			{ if: 'Hvis jeg ikke kommer ind', then: 'søge igen til sommer', by: '2027-06-30', who: '' }
		]);
	});
});
