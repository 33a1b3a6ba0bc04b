// Takes the screenshots in docs/screenshots from the real built app (run `npm run build` first):
// the home page, a test being taken, the profile (all four instruments), the matches (with the
// preparation question) and the counsellor's report, at desktop width and on a 360 px phone; profile,
// matches and report also in Danish (`-da`).
import { launchBrowser, choose, completeSurvey, nextPage, registerClient } from '../tests/support/browser';
import { startServer } from '../tests/support/server';
import type { Page } from 'playwright-core';
import { parse } from 'devalue';

const OUT = 'docs/screenshots';
const server = await startServer();
const browser = await launchBrowser();

const db = server.db();

/** A form action posted from the page's own session, as the page's forms do. */
async function action(page: Page, path: string, form: Record<string, string>) {
	const res = await page.request.post(`${server.url}${path}`, { headers: { origin: server.url, 'x-sveltekit-action': 'true', accept: 'application/json' }, form });
	const json = (await res.json()) as { type: string; data?: string };
	if (json.type !== 'success' && json.type !== 'redirect') throw new Error(`${path}: ${JSON.stringify(json)}`);
	return json;
}

/** Completes a questionnaire with the given answers, without clicking through it. */
async function complete(page: Page, id: string, answers: unknown) {
	const saved = await action(page, `/q/${id}?/save`, { answers: '{}', page: '0' });
	const { responseId } = parse(saved.data!) as { responseId: string };
	await action(page, `/q/${id}?/complete`, { answers: JSON.stringify(answers), responseId });
}

