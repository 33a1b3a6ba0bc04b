// Groups in the browser, in English and Danish: a counsellor creates a group and prints its page; six
// people join through the link (two with new accounts, one Danish; three anonymous, one of them
// without JavaScript on a 360-px phone, one on a 360-px phone with JavaScript) and complete the
// interests test (answers posted as the page posts them); the group page shows progress at once and
// the aggregate only once 5 have finished; the member who shares appears among the counsellor's
// clients and the others never do, on any counsellor page or export; members' account pages say
// what the counsellor sees; closing the group stops the link.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../support/db';
import { launchBrowser, passRecoveryCode, watchErrors } from '../support/browser';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const PASSWORD = 'correct horse battery';
const db = () => openDb(dbPath);

let browser: Browser;
const contexts: BrowserContext[] = [];
let dir: string;
beforeAll(async () => {
	browser = await launchBrowser();
	dir = mkdtempSync(join(tmpdir(), 'spejl-groups-'));
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

async function newPage(o: { locale?: 'en-GB' | 'da-DK'; width?: number; js?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({
		locale: o.locale ?? 'en-GB',
		javaScriptEnabled: o.js ?? true,
		viewport: { width: o.width ?? 1280, height: 800 }
	});
	contexts.push(context);
	return context.newPage();
}

/** riasec-48 answers: every item of `top` 5 (Enjoy), the rest 1 — the Holland code starts with `top`. */
const riasec = (top: string) =>
	JSON.stringify(Object.fromEntries([...'RIASEC'].flatMap((l) => Array.from({ length: 8 }, (_, i) => [`${l}${i + 1}`, l === top ? 5 : 1]))));

/** Completes riasec-48 as the page's own form post does (the fast way), with this browser's session. */
async function completeRiasec(page: Page, top: string) {
	const res = await page.request.post(`${base}/q/riasec-48?/complete`, {
		form: { answers: riasec(top) },
		headers: { origin: base, 'x-sveltekit-action': 'true' }
	});
	expect(res.status()).toBe(200);
	expect(((await res.json()) as { type: string }).type).toBe('success');
}

/** From the group's page: create an account (the link under the start panel), come back, join. */
async function joinWithAccount(page: Page, link: string, email: string, name: string) {
	await page.goto(link);
	await page.locator(`a[href^="/register?next="]`).click();
	await page.locator('#name').fill(name);
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(PASSWORD);
	await page.locator('#privacy').check();
	await page.locator('main form:has(#email) button.button').click();
	await passRecoveryCode(page, base, new URL(link).pathname);
	await page.getByTestId('join').click();
	await page.locator('.alert.ok').waitFor();
}

/** From the group's page: start without an account, note the resume code, come back, join. */
async function joinAnonymously(page: Page, link: string) {
	await page.goto(link);
	await page.locator('form[action^="/start"] input[name="privacy"]').check();
	await page.locator('form[action^="/start"] button').click();
	await page.getByTestId('resume-code').waitFor();
	await page.locator('main form button.button').click();
	await page.waitForURL(link);
	await page.getByTestId('join').click();
	await page.locator('.alert.ok').waitFor();
}

describe('a group', () => {
	it('create and print → 6 join (accounts, anonymous, no JavaScript, 360 px; en and da) → progress → aggregate at 5 → sharing → close', async () => {
		const stamp = Date.now();
		const email = (who: string) => `group-${who}-${stamp}@example.org`;

		// The counsellor: registered, then given the role.
		const couns = await newPage();
		const counsErrors = watchErrors(couns);
		await couns.goto(`${base}/register`);
		await couns.locator('#name').fill('Dana Vejleder');
		await couns.locator('#email').fill(email('counsellor'));
		await couns.locator('#password').fill(PASSWORD);
		await couns.locator('#privacy').check();
		await couns.locator('main form:has(#email) button.button').click();
		await passRecoveryCode(couns, base);
		await db().updateTable('user').set({ role: 'counsellor' }).where('email', '=', email('counsellor')).execute();

		// Creating: a bad date is refused with a message naming the field, and nothing is made.
		await couns.goto(`${base}/counsellor`);
		await couns.getByRole('link', { name: 'Groups' }).click();
		await couns.locator('#name').fill('Class 9B');
		await couns.locator('#ends').fill('2020-01-01');
		await couns.getByRole('button', { name: 'Create the group' }).click();
		expect(await couns.locator('#ends-error').textContent()).toContain('2020-01-01 has already passed');
		expect(await db().selectFrom('counsellor_group').select('id').where('name', '=', 'Class 9B').execute()).toEqual([]);
		// The refusal is a 400 page, which the browser logs; nothing else may be.
		expect(counsErrors.splice(0)).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
		const ends = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
		await couns.locator('#ends').fill(ends);
		await couns.getByRole('button', { name: 'Create the group' }).click();
		await couns.waitForURL(/\/counsellor\/groups\/[0-9a-f-]{36}$/);
		const groupUrl = couns.url();
		const code = (await couns.getByTestId('group-code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{4}$/);
		const link = `${base}/g/${code}`;

		// The printable page, printed to PDF and read back.
		await couns.getByRole('link', { name: 'Page to print or post' }).click();
		await couns.waitForURL(`${groupUrl}/print`);
		await couns.getByTestId('group-code').waitFor();
		const pdf = join(dir, 'group.pdf');
		await couns.pdf({ path: pdf, format: 'A4' });
		execFileSync('pdftotext', ['-layout', pdf, join(dir, 'group.txt')]);
		const printed = readFileSync(join(dir, 'group.txt'), 'utf8');
		expect(printed).toContain('Join “Class 9B”');
		expect(printed).toContain(code);
		expect(printed).toContain(link);

		// Six people join through the link.
		const ann = await newPage(); // account, English
		await joinWithAccount(ann, link, email('ann'), 'Ann Andersen');
		const bo = await newPage({ locale: 'da-DK' }); // account, Danish: shares later
		await joinWithAccount(bo, link, email('bo'), 'Bo Bertelsen');
		const cai = await newPage(); // anonymous
		await joinAnonymously(cai, link);
		const dit = await newPage({ locale: 'da-DK', js: false, width: 360 }); // anonymous, no JavaScript, phone
		await dit.goto(link);
		expect(await dit.locator('h1').textContent()).toBe('Du er inviteret med i “Class 9B”');
		expect(await dit.locator('.sees').textContent()).toContain('Dine svar, dine resultater og din profil');
		expect(await dit.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await joinAnonymously(dit, link);
		const eva = await newPage({ width: 360 }); // anonymous, phone
		await joinAnonymously(eva, link);
		expect(await eva.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const finn = await newPage({ locale: 'da-DK' }); // account, Danish
		await joinWithAccount(finn, link, email('finn'), 'Finn Frandsen');
		expect(await finn.locator('.alert.ok').textContent()).toContain('Du er nu med i “Class 9B”');

		// Progress at once; no aggregate before 5 have finished.
		const finished = async () => (await couns.getByTestId('finished-riasec-48').textContent())!.trim();
		for (const [i, p] of [ann, cai, dit, eva].entries()) {
			await completeRiasec(p, 'S');
			await couns.goto(groupUrl);
			expect(await finished()).toBe(`${i + 1} / 6`);
			expect(await couns.getByTestId('agg-hidden').count()).toBeGreaterThan(0);
		}
		expect(await couns.getByTestId('members').textContent()).toBe('6 members');
		await completeRiasec(finn, 'S');
		await couns.goto(groupUrl);
		expect(await finished()).toBe('5 / 6');
		expect(await couns.getByTestId('agg-hidden').count()).toBe(0);
		const holland = couns.locator('[data-testid="agg-table"]').first();
		expect(await holland.locator('tr:has(th:text-is("S · Social")) td').textContent()).toBe('5');
		expect(await holland.locator('tfoot td').textContent()).toBe('5');

		// Bo shares his profile with the counsellor (a separate step, from the group's page) and finishes.
		await bo.goto(link);
		await bo.getByRole('link', { name: 'beslut om deling' }).click();
		await bo.locator('form[action="?/confirm"] button').click();
		await bo.locator('.alert.ok').waitFor();
		await completeRiasec(bo, 'S');
		await couns.goto(groupUrl);
		expect(await finished()).toBe('6 / 6');
		expect(await couns.getByTestId('sharing').textContent()).toContain('Bo Bertelsen');

		// Bo is among the counsellor's clients; nobody else from the group is, on any counsellor page or export.
		const others = ['Ann Andersen', 'Finn Frandsen', email('ann'), email('finn')];
		// Only this group's members: other test files on the same server make groups of their own.
		const groupId = new URL(groupUrl).pathname.split('/').pop()!;
		const ids = await db().selectFrom('group_member').select('user_id').where('group_id', '=', groupId).execute();
		const boId = (await db().selectFrom('user').select('id').where('email', '=', email('bo')).executeTakeFirstOrThrow()).id;
		const otherIds = ids.map((r) => r.user_id).filter((id) => id !== boId);
		expect(otherIds).toHaveLength(5);
		await couns.goto(`${base}/counsellor`);
		expect(await couns.locator('main').textContent()).toContain('Bo Bertelsen');
		for (const path of ['/counsellor', '/counsellor/groups', `/counsellor/groups/${groupId}`, `/counsellor/groups/${groupId}/print`, `/counsellor/groups/${groupId}/aggregate.csv`, `/counsellor/clients/${boId}`, `/counsellor/clients/${boId}/export.csv`, `/counsellor/clients/${boId}/export.json`]) {
			const res = await couns.request.get(`${base}${path}`);
			expect(res.status(), path).toBe(200);
			const body = await res.text();
			for (const o of [...others, ...otherIds]) expect(body, `${path} shows ${o}`).not.toContain(o);
		}
		for (const id of otherIds) expect((await couns.request.get(`${base}/counsellor/clients/${id}`)).status()).toBe(403);
		const csv = await (await couns.request.get(`${base}/counsellor/groups/${groupId}/aggregate.csv`)).text();
		expect(csv).toContain('Holland code (first letter),S · Social,6,6');

		// Each member's account page says what the counsellor sees (English and Danish).
		await ann.goto(`${base}/account`);
		expect(await ann.getByTestId('memberships').textContent()).toContain('Member of group “Class 9B”, which shows counsellor Dana Vejleder only totals.');
		await finn.goto(`${base}/account`);
		expect(await finn.getByTestId('memberships').textContent()).toContain('Medlem af gruppen “Class 9B”, som kun viser vejleder Dana Vejleder samlede tal.');

		// Closing stops the link.
		await couns.goto(groupUrl);
		await couns.getByRole('button', { name: 'Close the group' }).click();
		await couns.getByText('The group is closed. Its link no longer works.').waitFor();
		const late = await newPage({ js: false });
		await late.goto(link);
		await late.getByTestId('group-closed').waitFor();
		expect(await late.getByTestId('join').count()).toBe(0);
		expect(counsErrors).toEqual([]);
	});
});
