// The whole sharing journey in Chromium against the built app: an admin creates a counsellor, the
// counsellor hands out their code, a client shares, sees what the counsellor looked at, and revokes;
// the counsellor is refused from that moment on.
import { openDb } from '../support/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, registerClient, watchErrors } from '../support/browser';
import { PASSWORD, insertAdmin } from '../support/jar';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

async function signIn(page: Page, email: string) {
	await page.goto(`${base}/login`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(`${base}/admin`);
}

describe('sharing with a counsellor', () => {
	it('admin creates a counsellor, a client shares by code, sees the access, revokes, and the counsellor is refused', async () => {
		const run = Date.now();
		const adminEmail = `admin-${run}@example.org`;
		const counsellorEmail = `vera-${run}@example.org`;
		const clientEmail = `cleo-${run}@example.org`;
		await insertAdmin(dbPath, adminEmail);

		// The admin creates the counsellor account in /admin.
		const admin = await browser.newPage();
		const adminErrors = watchErrors(admin);
		await signIn(admin, adminEmail);
		await admin.goto(`${base}/admin`);
		await admin.getByLabel('Name', { exact: true }).fill('Vera Vejleder');
		await admin.getByLabel('Email', { exact: true }).fill(counsellorEmail);
		await admin.getByLabel('Initial password').fill(PASSWORD);
		await admin.getByLabel('Counsellor', { exact: true }).check();
		await admin.getByRole('button', { name: 'Create the account' }).click();
		await expect.poll(() => admin.getByRole('status').filter({ hasText: 'was created' }).textContent()).toContain(counsellorEmail);
		await admin.getByLabel('Search by email').fill(`vera-${run}`);
		await admin.getByRole('button', { name: 'Search' }).click();
		await expect.poll(() => admin.locator('section:has(#accounts) table').textContent()).toContain('Vera Vejleder');

		// The counsellor sees their code and invitation link on their account page.
		const counsellor = await browser.newPage();
		const counsellorErrors = watchErrors(counsellor);
		// The admin chose the first password: before anything else (here their own page, where signing in
		// leads a counsellor) the counsellor chooses their own.
		await counsellor.goto(`${base}/login`);
		await counsellor.getByLabel('Email').fill(counsellorEmail);
		await counsellor.getByLabel('Password').fill(PASSWORD);
		await counsellor.getByRole('button', { name: 'Sign in' }).click();
		await counsellor.waitForURL(`${base}/account/set-password?next=%2Fcounsellor`);
		await counsellor.goto(`${base}/counsellor`);
		await counsellor.waitForURL(`${base}/account/set-password?next=%2Fcounsellor`);
		expect(await counsellor.locator('h1').textContent()).toBe('Choose your own password');
		await counsellor.getByLabel('New password').fill('counsellor own passphrase');
		await counsellor.getByRole('button', { name: 'Save my password' }).click();
		await counsellor.waitForURL(`${base}/counsellor`);
		await counsellor.goto(`${base}/account`);
		const code = (await counsellor.getByTestId('share-code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{4}$/);
		expect(await counsellor.getByRole('link', { name: `${base}/share/${code}` }).count()).toBe(1);

		// The client types the code sloppily at /share, sees who it is and what is shared, and confirms.
		const client = await browser.newPage();
		const clientErrors = watchErrors(client);
		await registerClient(client, base, clientEmail);
		await client.goto(`${base}/share`);
		await client.getByLabel('Code from your counsellor').fill('zzz zzzz');
		await client.getByRole('button', { name: 'Find the counsellor' }).click();
		await expect.poll(() => client.getByRole('alert').textContent()).toContain('No counsellor has the code “ZZZ-ZZZZ”');
		await client.getByLabel('Code from your counsellor').fill(` ${code.toLowerCase().replace('-', ' ')} `);
		await client.getByRole('button', { name: 'Find the counsellor' }).click();
		await client.waitForURL(`${base}/share/${code}`);
		await expect.poll(() => client.getByRole('heading', { level: 1 }).textContent()).toBe('Share your profile with Vera Vejleder?');
		expect(await client.getByText(counsellorEmail).count()).toBe(1);
		expect(await client.getByText('Your answers to the brainstorming exercises, word for word.').count()).toBe(1);
		expect(await client.getByText(/Your password and your account settings/).count()).toBe(1);
		await client.getByRole('button', { name: 'Yes, share my profile' }).click();
		await expect.poll(() => client.getByRole('status').textContent()).toBe('You now share your profile with Vera Vejleder.');

		const clientId = (await openDb(dbPath).selectFrom('user').select('id').where('email', '=', clientEmail).executeTakeFirstOrThrow()).id;

		// The counsellor opens the client's report (guarded by requireSharedClient).
		const report = `${base}/counsellor/clients/${clientId}`;
		expect((await counsellor.goto(report))!.status()).toBe(200);

		// The client sees the counsellor, since when, and that the report was viewed; then revokes.
		await client.goto(`${base}/account`);
		const sharing = client.locator('section', { has: client.getByRole('heading', { name: 'Who can see your profile' }) });
		expect(await sharing.getByRole('heading', { name: 'Vera Vejleder', exact: true }).count()).toBe(1);
		expect(await sharing.textContent()).toContain('Viewed the profile report');
		const log = client.locator('section', { has: client.getByRole('heading', { name: 'Your access log' }) });
		expect(await log.textContent()).toContain(`Started sharing the profile with ${counsellorEmail}`);
		await sharing.getByRole('button', { name: 'Stop sharing with Vera Vejleder' }).click();
		await expect.poll(() => client.getByRole('status').textContent()).toBe('Vera Vejleder can no longer see your profile.');
		expect(await sharing.textContent()).toContain('You do not share your profile with anyone.');

		// From now on the counsellor is refused.
		expect((await counsellor.goto(report))!.status()).toBe(403);

		// The admin's audit log has the grant and the revoke.
		await admin.goto(`${base}/admin?action=share.revoked#audit`);
		expect(await admin.locator('section:has(#audit) table').textContent()).toContain(clientEmail);

		expect(adminErrors).toEqual([]);
		expect(clientErrors).toEqual([]);
		// The 403 page load is the only expected failure on the counsellor's side.
		expect(counsellorErrors.filter((e) => !e.includes('403'))).toEqual([]);
	});
});
