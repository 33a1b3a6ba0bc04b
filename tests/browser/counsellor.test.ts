// Counsellor journey against the built app: a counsellor gives their code, a client shares, the
// counsellor assigns riasec-48, the client takes it from the home page, the counsellor reads the
// report (and prints it to PDF, read back with pdftotext), they exchange notes, the client revokes
// and the report is refused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../support/db';
import { datesSince } from '../support/timing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { answerRiasec, launchBrowser, watchErrors, passRecoveryCode } from '../support/browser';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const PASSWORD = 'correct horse battery';
const TYPES = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
// Means worked by hand: R 36/8 = 4.5, I 9/8 = 1.125, A 3, S 33/8 = 4.125, E 2.5, C 37/8 = 4.625 → "CRS".
const ANSWERS: Record<(typeof TYPES)[number], number[]> = {
	R: [5, 5, 5, 5, 4, 4, 4, 4],
	I: [1, 1, 1, 1, 1, 1, 1, 2],
	A: [3, 3, 3, 3, 3, 3, 3, 3],
	S: [4, 4, 4, 4, 4, 4, 4, 5],
	E: [2, 3, 2, 3, 2, 3, 2, 3],
	C: [5, 5, 5, 5, 5, 4, 4, 4]
};

let browser: Browser;
const contexts: BrowserContext[] = [];
let dir: string;
beforeAll(async () => {
	browser = await launchBrowser();
	dir = mkdtempSync(join(tmpdir(), 'spejl-pdf-'));
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-GB' });
	contexts.push(context);
	return context.newPage();
}

async function register(page: Page, email: string, name: string) {
	await page.goto(`${base}/register`);
	await page.getByLabel('Your name (optional)').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.locator('#privacy').check();
	await page.getByRole('button', { name: 'Create account' }).click();
	await passRecoveryCode(page, base);
}

const db = () => openDb(dbPath);
const idOf = async (email: string) => (await db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

describe('counsellor journey', () => {
	it('code → share → assign → complete → report, PDF and notes → revoke → 403', async () => {
		const begun = new Date();
		const stamp = Date.now();
		const counsellorEmail = `counsellor-${stamp}@example.org`;
		const clientEmail = `client-${stamp}@example.org`;

		// A counsellor: registered through the UI, then given the role (no admin UI needed).
		const couns = await newPage();
		const counsErrors = watchErrors(couns);
		await register(couns, counsellorEmail, 'Dana Vejleder');
		await db().updateTable('user').set({ role: 'counsellor' }).where('email', '=', counsellorEmail).execute();
		await couns.goto(`${base}/counsellor`);
		expect(await couns.getByRole('heading', { level: 1 }).textContent()).toBe('My clients');
		expect(await couns.getByTestId('client-count').textContent()).toContain('No client shares their profile with you yet');
		const code = (await couns.getByTestId('share-code').textContent())?.trim() ?? '';
		expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{4}$/);

		// The client shares with the code through /share.
		const client = await newPage();
		const clientErrors = watchErrors(client);
		await register(client, clientEmail, 'Jonas Klient');
		const clientId = await idOf(clientEmail);
		await client.goto(`${base}/share`);
		await client.getByLabel('Code from your counsellor').fill(code.toLowerCase().replace('-', ' '));
		await client.getByRole('button', { name: 'Find the counsellor' }).click();
		await client.waitForURL(`${base}/share/${code}`);
		await client.getByRole('button', { name: 'Yes, share my profile' }).click();
		await client.getByText('You now share your profile with Dana Vejleder.').waitFor();
		expect(await db().selectFrom('share').select('id').where('client_id', '=', clientId).where('revoked_at', 'is', null).execute()).toHaveLength(1);

		// The counsellor finds the client (search by name), opens the report and assigns riasec-48.
		await couns.goto(`${base}/counsellor?q=jonas`);
		expect((await couns.getByTestId('client-count').textContent())?.trim()).toBe('Clients matching “jonas”: 1');
		await couns.getByRole('link', { name: 'Jonas Klient' }).click();
		await couns.waitForURL(`${base}/counsellor/clients/${clientId}`);
		expect(await couns.getByRole('heading', { level: 1 }).textContent()).toBe('Profile report: Jonas Klient');
		expect(await couns.getByText('This client has not completed any questionnaire yet.').count()).toBe(1);
		// Assigning nothing is refused with a clear message.
		await couns.getByRole('button', { name: 'Assign' }).click();
		await couns.getByText('Choose at least one questionnaire.').waitFor();
		await couns.locator('input[name="instrument"][value="riasec-48"]').check();
		await couns.getByLabel('Message to the client (optional)').fill('Please take this before our meeting on Tuesday.');
		await couns.getByRole('button', { name: 'Assign' }).click();
		await couns.getByText('Assigned.', { exact: true }).waitFor();
		const assigned = couns.locator('[data-testid="assignments"] li[data-instrument="riasec-48"]');
		expect(await assigned.getByTestId('assignment-status').textContent()).toBe('Assigned');
		await couns.goto(`${base}/counsellor`);
		expect(await couns.locator(`tr[data-client="${clientId}"] [data-testid="open-assignments"]`).textContent()).toBe('1');

		// The client sees it on the home page and completes it from there.
		await client.goto(`${base}/`);
		const card = client.locator('[data-testid="assigned-to-you"] li[data-instrument="riasec-48"]');
		expect(await card.getByTestId('assignment-status').textContent()).toBe('Assigned');
		expect(await card.textContent()).toContain('From Dana Vejleder');
		expect(await card.textContent()).toContain('Please take this before our meeting on Tuesday.');
		await card.getByRole('link', { name: 'Start' }).click();
		await client.waitForURL(`${base}/q/riasec-48`);
		await client.locator('[data-name="R1"]').waitFor();
		await answerRiasec(client, ANSWERS);
		await client.waitForURL(`${base}/profile#riasec-48`);
		await client.goto(`${base}/`);
		expect(await card.getByTestId('assignment-status').textContent()).toBe('Completed');

		// The client chooses a preparation level (one click) and keeps two occupations; both are on the profile.
		await client.goto(`${base}/matches`);
		await client.getByRole('button', { name: 'Medium preparation' }).click();
		await expect.poll(() => client.getByRole('button', { name: 'Medium preparation' }).getAttribute('aria-pressed')).toBe('true');
		await client.locator('ol.matches > li').first().waitFor();
		const kept: { id: string; title: string }[] = [];
		for (const n of [0, 1]) {
			const li = client.locator('ol.matches > li').nth(n);
			kept.push({ id: (await li.getAttribute('data-id'))!, title: (await li.getByTestId('match-title').textContent())!.trim() });
			await li.getByTestId('star').click();
			await expect.poll(() => li.getByTestId('star').getAttribute('aria-pressed')).toBe('true');
		}
		await client.goto(`${base}/profile`);
		expect(await client.getByTestId('shortlist').getByTestId('shortlist-title').allTextContents()).toEqual(kept.map((k) => k.title));
		// The summary names the Holland letters in words: C, R, S.
		expect(await client.getByTestId('summary-interests').textContent()).toBe('Your strongest interests are organising, practical work with your hands and helping people (Holland code CRS).');

		// The counsellor reads the report: the Holland code and scales, the assignment completed.
		const views = async (actor?: string) =>
			(
				await db()
					.selectFrom('audit_event')
					.select('id')
					.where('action', '=', 'client.report.viewed')
					.where('subject_id', '=', clientId)
					.$if(!!actor, (q) => q.where('actor_id', '=', actor!))
					.execute()
			).length;
		const viewsBefore = await views();
		await couns.goto(`${base}/counsellor/clients/${clientId}`);
		const report = couns.locator('article#riasec-48');
		expect(await report.getByTestId('code-holland').textContent()).toBe('CRS');
		expect(await report.locator('tr[data-scale="conventional"] [data-testid="score"]').textContent()).toBe('4.63');
		expect(await report.locator('canvas').count()).toBe(1);
		expect(await assigned.getByTestId('assignment-status').textContent()).toBe('Completed');
		const viewsAfter = await views(await idOf(counsellorEmail));
		// One visit is logged once: the first opening above was logged; opening it again now is not.
		expect(viewsBefore).toBe(1);
		expect(viewsAfter).toBe(1);

		// The report speaks about the client, not to them, and shows the shortlist; the counsellor comments.
		expect(await report.textContent()).not.toContain('Your Holland code');
		// Its matches are those the client sees: at the preparation level the client chose.
		const reportMatches = couns.locator('section.matches');
		expect(await reportMatches.getByTestId('matches-level').textContent()).toContain('At the preparation level the client chose: Medium preparation.');
		expect(new Set(await reportMatches.getByTestId('level').allTextContents())).toEqual(new Set(['Medium preparation']));
		expect(await reportMatches.getByTestId('match-title').allTextContents()).toEqual(expect.arrayContaining(kept.map((k) => k.title)));
		expect(await reportMatches.textContent()).not.toMatch(/\byour\b/i);
		expect(await couns.getByTestId('summary-interests').textContent()).toBe('Strongest interests: organising, practical, hands-on work and helping people (Holland code CRS).');
		const shortlist = couns.getByTestId('shortlist');
		expect(await shortlist.getByTestId('shortlist-title').allTextContents()).toEqual(kept.map((k) => k.title));
		await shortlist.getByLabel(`Your comment on ${kept[0].title}`).fill('A good first step: ask about an apprenticeship.');
		await shortlist.locator(`li[data-id="${kept[0].id}"]`).getByRole('button', { name: 'Save comment' }).click();
		await couns.getByText('Comment saved.').waitFor();
		expect(await shortlist.getByTestId('shortlist-comment').textContent()).toContain('A good first step: ask about an apprenticeship.');
		await couns.getByLabel('New note').fill('Printed notes travel with the report.');
		await couns.getByRole('button', { name: 'Add note' }).click();
		await couns.getByText('Note added.').waitFor();

		// Printed to PDF (A4, print media): the code and a scale name are in the text; the forms are not.
		await couns.emulateMedia({ media: 'print' });
		const pdfPath = join(dir, 'report.pdf');
		writeFileSync(pdfPath, await couns.pdf({ format: 'A4', printBackground: true }));
		await couns.emulateMedia({ media: 'screen' });
		const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
		expect(text).toContain('Profile report: Jonas Klient');
		expect(text).toMatch(/\bCRS\b/);
		expect(text).toContain('Conventional');
		expect(text).toContain('Realistic');
		expect(text).toContain('Confidential');
		expect(text).not.toContain('Add note');
		expect(text).not.toContain('Print report');
		expect(text).not.toContain('Log out');
		expect(text).not.toContain('Save comment');
		// The notes, the shortlist with the comment, and on every page the client's name and the date.
		expect(text).toContain('Printed notes travel with the report.');
		for (const k of kept) expect(text.replace(/\s+/g, ' ')).toContain(k.title);
		expect(text).toContain('A good first step: ask about an apprenticeship.');
		const pages = text.split('\f').filter((p) => p.trim() !== '');
		expect(pages.length).toBeGreaterThan(1);
		// Today's date (or yesterday's, when the test ran over midnight in Copenhagen).
		const today = datesSince(begun, 'en-GB');
		for (const p of pages) {
			expect(p).toContain('Profile report: Jonas Klient');
			expect(today.some((d) => p.includes(d)), `a page shows one of ${today.join(', ')}`).toBe(true);
		}

		// Notes: an empty note is refused; a note is saved and shown.
		await couns.getByRole('button', { name: 'Add note' }).click();
		await couns.getByText('Write something before you send it.').waitFor();
		await couns.getByLabel('New note').fill('Your Conventional and Realistic interests stand out. Shall we look at technical trades?');
		await couns.getByRole('button', { name: 'Add note' }).click();
		await couns.getByText('Note added.').waitFor();
		expect(await couns.getByTestId('note').count()).toBe(2);
		// The note's time and the client's access log show the same moment the same way.
		const noteAt = (await db().selectFrom('note').select('created_at').where('client_id', '=', clientId).orderBy('id', 'desc').executeTakeFirstOrThrow()).created_at;
		const shown = new Date(noteAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
		expect(await couns.getByTestId('note').nth(1).textContent()).toContain(shown);

		// The client reads it on /profile and replies.
		await client.goto(`${base}/profile`);
		const thread = client.getByTestId('thread');
		expect(await thread.getByRole('heading', { level: 3 }).textContent()).toBe('With Dana Vejleder');
		expect(await thread.getByTestId('note').nth(1).textContent()).toContain('Shall we look at technical trades?');
		expect(await thread.getByTestId('note').nth(1).textContent()).toContain(shown);
		await client.getByLabel('Your reply to Dana Vejleder').fill('Yes please, electrician sounds good.');
		await client.getByRole('button', { name: 'Send reply' }).click();
		await client.getByText('Reply sent.').waitFor();
		expect(await thread.getByTestId('note').count()).toBe(3);

		// The counsellor sees the reply.
		await couns.reload();
		const notes = couns.getByTestId('note');
		expect(await notes.count()).toBe(3);
		expect(await notes.nth(2).textContent()).toContain('Yes please, electrician sounds good.');
		expect(await notes.nth(2).textContent()).toContain('Jonas Klient');
		// The client's access log shows the counsellor's report views in the same zone and format.
		const viewedAt = (
			await db().selectFrom('audit_event').select('at').where('action', '=', 'client.report.viewed').where('subject_id', '=', clientId).orderBy('id', 'desc').executeTakeFirstOrThrow()
		).at;
		await client.goto(`${base}/account`);
		expect(await client.locator('body').textContent()).toContain(new Date(viewedAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }));

		// The client revokes on /account; the report is refused from then on.
		await client.goto(`${base}/account`);
		await client.getByRole('button', { name: 'Stop sharing with Dana Vejleder' }).click();
		await client.getByText('Dana Vejleder can no longer see your profile.').waitFor();
		const refused = await couns.goto(`${base}/counsellor/clients/${clientId}`);
		expect(refused?.status()).toBe(403);
		await couns.goto(`${base}/counsellor`);
		expect(await couns.getByTestId('client-count').textContent()).toContain('No client shares');
		// …and the counsellor's assignment and thread leave the client's pages.
		await client.goto(`${base}/`);
		expect(await client.getByTestId('assigned-to-you').count()).toBe(0);
		await client.goto(`${base}/profile`);
		expect(await client.getByTestId('thread').count()).toBe(0);

		expect(counsErrors.filter((e) => !e.includes('403'))).toEqual([]);
		expect(clientErrors).toEqual([]);
	});

	it('refuses a client the counsellor pages (403)', async () => {
		const page = await newPage();
		await register(page, `nosy-${Date.now()}@example.org`, 'Nosy Client');
		expect((await page.goto(`${base}/counsellor`))?.status()).toBe(403);
		expect((await page.goto(`${base}/counsellor/clients/some-id`))?.status()).toBe(403);
	});
});
