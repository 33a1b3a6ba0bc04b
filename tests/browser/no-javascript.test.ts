// Taking tests in Chromium with JavaScript switched off in the browser context: a person starts
// without an account, notes the resume code, completes riasec-48 page by page with real submit
// buttons and sees their Holland code; a new browser enters the code and sees the same profile. The
// answers stored are byte-identical to the same answers sent the way the SurveyJS page sends them, and
// so is the result. Skipped questions are listed before completing, and below a scale's minimum
// completing is refused. Big Five without JavaScript too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'devalue';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../support/db';
import { answerBoolean, choose, completeSurvey, launchBrowser, nextPage } from '../support/browser';
import { Jar } from '../support/jar';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

async function noScriptPage(): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB', viewport: { width: 360, height: 740 } });
	contexts.push(context);
	return context.newPage();
}

/** RIASEC answers: R items 5 (Enjoy), I items 4, A items 3, the rest 1 — Holland code RIA. */
const riasecValue = (t: string) => ({ R: 5, I: 4, A: 3 })[t as 'R'] ?? 1;
const riasecAnswers = Object.fromEntries([...'RIASEC'].flatMap((t) => Array.from({ length: 8 }, (_, i) => [`${t}${i + 1}`, riasecValue(t)])));

/** Picks an answer by its stored value (the radio's label), as a person would click it. */
async function pick(page: Page, name: string, choiceIndex: number) {
	await page.locator(`[data-question="${name}"] input`).nth(choiceIndex).check();
}

const db = () => openDb(dbPath);

/** The newest response of `instrument` by the person signed in with the session of this id. */
async function stored(instrument: string, sessionId: string) {
	return db()
		.selectFrom('response as r')
		.innerJoin('session as s', 's.user_id', 'r.user_id')
		.select(['r.answers', 'r.result', 'r.status', 'r.completion_key'])
		.where('r.instrument_id', '=', instrument)
		.where('s.id', '=', sessionId)
		.orderBy('r.started_at', 'desc')
		.executeTakeFirst();
}

async function startWithoutAccount(page: Page, path: string): Promise<string> {
	await page.goto(`${base}${path}`);
	await page.locator('input[name="privacy"]').first().check();
	await page.getByRole('button', { name: 'Start now – no account needed' }).click();
	const code = (await page.getByTestId('resume-code').textContent())!.trim();
	expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
	await page.getByRole('button', { name: 'I have noted the code – continue' }).click();
	await page.waitForURL(`${base}${path}`);
	return code;
}

