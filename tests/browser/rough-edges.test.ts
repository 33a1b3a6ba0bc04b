// The browser-only finishing touches, in one journey per language against the built app: the resume
// code's copy and print buttons; a clearly visible focus ring on answers and buttons (SurveyJS page
// and plain form); and axe's label-in-name rule on the "Keep"/"Kept" buttons of /matches. Cheaper
// checks live in tests/http/rough-edges.test.ts and the unit tests.
import { createRequire } from 'node:module';
import { parse } from 'devalue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../support/browser';
import { Jar } from '../support/jar';

const base = inject('baseUrl');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CODE = 'K7QM-3HXT-9WAC-PRDE';
let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

/** A form action as SurveyForm calls it, failing loudly. */
async function action(jar: Jar, path: string, fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const res = await jar.request(path, { method: 'POST', headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }, body });
	const json = (await res.json()) as { type: string; data?: string };
	if (json.type !== 'success' && json.type !== 'redirect') throw new Error(`${path}: ${JSON.stringify(json)}`);
	return json;
}

async function contextFor(lang: 'en' | 'da', opts: { jar?: Jar; js?: boolean; width?: number } = {}): Promise<BrowserContext> {
	const context = await browser.newContext({
		bypassCSP: true, // only so that axe-core can be injected
		locale: lang === 'da' ? 'da-DK' : 'en-GB',
		viewport: { width: opts.width ?? 360, height: 740 },
		javaScriptEnabled: opts.js ?? true
	});
	const cookies: { name: string; value: string; url: string }[] = [{ name: 'lang', value: lang, url: base }];
	if (opts.jar) cookies.push({ name: 'spejl_session', value: opts.jar.cookies.get('spejl_session')!, url: base });
	await context.addCookies(cookies);
	return context;
}

/** The ring drawn round `target` when focus is on `focused`: outline width, offset and style. */
async function ringOf(target: Locator) {
	return target.evaluate((el) => {
		const s = getComputedStyle(el);
		return { width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset), style: s.outlineStyle, color: s.outlineColor };
	});
}
const INK = 'rgb(27, 36, 48)';

/** Tabs until the focused element matches `selector` (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 60) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`never reached ${selector} by Tab`);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const riasec = Object.fromEntries(['R', 'I', 'A', 'S', 'E', 'C'].flatMap((t, k) => range(8).map((i) => [`${t}${i}`, ((i + k) % 5) + 1])));

const TEXT = {
	en: { copy: 'Copy the code', copied: 'The code is copied. Paste it somewhere safe.', print: 'Print this page', keep: 'Keep', kept: 'Kept' },
	da: { copy: 'Kopiér koden', copied: 'Koden er kopieret. Sæt den ind et sikkert sted.', print: 'Udskriv siden', keep: 'Gem', kept: 'Gemt' }
} as const;

describe.each(['en', 'da'] as const)('rough edges in the browser (%s)', (lang) => {
	const words = TEXT[lang];

	it('copies and prints the resume code with JavaScript', async () => {
		const context = await contextFor(lang);
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
		await context.addCookies([{ name: 'spejl_new_code', value: CODE, url: base }]);
		const page = await context.newPage();
		const errors = watchErrors(page);
		// window.print opens a dialog headless Chromium cannot show: count the calls instead.
		await page.addInitScript(() => {
			(window as unknown as { printed: number }).printed = 0;
			window.print = () => void (window as unknown as { printed: number }).printed++;
		});
		await page.goto(`${base}/start/code?next=%2Fq%2Friasec-48`);
		await page.getByRole('button', { name: words.copy }).click();
		await expect.poll(() => page.getByTestId('copy-status').textContent()).toBe(words.copied);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CODE);
		await page.getByRole('link', { name: words.print }).click();
		await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
		expect(page.url()).toBe(`${base}/start/code?next=%2Fq%2Friasec-48`);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('draws a clear focus ring on answers and buttons, on the SurveyJS page and the plain form', async () => {
		const jar = await new Jar(base).register(`edges-${lang}-${Date.now()}@example.org`);
		for (const js of [true, false]) {
			const context = await contextFor(lang, { jar, js });
			const page = await context.newPage();
			await page.goto(`${base}/q/riasec-48`);
			await (js ? page.locator('[data-name="R1"]') : page.locator('form.plain .question').first()).waitFor();
			// The focus ring on an answer reached by keyboard: 3 px of ink, 3 px away, round the whole answer.
			await tabTo(page, 'input[type="radio"]');
			const answer = js ? page.locator('.sd-item:has(input:focus-visible), .sd-rating__item:has(input:focus-visible)').first() : page.locator('form.plain .choice:has(input:focus-visible)');
			expect(await answer.count()).toBe(1);
			expect(await ringOf(answer)).toMatchObject({ width: 3, offset: 3, style: 'solid', color: INK });
			// And on a button.
			const button = js ? '.sd-navigation__next-btn' : 'form.plain button.button';
			await tabTo(page, button);
			expect(await ringOf(page.locator(button).first())).toMatchObject({ width: 3, offset: 3, style: 'solid', color: INK });
			await context.close();
		}
	});

	it('names the Keep/Kept buttons with their visible word first (axe label-content-name-mismatch)', async () => {
		const jar = await new Jar(base).register(`kept-${lang}-${Date.now()}@example.org`);
		const saved = (await action(jar, '/q/riasec-48?/save', { answers: '{}', page: '0' })) as { data: string };
		await action(jar, '/q/riasec-48?/complete', { answers: JSON.stringify(riasec), responseId: (parse(saved.data) as { responseId: string }).responseId });
		await action(jar, '/matches?/prep', { level: '3' });
		// The account's language (a signed-in person's pages follow it).
		expect((await jar.post('/language', { locale: lang, next: '/' })).status).toBe(303);
		const context = await contextFor(lang, { jar, width: 1280 });
		const page = await context.newPage();
		await page.goto(`${base}/matches`);
		const first = page.getByTestId('star').first();
		await first.click();
		await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
		const title = (await page.getByTestId('star').first().locator('.visually-hidden').textContent())!.replace(/^\s*–\s*/, '');
		expect(title.length).toBeGreaterThan(0);
		expect(await page.getByRole('button', { name: `${words.kept} – ${title}`, exact: true }).count()).toBe(1);
		expect(await page.getByRole('button', { name: new RegExp(`^${words.keep} – `) }).count()).toBeGreaterThan(0);
		await page.addScriptTag({ path: AXE });
		const violations = await page.evaluate(async () => {
			type Rule = { id: string; nodes: unknown[] };
			const w = window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Rule[]; passes: Rule[]; inapplicable: Rule[] }> } };
			const r = await w.axe.run({ include: [['[data-testid="star"]']] }, { runOnly: { type: 'rule', values: ['label-content-name-mismatch'] }, rules: { 'label-content-name-mismatch': { enabled: true } } });
			// The rule was run: it passes, or is inapplicable because the name comes from the content itself.
			return { violations: r.violations.map((v) => v.id), ran: [...r.passes, ...r.inapplicable].map((p) => p.id) };
		});
		expect(violations.violations).toEqual([]);
		expect(violations.ran).toContain('label-content-name-mismatch');
		await context.close();
	});
});
