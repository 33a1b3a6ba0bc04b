// "How others see me" end to end, against the built app: a client picks qualities and makes a link;
// three people in separate browsers without JavaScript (one in Danish) answer, one changes their
// answer; the client sees the window only from the third answer on, with the right quadrants and
// counts; hostile input and an answer after the link was closed are refused; a counsellor the
// client shares with sees the window; deleting the exercise removes the invitees' answers.
import { createRequire } from 'node:module';
import { openDb } from '../support/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { completeSurvey, launchBrowser, watchErrors, passRecoveryCode } from '../support/browser';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const PASSWORD = 'correct horse battery';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const STRUCTURE = ['heading-order', 'page-has-heading-one', 'region', 'landmark-one-main', 'landmark-unique', 'empty-heading'];

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
	const context = await browser.newContext({ locale: 'en-GB', bypassCSP: true, ...options });
	contexts.push(context);
	return context;
}

const db = () => openDb(dbPath);
const count = async (q: { execute(): Promise<unknown[]> }) => (await q.execute()).length;

async function register(page: Page, email: string, name: string) {
	await page.goto(`${base}/register`);
	await page.getByLabel('Your name (optional)').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.locator('#privacy').check();
	await page.getByRole('button', { name: 'Create account' }).click();
	await passRecoveryCode(page, base);
}

/** axe-core's WCAG 2.1 A/AA rules and the landmark/heading rules: every violation, any impact. */
async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE });
	return page.evaluate(async (structure) => {
		const w = window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
		const tags = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
		const rules = await w.axe.run(document, { runOnly: { type: 'rule', values: structure }, resultTypes: ['violations'] });
		return [...tags.violations, ...rules.violations].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}, STRUCTURE);
}

/**
 * axe needs scripts, and the invitees' browsers have none: their pages are checked as served, in a
 * browser with JavaScript, in the given language.
 */
async function axeOfPublicPage(url: string, locale: string): Promise<string[]> {
	const page = await (await newContext({ locale })).newPage();
	await page.goto(url);
	const found = await axeViolations(page);
	await page.close();
	return found;
}