describe('without JavaScript', () => {
	it('starts without an account, completes riasec-48 page by page and continues elsewhere with the code', async () => {
		const page = await noScriptPage();
		const code = await startWithoutAccount(page, '/q/riasec-48');
		// One true message: no "needs JavaScript", no "Loading…".
		const text = await page.locator('main').textContent();
		expect(text).not.toMatch(/needs JavaScript|Loading the questionnaire/);
		for (let p = 1; p <= 8; p++) {
			// Coming back to the test later is greeted once; moving from page to page is not.
			if (p === 4) await page.goto(`${base}/q/riasec-48`);
			await expect.poll(() => page.locator('.progress').textContent()).toBe(`Page ${p} of 8`);
			expect(await page.getByText('Welcome back').count()).toBe(p === 4 ? 1 : 0);
			for (const t of 'RIASEC') await pick(page, `${t}${p}`, riasecValue(t) - 1);
			await page.getByRole('button', { name: p < 8 ? 'Next' : 'Complete' }).click();
		}
		await page.waitForURL(`${base}/profile#riasec-48`);
		const card = page.locator('article#riasec-48');
		expect(await card.getByTestId('code-holland').textContent()).toBe('RIA');

		const other = await noScriptPage();
		await other.goto(`${base}/resume`);
		await other.getByLabel('Resume code').fill(code.toLowerCase().replace(/-/g, ' '));
		await other.getByRole('button', { name: 'Continue' }).click();
		await other.goto(`${base}/profile`);
		expect(await other.locator('article#riasec-48').getByTestId('code-holland').textContent()).toBe('RIA');
		expect(await other.locator('article#riasec-48').getByTestId('scales-riasec-48').textContent()).toBe(await card.getByTestId('scales-riasec-48').textContent());
	});

	it('stores byte-identical answers and the same result as the SurveyJS path', async () => {
		const page = await noScriptPage();
		await startWithoutAccount(page, '/q/riasec-48');
		let completion: Promise<Request> | undefined;
		for (let p = 1; p <= 8; p++) {
			for (const t of 'RIASEC') await pick(page, `${t}${p}`, riasecValue(t) - 1);
			if (p === 8) completion = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('?/plain'));
			await page.getByRole('button', { name: p < 8 ? 'Next' : 'Complete' }).click();
		}
		await page.waitForURL(`${base}/profile#riasec-48`);
		const session = (await page.context().cookies()).find((c) => c.name === 'spejl_session')!.value;
		const plain = await stored('riasec-48', await sha256(session));
		// The plain form sent the page's idempotency key, and the completion keeps it.
		const key = new URLSearchParams((await completion!).postData() ?? '').get('completionKey');
		expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(plain?.completion_key).toBe(key);

		// The SurveyJS page sends `survey.data` as JSON to the same completion.
		const jar = new Jar(base);
		await jar.post('/start?next=%2F', { privacy: 'agree' });
		const action = async (name: string, fields: Record<string, string>) => {
			const body = new FormData();
			for (const [k, v] of Object.entries(fields)) body.set(k, v);
			const res = await jar.request(`/q/riasec-48?/${name}`, { method: 'POST', headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }, body });
			return parse(((await res.json()) as { data: string }).data) as { responseId: string };
		};
		const { responseId } = await action('save', { answers: '{}', page: '0' });
		await action('complete', { responseId, answers: JSON.stringify(riasecAnswers) });
		const js = await db().selectFrom('response').select(['answers', 'result', 'status']).where('id', '=', responseId).executeTakeFirstOrThrow();

		expect(plain?.status).toBe('completed');
		expect(js.status).toBe('completed');
		expect(plain?.answers).toBe(js.answers);
		expect(JSON.parse(plain!.answers)).toEqual(riasecAnswers);
		expect(plain?.result).toBe(js.result);
	});

	it('lists skipped questions before completing, and refuses a result below the minimum', async () => {
		const page = await noScriptPage();
		await startWithoutAccount(page, '/q/riasec-48');
		// Only page 1 answered, then straight on to the end.
		for (const t of 'RIASEC') await pick(page, `${t}1`, 2);
		for (let p = 1; p < 8; p++) await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Complete' }).click();
		await page.waitForURL(`${base}/q/riasec-48?review`);
		expect(await page.locator('#skipped-h').textContent()).toBe('You skipped 42 questions');
		const links = page.locator('section.review li a');
		expect(await links.count()).toBe(30);
		expect(await page.locator('section.review').textContent()).toContain('… and 12 more');
		// A link goes straight to the skipped question's page.
		await links.first().click();
		await expect.poll(() => page.locator('.progress').textContent()).toBe('Page 2 of 8');
		expect(page.url()).toContain('#q-');
		await page.goto(`${base}/q/riasec-48?review`);
		await page.getByRole('button', { name: 'Complete anyway' }).click();
		const alert = page.getByRole('alert');
		await expect.poll(() => alert.textContent()).toContain('There are not enough answers for a result yet.');
		expect(await alert.textContent()).toContain('Realistic: 1 of 8 questions answered, at least 6 are needed.');
		const session = (await page.context().cookies()).find((c) => c.name === 'spejl_session')!.value;
		expect((await stored('riasec-48', await sha256(session)))?.status).toBe('in_progress');
	});

	it('completes big-five-ipip-50 page by page', async () => {
		const page = await noScriptPage();
		await startWithoutAccount(page, '/q/big-five-ipip-50');
		let pages = 0;
		for (;;) {
			pages++;
			const questions = page.locator('[data-question]');
			const n = await questions.count();
			for (let i = 0; i < n; i++) await questions.nth(i).locator('input').nth(3).check();
			const complete = page.getByRole('button', { name: 'Complete' });
			if (await complete.count()) {
				await complete.click();
				break;
			}
			await page.getByRole('button', { name: 'Next' }).click();
		}
		expect(pages).toBe(5);
		await page.waitForURL(`${base}/profile#big-five-ipip-50`);
		expect(await page.locator('article#big-five-ipip-50').getByTestId('scales-big-five-ipip-50').locator('[data-testid="score"]').count()).toBe(5);
	});
});