async function shoot(page: Page, name: string) {
	for (const [w, h, suffix] of [[1280, 900, 'desktop'], [360, 780, 'phone']] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${OUT}/${name}-${suffix}.png`, fullPage: name !== 'take' });
	}
}

try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	page.setDefaultTimeout(90_000); // a busy machine
	await page.goto(server.url);
	await shoot(page, 'welcome');
	await registerClient(page, server.url, 'screens@example.org');
	await db.updateTable('user').set({ display_name: 'Maja Jensen' }).where('email', '=', 'screens@example.org').execute();
	// RIASEC: a clear interest profile.
	await page.goto(`${server.url}/q/riasec-48`);
	await page.locator('[data-name="R1"]').waitFor();
	const pattern: Record<string, number[]> = { R: [2, 3], I: [4, 4], A: [5, 4], S: [5, 5], E: [3, 3], C: [1, 2] };
	for (let item = 1; item <= 8; item++) {
		for (const t of 'RIASEC') await choose(page, `${t}${item}`, pattern[t][item % 2]);
		if (item === 1) {
			await page.evaluate(() => window.scrollTo(0, 0));
			await shoot(page, 'take');
			await page.setViewportSize({ width: 1280, height: 900 });
		}
		if (item < 8) await nextPage(page);
	}
	await completeSurvey(page);
	await page.waitForURL(/\/profile/);
	// Big Five: answers that vary by item.
	await page.goto(`${server.url}/q/big-five-ipip-50`);
	await page.locator('[data-name="EXT1"]').waitFor();
	const factors = ['EXT', 'AGR', 'CSN', 'EST', 'OPN'];
	for (let p = 0; p < 5; p++) {
		for (let i = 1; i <= 10; i++) {
			const n = p * 10 + i - 1;
			await choose(page, `${factors[n % 5]}${Math.floor(n / 5) + 1}`, ((n * 7) % 5) + 1);
		}
		if (p < 4) await nextPage(page);
	}
	await completeSurvey(page);
	await page.waitForURL(/\/profile/);
	// Work values and strengths, so the summary brings all four together.
	await complete(page, 'work-values', {
		values_rank: ['helping-others', 'learning', 'creativity', 'work-life-balance', 'teamwork', 'variety', 'security', 'autonomy', 'income', 'recognition', 'achievement', 'working-conditions', 'leadership', 'prestige', 'physical-activity'],
		SE1: 3, SE2: 4, SE3: 3, SE4: 4
	});
	await complete(page, 'brainstorm-strengths', {
		strengths: [
			{ idea: 'Explaining things to younger pupils', theme: 'S' },
			{ idea: 'Drawing posters for the school play', theme: 'A' },
			{ idea: 'Listening when friends have problems', theme: 'S' }
		],
		strengths_reflection: 'I am good with people, especially when they need help.'
	});
	await page.goto(`${server.url}/`);
	await shoot(page, 'home');
	await page.goto(`${server.url}/matches`);
	await shoot(page, 'matches-question');
	await page.getByText('Medium preparation').click();
	await page.getByRole('button', { name: 'Show my matches' }).click();
	await page.locator('ol.matches > li').first().waitFor();
	for (const n of [0, 2]) {
		await page.locator('ol.matches > li').nth(n).getByTestId('star').click();
		await page.waitForTimeout(400);
	}
	await page.locator('ol.matches > li').first().getByText('Numbers and method').click();
	await shoot(page, 'matches');
	await page.goto(`${server.url}/profile`);
	await page.waitForTimeout(500);
	await shoot(page, 'profile');

	// A counsellor the client shares with, and an author.
	const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	staff.setDefaultTimeout(90_000);
	await registerClient(staff, server.url, 'counsellor@example.org');
	await db.updateTable('user').set({ role: 'counsellor', display_name: 'Example Counsellor' }).where('email', '=', 'counsellor@example.org').execute();
	await staff.goto(`${server.url}/counsellor`);
	const code = (await staff.locator('[data-testid="share-code"], .code').first().textContent())?.trim() ?? '';
	await page.goto(`${server.url}/share/${encodeURIComponent(code)}`);
	await page.locator('form button').last().click();
	await page.waitForLoadState('networkidle');
	await page.goto(`${server.url}/account`);
	await shoot(page, 'account');
	await staff.goto(`${server.url}/counsellor`);
	await shoot(staff, 'counsellor');
	await staff.locator('a[href^="/counsellor/clients/"]').first().click();
	await staff.waitForTimeout(500);
	const comment = staff.locator('[data-testid="shortlist"] textarea').first();
	await comment.fill('Good fit with your practical side. Shall we find a workplace to visit?');
	await staff.locator('[data-testid="shortlist"] form button').first().click();
	await staff.getByText('Comment saved.').waitFor();
	await staff.getByRole('button', { name: 'Add note' }).waitFor();
	await staff.getByLabel('New note').fill('Lovely to meet you today. Next time we look at your shortlist together.');
	await staff.getByRole('button', { name: 'Add note' }).click();
	await staff.getByText('Note added.').waitFor();
	await staff.reload();
	await staff.waitForTimeout(500);
	await shoot(staff, 'report');

	// The same pages in Danish.
	for (const p of [page, staff]) {
		await p.locator('form.lang button[value="da"]').click();
		await p.waitForFunction(() => document.documentElement.lang === 'da');
	}
	await page.goto(`${server.url}/profile`);
	await page.waitForTimeout(500);
	await shoot(page, 'profile-da');
	await page.goto(`${server.url}/matches`);
	await page.locator('ol.matches > li').first().waitFor();
	await shoot(page, 'matches-da');
	await staff.reload();
	await staff.waitForTimeout(500);
	await shoot(staff, 'report-da');
	for (const p of [page, staff]) {
		await p.locator('form.lang button[value="en"]').click();
		await p.waitForFunction(() => document.documentElement.lang === 'en');
	}
	await db.updateTable('user').set({ role: 'author' }).where('email', '=', 'counsellor@example.org').execute();
	await staff.goto(`${server.url}/author`);
	await shoot(staff, 'author');
	console.log(`screenshots written to ${OUT}`);
} finally {
	await browser.close();
	await server.stop();
}