/** The qualities listed in one quadrant, as `id:count`. */
async function quadrant(page: Page, key: 'open' | 'blind' | 'hidden'): Promise<string[]> {
	return page
		.getByTestId(`quadrant-${key}`)
		.locator('li')
		.evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.quality}:${(li as HTMLElement).dataset.others}`));
}

/** An invitee without JavaScript ticks qualities by their visible text and sends the form. */
async function answer(page: Page, qualities: string[], text = '') {
	for (const q of qualities) await page.getByLabel(q, { exact: true }).check();
	if (text) await page.locator('textarea[name="text"]').fill(text);
	await page.locator('form.answer button').click();
	await page.waitForLoadState('load');
}

const answersOf = (userId: string) =>
	db().selectFrom('others_answer as a').innerJoin('others_invite as i', 'i.id', 'a.invite_id').select(['a.qualities', 'a.free_text']).where('i.user_id', '=', userId).execute();

describe('how others see me', () => {
	it('picks, invites, three anonymous answers, the window, refusals, the counsellor, deletion', async () => {
		const stamp = Date.now();
		const clientEmail = `others-${stamp}@example.org`;
		const client = await (await newContext()).newPage();
		const errors = watchErrors(client);
		await register(client, clientEmail, 'Ann Jensen');
		const clientId = (await db().selectFrom('user').select('id').where('email', '=', clientEmail).executeTakeFirstOrThrow()).id;

		// 1. The client's own picks, through the SurveyJS form: six of the 40.
		await client.goto(`${base}/others/others-view`);
		await client.getByRole('link', { name: 'Pick my qualities' }).click();
		await client.waitForURL(`${base}/q/others-view`);
		const mine = [['others_I', 'curious'], ['others_A', 'creative'], ['others_S', 'patient'], ['others_S', 'listener'], ['others_C', 'organised'], ['others_P', 'honest']];
		await client.locator('[data-name="others_S"]').waitFor();
		for (const [q, v] of mine) await client.locator(`[data-name="${q}"] label:has(input[value="${v}"])`).click();
		await completeSurvey(client);
		await client.waitForURL(`${base}/others/others-view`);
		await client.getByText('You picked 6 qualities:').waitFor();

		// 2. A link for everyone; the first name shown defaults to the client's own.
		expect(await client.getByLabel('Your first name, as they will see it').inputValue()).toBe('Ann');
		await client.getByLabel('Who is this link for? (optional)').fill('Family');
		await client.getByLabel('The link closes after').selectOption('7');
		await client.getByRole('button', { name: 'Make a link' }).click();
		const link = (await client.getByTestId('new-invite').getByRole('link').textContent())!.trim();
		expect(link).toMatch(new RegExp(`^${base}/o/[2-9A-HJKMNP-TW-Z]{8}$`));
		const code = link.slice(-8);
		const stored = await db().selectFrom('others_invite').select(['nickname', 'shown_name', 'code']).where('user_id', '=', clientId).execute();
		expect(stored).toEqual([{ nickname: 'Family', shown_name: 'Ann', code }]);
		expect(await client.getByTestId('invite-code').textContent()).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
		expect(await axeViolations(client)).toEqual([]);

		// 3. Three people, each in a browser of their own, without JavaScript. A types the code read aloud.
		const a = await (await newContext({ javaScriptEnabled: false })).newPage();
		await a.goto(`${base}/o`);
		await a.getByLabel('Code').fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
		await a.getByRole('button', { name: 'Open' }).click();
		await a.waitForURL(link);
		expect(await a.locator('h1').textContent()).toBe('How do you see Ann?');
		await a.getByText('When Ann deletes the exercise or their account, your answer is deleted too.', { exact: false }).waitFor();
		expect(await axeOfPublicPage(`${base}/o`, 'en-GB')).toEqual([]);
		expect(await axeOfPublicPage(link, 'en-GB')).toEqual([]);
		await answer(a, ['Patient with other people', 'Kind and friendly', 'Organised – keeps things in order', 'Funny – makes others laugh'], 'Always calm when others panic');
		await a.getByTestId('answer-saved').waitFor();

		// Hostile and huge input from A's browser is refused with the reason, and A's answer stays as it was.
		const post = (body: string) =>
			a.context().request.post(link, { headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, data: body, maxRedirects: 0 });
		const bad = await post('quality=kind&quality=%3Cscript%3E');
		expect(bad.status()).toBe(400);
		const page400 = await bad.text();
		expect(page400).toMatch(/Qualities: (&quot;|")&lt;script(>|&gt;)(&quot;|") is not one of the qualities/);
		expect(page400).not.toContain('<script>');
		const huge = await post(`quality=kind&text=${'x'.repeat(600)}`);
		expect(huge.status()).toBe(400);
		expect(await huge.text()).toContain('is 600 characters long; at most 500 are allowed');
		expect(await answersOf(clientId)).toEqual([
			{ qualities: '["patient","organised","funny","kind"]', free_text: 'Always calm when others panic' }
		]);

		// B answers in Danish.
		const b = await (await newContext({ javaScriptEnabled: false, locale: 'da-DK' })).newPage();
		await b.goto(link);
		expect(await b.locator('h1').textContent()).toBe('Hvordan ser du Ann?');
		expect(await b.evaluate(() => document.documentElement.lang)).toBe('da');
		expect(await axeOfPublicPage(link, 'da-DK')).toEqual([]);
		await answer(b, ['Tålmodig med andre', 'Venlig og imødekommende', 'Rolig under pres'], 'Får alle til at føle sig velkomne');
		await b.getByTestId('answer-saved').waitFor();

		// Two answers: no result yet, only how many are missing.
		await client.reload();
		expect(await client.getByTestId('others-waiting').textContent()).toContain('Waiting for 1 more');
		expect(await client.getByTestId('quadrant-open').count()).toBe(0);
		expect(await client.getByText('Always calm when others panic').count()).toBe(0);

		const c = await (await newContext({ javaScriptEnabled: false })).newPage();
		await c.goto(link);
		await answer(c, ['Kind and friendly', 'Organised – keeps things in order', 'Reliable – others can count on this person', 'Patient with other people']);
		await c.getByTestId('answer-saved').waitFor();

		// B changes their mind: the same browser replaces its answer (still three answers in all).
		await b.goto(link);
		expect(await b.getByLabel('Rolig under pres').isChecked()).toBe(true);
		await b.getByLabel('Pålidelig – andre kan regne med personen').check();
		await b.locator('form.answer button').click();
		await b.getByText('Tak! Dit ændrede svar er gemt.').waitFor();
		expect(await answersOf(clientId)).toHaveLength(3);

		// 4. The window. Others: patient 3 (A, B, C), kind 3, organised 2 (A, C), reliable 2 (B, C),
		// calm 1 (B), funny 1 (A). Mine: curious, creative, patient, listener, organised, honest.
		await client.reload();
		expect(await client.getByTestId('others-respondents').textContent()).toBe('3 people answered.');
		expect(await quadrant(client, 'open')).toEqual(['patient:3', 'organised:2']);
		expect(await quadrant(client, 'blind')).toEqual(['kind:3', 'reliable:2', 'calm:1', 'funny:1']);
		expect(await quadrant(client, 'hidden')).toEqual(['curious:0', 'creative:0', 'listener:0', 'honest:0']);
		expect((await client.getByTestId('others-texts').locator('li').allTextContents()).sort()).toEqual(['Always calm when others panic', 'Får alle til at føle sig velkomne']);
		expect(await client.getByTestId('quadrant-open').locator('li').first().textContent()).toContain('3 of 3');
		expect(await axeViolations(client)).toEqual([]);

		// The export: counts only.
		const doc = await (await client.request.get(`${base}/profile/export.json`)).json();
		expect(doc.othersView).toEqual({
			respondents: 3,
			qualities: [
				{ id: 'patient', self: true, others: 3 }, { id: 'organised', self: true, others: 2 },
				{ id: 'kind', self: false, others: 3 }, { id: 'reliable', self: false, others: 2 }, { id: 'calm', self: false, others: 1 }, { id: 'funny', self: false, others: 1 },
				{ id: 'curious', self: true, others: 0 }, { id: 'creative', self: true, others: 0 }, { id: 'listener', self: true, others: 0 }, { id: 'honest', self: true, others: 0 }
			]
		});

		// 5. A fourth person has the page open when the client closes the link: their answer is refused.
		const d = await (await newContext({ javaScriptEnabled: false })).newPage();
		await d.goto(link);
		await client.getByRole('button', { name: `Close link ${code.slice(0, 4)}-${code.slice(4)}` }).click();
		await client.getByText('The link is closed.').waitFor();
		await answer(d, ['Honest']);
		expect(await d.locator('h1').textContent()).toBe('This link is closed');
		expect(await answersOf(clientId)).toHaveLength(3);
		await d.goto(link);
		expect(await d.locator('h1').textContent()).toBe('This link is closed');

		// 6. A counsellor the client shares with sees the same window in the report.
		const counsellorEmail = `others-couns-${stamp}@example.org`;
		const couns = await (await newContext()).newPage();
		await register(couns, counsellorEmail, 'Dana Vejleder');
		await db().updateTable('user').set({ role: 'counsellor' }).where('email', '=', counsellorEmail).execute();
		await couns.goto(`${base}/counsellor`);
		const shareCode = (await couns.getByTestId('share-code').textContent())!.trim();
		await client.goto(`${base}/share/${shareCode}`);
		await client.getByRole('button', { name: 'Yes, share my profile' }).click();
		await client.getByText('You now share your profile with Dana Vejleder.').waitFor();
		await couns.goto(`${base}/counsellor/clients/${clientId}`);
		expect(await quadrant(couns, 'open')).toEqual(['patient:3', 'organised:2']);
		expect(await quadrant(couns, 'blind')).toEqual(['kind:3', 'reliable:2', 'calm:1', 'funny:1']);
		expect(await quadrant(couns, 'hidden')).toEqual(['curious:0', 'creative:0', 'listener:0', 'honest:0']);

		// 7. Deleting the exercise removes the picks, the links and every invitee's answer.
		const inviteIds = (await db().selectFrom('others_invite').select('id').where('user_id', '=', clientId).execute()).map((r) => r.id);
		expect(inviteIds).toHaveLength(1);
		await client.goto(`${base}/others/others-view`);
		await client.getByLabel('Yes, delete my picks, links and all answers').check();
		await client.getByRole('button', { name: 'Delete the exercise and all answers' }).click();
		await client.getByText('The exercise and all its answers are deleted.').waitFor();
		expect(await count(db().selectFrom('others_answer').select('id').where('invite_id', '=', inviteIds[0]))).toBe(0);
		expect(await count(db().selectFrom('others_invite').select('id').where('user_id', '=', clientId))).toBe(0);
		expect(await count(db().selectFrom('response').select('id').where('user_id', '=', clientId).where('instrument_id', '=', 'others-view'))).toBe(0);
		await couns.reload();
		expect(await couns.getByTestId('others-summary').count()).toBe(0);
		await a.goto(link);
		expect(await a.locator('h1').textContent()).toBe('We could not find this link');
		expect(errors).toEqual([]);
	}, 240_000);
});