describe('a matrix form without JavaScript (study-habits)', () => {
	// planning: week 4, start 5, lastMinute 2 (reversed: 6 − 2 = 4), goals 3 → mean (4 + 5 + 4 + 3) / 4 = 4.
	// help-seeking (valueFrom score, sum): teacher "never" 0 + peer "often" 2 + searchFirst "usually" 2 = 4.
	const plan = { week: 4, start: 5, lastMinute: 2, goals: 3 };
	const why = 'I do not want to bother them.';
	const change = 'Fewer tests at the end.';

	async function resultOf(page: Page) {
		const session = (await page.context().cookies()).find((c) => c.name === 'spejl_session')!.value;
		return (await stored('study-habits', await sha256(session)))!;
	}

	it('a grid with every row required, a question that appears, a dynamic panel; the same answers as through SurveyJS', async () => {
		const page = await noScriptPage();
		await startWithoutAccount(page, '/q/study-habits');
		const grid = page.locator('[data-question="plan"]');
		const cell = (row: string, column: number) => grid.getByRole('radio', { name: `${row} ${['Not at all', 'A little', 'Partly', 'Mostly', 'Completely'][column - 1]}`, exact: true });
		await cell('I plan my week before it starts.', plan.week).check();
		await cell('I start an assignment as soon as I get it.', plan.start).check();
		await cell('I often do my work at the last minute.', plan.lastMinute).check();
		await page.getByRole('button', { name: 'Next' }).click();
		// Every row is required: the page comes back with SurveyJS's own message next to the grid.
		expect(await page.locator('.progress').textContent()).toBe('Page 1 of 3');
		expect(await grid.locator('.error').textContent()).toBe('Response required: answer questions in all rows.');
		expect(await cell('I often do my work at the last minute.', plan.lastMinute).isChecked()).toBe(true);
		await cell('I set myself small goals for each study session.', plan.goals).check();
		await page.getByRole('button', { name: 'Next' }).click();

		expect(await page.locator('.progress').textContent()).toBe('Page 2 of 3');
		expect(await page.locator('[data-question="whyNotAsk"]').count()).toBe(0);
		const help = page.locator('[data-question="askFor"]');
		await help.getByRole('radio', { name: 'a teacher Never', exact: true }).check();
		await help.getByRole('radio', { name: 'a fellow student Often', exact: true }).check();
		await page.locator('[data-question="searchFirst"]').getByLabel('Usually').check();
		await page.getByRole('button', { name: 'Next' }).click();
		// "Never" for a teacher makes the follow-up question appear (visibleIf, evaluated on the server).
		expect(await page.locator('.progress').textContent()).toBe('Page 2 of 3');
		await page.locator('[data-question="whyNotAsk"] textarea').fill(why);
		await page.getByRole('button', { name: 'Next' }).click();

		expect(await page.locator('.progress').textContent()).toBe('Page 3 of 3');
		const first = page.locator('[data-question="courses"] .row-set').first();
		await first.locator('[data-question="course"] input').fill('Maths');
		// The follow-up inside a panel ({panel.enjoy} = false) is not there until "No" is chosen in that panel.
		expect(await page.locator('[data-question="change"]').count()).toBe(0);
		await first.locator('[data-question="enjoy"]').getByLabel('No').check();
		await page.getByRole('button', { name: 'Complete' }).click();
		expect(await page.locator('.progress').textContent()).toBe('Page 3 of 3');
		expect(await first.locator('[data-question="change"] textarea').count()).toBe(1);
		expect(await page.locator('[data-question="change"]').count()).toBe(1);
		await first.locator('[data-question="change"] textarea').fill(change);
		await page.getByRole('button', { name: 'Complete' }).click();
		await page.waitForURL(`${base}/profile#study-habits`);
		const plain = await resultOf(page);
		expect(plain.status).toBe('completed');
		expect(JSON.parse(plain.answers)).toEqual({ askFor: { teacher: 'never', peer: 'often' }, courses: [{ course: 'Maths', enjoy: false, change }], plan, searchFirst: 'usually', whyNotAsk: why });
		const scores = Object.fromEntries((JSON.parse(plain.result ?? 'null').scales as { id: string; score: number }[]).map((x) => [x.id, x.score]));
		expect(scores).toEqual({ planning: 4, 'help-seeking': 4 });

		// The same answers given in SurveyJS (JavaScript on) are stored byte for byte the same.
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
		contexts.push(context);
		const js = await context.newPage();
		await startWithoutAccount(js, '/q/study-habits');
		const row = (name: string, j: number) => js.locator(`[data-name="${name}"] tbody tr`).nth(j).locator('label');
		await row('plan', 0).nth(plan.week - 1).click();
		await row('plan', 1).nth(plan.start - 1).click();
		await row('plan', 2).nth(plan.lastMinute - 1).click();
		await row('plan', 3).nth(plan.goals - 1).click();
		await nextPage(js);
		await row('askFor', 0).nth(0).click();
		await row('askFor', 1).nth(2).click();
		await choose(js, 'searchFirst', 'usually');
		await js.locator('[data-name="whyNotAsk"] textarea').fill(why);
		await nextPage(js);
		await js.locator('[data-name="courses"] .sd-paneldynamic__add-btn').first().click();
		await js.locator('[data-name="course"] input').fill('Maths');
		await answerBoolean(js.locator('[data-name="enjoy"]'), 'No');
		await js.locator('[data-name="change"] textarea').fill(change);
		await completeSurvey(js);
		await js.waitForURL(`${base}/profile#study-habits`);
		const viaSurveyJs = await resultOf(js);
		expect(viaSurveyJs.status).toBe('completed');
		expect(viaSurveyJs.answers).toBe(plain.answers);
		expect(viaSurveyJs.result).toBe(plain.result);
	});
});

describe('the plain pages pass axe (WCAG 2.1 AA) at 360 px in both languages', () => {
	const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
	for (const locale of ['en', 'da'] as const) {
		it(locale, async () => {
			// axe needs scripts to run, so the app's own scripts are blocked instead: the page is exactly what a
			// browser without JavaScript gets (no hydration, no SurveyJS).
			const context = await browser.newContext({ locale: locale === 'da' ? 'da-DK' : 'en-GB', viewport: { width: 360, height: 740 }, bypassCSP: true });
			contexts.push(context);
			await context.route('**/_app/**/*.js', (r) => r.abort());
			await context.addCookies([{ name: 'lang', value: locale, url: base }]);
			const page = await context.newPage();
			await startWithoutAccountIn(page, '/q/work-values', locale);
			const urls = ['/q/work-values', '/q/work-values?page=1', '/q/brainstorm-dream-jobs', '/q/work-values?review', '/account'];
			for (const url of urls) {
				await page.goto(`${base}${url}`);
				if (url.startsWith('/q/') && !url.endsWith('review')) expect(await page.locator('#plain-form').count(), url).toBe(1);
				await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
				const violations = await page.evaluate(async () => {
					const w = window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
					const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
					return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
				});
				expect(violations, `${url} (${locale})`).toEqual([]);
			}
		});
	}
});

async function startWithoutAccountIn(page: Page, path: string, locale: 'en' | 'da') {
	await page.goto(`${base}${path}`);
	await page.locator('input[name="privacy"]').first().check();
	await page.getByRole('button', { name: locale === 'da' ? 'Start nu – ingen konto nødvendig' : 'Start now – no account needed' }).click();
	await page.locator('[data-testid="resume-code"]').waitFor();
	await page.locator('.code-card form button').click();
	await page.waitForURL(`${base}${path}`);
}

async function sha256(s: string) {
	const { createHash } = await import('node:crypto');
	return createHash('sha256').update(s).digest('hex');
}
