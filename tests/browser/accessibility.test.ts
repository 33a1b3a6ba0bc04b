// Accessibility of every page type against the built app, in Chromium: axe-core's WCAG 2.0/2.1 A and
// AA rules (and the landmark and heading best practices) in English and Danish, on a desktop and a
// phone-sized window, signed in as the role that uses the page; no console errors; and the keyboard:
// the skip link, every control reachable with Tab, a visible focus, no keyboard trap; `lang` follows
// the chosen language; animations stop for people who ask for reduced motion.
import { createRequire } from 'node:module';
import { openDb } from '../support/db';
import { parse } from 'devalue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../support/browser';
import { Jar, insertAdmin } from '../support/jar';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LOCALES = ['en', 'da'] as const;
const WIDTHS = [1280, 360] as const;
type Locale = (typeof LOCALES)[number];
type Role = 'anon' | 'client' | 'counsellor' | 'admin';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Best practices that matter to screen-reader users finding their way: run, and held to zero too.
const STRUCTURE = [
	'heading-order', 'page-has-heading-one', 'region', 'landmark-one-main', 'landmark-unique',
	'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'landmark-no-duplicate-main',
	'landmark-banner-is-top-level', 'landmark-contentinfo-is-top-level', 'landmark-main-is-top-level',
	'empty-heading', 'empty-table-header'
];

/**
 * Markup that SurveyJS renders itself and no questionnaire or theme setting changes. Each entry is one
 * rule on one selector, with the reason; everything else on the page is checked.
 */
const SURVEYJS_EXCLUSIONS: { rule: string; selector: string; reason: string }[] = [];

// ---------------------------------------------------------------------------------------------
// Test data: a client with four completed questionnaires, an open assignment, a shared profile,
// a note thread and an API token; their counsellor; an administrator (who also sees the author pages).

const run = Date.now();
const users = { client: '', counsellor: '', admin: '' };
const jars = {} as Record<Exclude<Role, 'anon'>, Jar>;
let clientId = '';
let shareCode = '';
let othersCode = '';

const db = () => openDb(dbPath);
const userOf = (email: string) => db().selectFrom('user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

/** A form action called the way SurveyForm calls it (`x-sveltekit-action`), failing loudly. */
async function action(jar: Jar, path: string, fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const res = await jar.request(path, { method: 'POST', headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }, body });
	const json = (await res.json()) as { type: string };
	if (json.type !== 'success' && json.type !== 'redirect') throw new Error(`${path}: ${JSON.stringify(json)}`);
	return json;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const riasec = Object.fromEntries(['R', 'I', 'A', 'S', 'E', 'C'].flatMap((t, k) => range(8).map((i) => [`${t}${i}`, ((i + k) % 5) + 1])));
const bigFive = Object.fromEntries(['EXT', 'AGR', 'CSN', 'EST', 'OPN'].flatMap((t, k) => range(10).map((i) => [`${t}${i}`, ((i * 3 + k) % 5) + 1])));
const workValues = {
	values_rank: ['income', 'autonomy', 'security', 'helping-others', 'creativity', 'recognition', 'variety', 'work-life-balance', 'learning', 'teamwork', 'leadership', 'achievement', 'prestige', 'physical-activity', 'working-conditions'],
	SE1: 4, SE2: 3, SE3: 5, SE4: 2
};
const strengths = {
	strengths: [{ idea: 'Fixing bikes', theme: 'R' }, { idea: 'Explaining maths', theme: 'S' }],
	strengths_reflection: 'I like helping people with practical things.'
};

async function complete(jar: Jar, id: string, answers: unknown) {
	const saved = (await action(jar, `/q/${id}?/save`, { answers: '{}', page: '0' })) as unknown as { data: string };
	const responseId = (parse(saved.data) as { responseId: string }).responseId;
	await action(jar, `/q/${id}?/complete`, { answers: JSON.stringify(answers), responseId });
}

async function seed() {
	users.client = `a11y-client-${run}@example.org`;
	users.counsellor = `a11y-couns-${run}@example.org`;
	users.admin = `a11y-admin-${run}@example.org`;
	await insertAdmin(dbPath, users.admin);
	jars.admin = await new Jar(base).login(users.admin);
	jars.counsellor = await new Jar(base).register(users.counsellor, 'Dana Vejleder');
	await db().updateTable('user').set({ role: 'counsellor' }).where('email', '=', users.counsellor).execute();
	await jars.counsellor.request('/counsellor'); // hands out the share code
	shareCode = (await userOf(users.counsellor)).share_code!;
	jars.client = await new Jar(base).register(users.client, 'Jonas Klient');
	clientId = (await userOf(users.client)).id;

	await complete(jars.client, 'riasec-48', riasec);
	await complete(jars.client, 'big-five-ipip-50', bigFive);
	// A second attempt at the Big Five, open with one answer on its last page (see BIG_FIVE_OPEN).
	await action(jars.client, '/q/big-five-ipip-50?/save', { answers: JSON.stringify({ EXT1: 3 }), page: '4' });
	await complete(jars.client, 'work-values', workValues);
	await complete(jars.client, 'brainstorm-strengths', strengths);
	await action(jars.client, `/share/${shareCode}?/confirm`, {});
	await action(jars.counsellor, `/counsellor/clients/${clientId}?/assign`, { instrument: 'brainstorm-dream-jobs', message: 'Before Tuesday, please.' });
	await action(jars.counsellor, `/counsellor/clients/${clientId}?/note`, { body: 'Your practical interests stand out.' });
	await action(jars.client, '/profile?/reply', { counsellor: (await userOf(users.counsellor)).id, body: 'Thank you!' });
	await action(jars.client, '/account/tokens?/create', { name: 'Job portal', password: 'correct horse battery' });
	// How others see me: five own picks, a link, and three people's answers, so the window shows.
	await complete(jars.client, 'others-view', { others_S: ['patient', 'listener'], others_C: ['organised'], others_P: ['honest', 'calm'] });
	await action(jars.client, '/others/others-view?/invite', { shownName: 'Jonas', nickname: 'Family', days: '14' });
	othersCode = (await db().selectFrom('others_invite').select('code').where('user_id', '=', clientId).executeTakeFirstOrThrow()).code;
	for (const picks of [['patient', 'kind'], ['kind', 'funny'], ['calm', 'reliable']]) {
		const body = new URLSearchParams(picks.map((q) => ['quality', q]));
		body.set('text', 'Good at making people laugh');
		const res = await new Jar(base).request(`/o/${othersCode}`, { method: 'POST', headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }, body });
		expect(res.status).toBe(200);
	}
}

async function setLocale(locale: Locale) {
	await db().updateTable('user').set({ locale }).where('email', 'in', [users.client, users.counsellor, users.admin]).execute();
}

// ---------------------------------------------------------------------------------------------
// The pages, each with who sees it and what to wait for before checking.

interface PageSpec {
	name: string;
	role: Role;
	path: () => string;
	ready?: string;
	/** Console errors this page causes on purpose (the 404 page's own request). */
	expectedErrors?: RegExp;
	/**
	 * The page as a browser without JavaScript gets it: the app's scripts are blocked (axe itself still
	 * runs), so there is no hydration and no SurveyJS, only the server's plain HTML form.
	 */
	plain?: boolean;
	/** What the person does on the page before it is checked (e.g. pressing Complete). */
	act?: (page: Page) => Promise<void>;
}

// Big Five with one answer, left on its last page: completing lists 49 skipped questions, and
// completing anyway is refused (every scale needs 8 answers).
const BIG_FIVE_OPEN = '/q/big-five-ipip-50';
const pressComplete = async (page: Page) => {
	await page.locator('.sd-navigation__complete-btn').click();
	await page.getByTestId('skipped-review').waitFor();
};
const pressCompleteAnyway = async (page: Page) => {
	await page.locator('button[name="nav"][value="confirm"], [data-testid="skipped-review"] .nav button:not(.secondary)').first().click();
	await page.getByRole('alert').first().waitFor();
};
const PAGES: PageSpec[] = [
	{ name: 'welcome', role: 'anon', path: () => '/' },
	{ name: 'register', role: 'anon', path: () => '/register' },
	{ name: 'login', role: 'anon', path: () => '/login' },
	{ name: 'forgot password', role: 'anon', path: () => '/login/recover' },
	{ name: 'setup', role: 'anon', path: () => '/setup' },
	{ name: 'start without an account', role: 'anon', path: () => '/start' },
	{ name: 'a test, not signed in', role: 'anon', path: () => '/q/riasec-48' },
	{ name: 'resume with a code', role: 'anon', path: () => '/resume' },
	// The anonymous context carries a new code in its cookie, as right after starting.
	{ name: 'new resume code', role: 'anon', path: () => '/start/code' },
	{ name: 'not found', role: 'anon', path: () => '/no-such-page', expectedErrors: /404/ },
	{ name: 'home', role: 'client', path: () => '/', ready: '[data-testid="assigned-to-you"]' },
	{ name: 'take riasec-48', role: 'client', path: () => '/q/riasec-48', ready: '[data-name="R1"] input' },
	{ name: 'take work-values', role: 'client', path: () => '/q/work-values', ready: '[data-name="values_rank"] .sv-ranking-item' },
	{ name: 'take brainstorm-strengths', role: 'client', path: () => '/q/brainstorm-strengths', ready: '[data-name="strengths"] input' },
	{ name: 'profile', role: 'client', path: () => '/profile', ready: 'article#big-five-ipip-50 canvas' },
	{ name: 'matches', role: 'client', path: () => '/matches' },
	{ name: 'occupation page', role: 'client', path: () => '/occupations/onet-29-3/15-1252.00', ready: '[data-testid="facts-full"]' },
	{ name: 'account', role: 'client', path: () => '/account' },
	{ name: 'change password', role: 'client', path: () => '/account/password' },
	{ name: 'change email', role: 'client', path: () => '/account/email' },
	// Two-factor sign-in, while being set up (the key and the code field), and the code step (here
	// without a pending sign-in: the page says to sign in again).
	{
		name: 'two-factor set-up',
		role: 'client',
		path: () => '/account/two-factor',
		act: async (page) => {
			await page.getByRole('button', { name: /^(Start setting up|Begynd at sætte op|Start again with a new key|Begynd forfra med en ny nøgle)$/ }).click();
			await page.getByTestId('two-factor-secret').waitFor();
		}
	},
	{ name: 'two-factor code step', role: 'anon', path: () => '/login/two-factor' },
	{ name: 'account tokens', role: 'client', path: () => '/account/tokens', ready: '[data-testid="token"]' },
	{ name: 'share', role: 'client', path: () => '/share' },
	{ name: 'share code', role: 'client', path: () => `/share/${shareCode}` },
	{ name: 'how others see me', role: 'client', path: () => '/others/others-view', ready: '[data-testid="quadrant-open"]' },
	{ name: 'answer an invitation', role: 'anon', path: () => `/o/${othersCode}` },
	{ name: 'type an invitation code', role: 'anon', path: () => '/o' },
	{ name: 'counsellor dashboard', role: 'counsellor', path: () => '/counsellor', ready: '[data-testid="clients"]' },
	{ name: 'counsellor report', role: 'counsellor', path: () => `/counsellor/clients/${clientId}`, ready: 'article#riasec-48 canvas' },
	{ name: 'counsellor account', role: 'counsellor', path: () => '/account', ready: '[data-testid="share-code"]' },
	{ name: 'author overview', role: 'admin', path: () => '/author', ready: '[data-testid="instruments"]' },
	{ name: 'author analysis', role: 'admin', path: () => '/author/riasec-48' },
	{ name: 'author playground', role: 'admin', path: () => '/author/playground?example=riasec-48.json', ready: '[data-testid="preview"] [data-name="R1"] input' },
	{ name: 'admin', role: 'admin', path: () => '/admin' },
	// Without JavaScript: the plain questionnaire pages.
	{ name: 'plain questionnaire page', role: 'client', path: () => `${BIG_FIVE_OPEN}?page=0`, ready: '#plain-form', plain: true },
	{ name: 'plain Likert grid', role: 'client', path: () => '/q/study-habits', ready: '#plain-form', plain: true },
	{ name: 'plain dynamic panels', role: 'client', path: () => '/q/study-habits?page=2', ready: '#plain-form', plain: true },
	{ name: 'plain skipped questions', role: 'client', path: () => `${BIG_FIVE_OPEN}?review`, ready: '#skipped-h', plain: true },
	{ name: 'plain completion refused', role: 'client', path: () => `${BIG_FIVE_OPEN}?review`, ready: '#skipped-h', plain: true, act: pressCompleteAnyway },
	// With SurveyJS: the skipped list before completing, and the refusal after "complete anyway".
	{ name: 'skipped questions (SurveyJS)', role: 'client', path: () => BIG_FIVE_OPEN, ready: '[data-name="OPN10"] input', act: pressComplete },
	{
		name: 'completion refused (SurveyJS)',
		role: 'client',
		path: () => BIG_FIVE_OPEN,
		ready: '[data-name="OPN10"] input',
		// The refusal is the completion request's 400 answer, which the browser notes in its console.
		expectedErrors: /status of 400/,
		act: async (page) => {
			await pressComplete(page);
			await pressCompleteAnyway(page);
		}
	}
];

// ---------------------------------------------------------------------------------------------

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
	browser = await launchBrowser();
	await seed();
}, 120_000);
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await setLocale('en');
});

async function contextFor(role: Role, locale: Locale, width: number, extra: Parameters<Browser['newContext']>[0] = {}) {
	// bypassCSP only so that axe-core can be injected; the app's own CSP is tested elsewhere.
	const context = await browser.newContext({
		bypassCSP: true,
		locale: locale === 'da' ? 'da-DK' : 'en-GB',
		viewport: { width, height: width < 600 ? 740 : 900 },
		...extra
	});
	contexts.push(context);
	const cookies: { name: string; value: string; url: string }[] = [{ name: 'lang', value: locale, url: base }];
	if (role !== 'anon') cookies.push({ name: 'spejl_session', value: jars[role].cookies.get('spejl_session')!, url: base });
	else cookies.push({ name: 'spejl_new_code', value: 'K7QM-3HXT-9WAC-PRDE', url: base });
	await context.addCookies(cookies);
	return context;
}

async function open(context: BrowserContext, spec: PageSpec) {
	const page = await context.newPage();
	const errors = watchErrors(page);
	if (spec.plain) await page.route('**/_app/**/*.js', (r) => r.abort());
	await page.goto(`${base}${spec.path()}`);
	await page.waitForLoadState('networkidle');
	if (spec.ready) await page.locator(spec.ready).first().waitFor({ state: 'attached', timeout: 60_000 });
	await spec.act?.(page);
	// Blocked scripts are reported as failed loads: that is the point of a plain page, not an error.
	return { page, errors: spec.plain ? errors.filter((e) => !/Failed to load resource|Failed to fetch dynamically imported module/.test(e)) : errors };
}

interface AxeNode { target: string[]; failureSummary?: string; html: string }
interface AxeViolation { id: string; impact: string | null; help: string; helpUrl: string; nodes: AxeNode[] }

async function axe(page: Page, options: Record<string, unknown>): Promise<AxeViolation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
	return page.evaluate(async (opts) => {
		const w = window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } };
		const r = await w.axe.run(document, { ...(opts as object), resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })) }));
	}, options);
}

/** Drops the nodes a documented SurveyJS exclusion covers (that rule on that selector only). */
async function withoutExclusions(page: Page, violations: AxeViolation[]) {
	const out: AxeViolation[] = [];
	for (const v of violations) {
		const nodes: AxeNode[] = [];
		for (const n of v.nodes) {
			const sel = n.target[n.target.length - 1];
			const excluded = await page.evaluate(
				({ sel, rules }) => {
					const el = document.querySelector(sel);
					return !!el && rules.some((s) => el.matches(s) || !!el.closest(s));
				},
				{ sel, rules: SURVEYJS_EXCLUSIONS.filter((x) => x.rule === v.id).map((x) => x.selector) }
			);
			if (!excluded) nodes.push(n);
		}
		if (nodes.length) out.push({ ...v, nodes });
	}
	return out;
}

const report = (where: string, vs: AxeViolation[]) =>
	vs
		.map((v) => `${where}: [${v.impact}] ${v.id} – ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1, 3).join(' ') ?? ''}`).join('\n')}`)
		.join('\n');

for (const locale of LOCALES) {
	for (const width of WIDTHS) {
		describe(`axe-core, ${locale}, ${width} px`, () => {
			const ctx = {} as Record<Role, BrowserContext>;
			beforeAll(async () => {
				await setLocale(locale);
				for (const role of ['anon', 'client', 'counsellor', 'admin'] as const) ctx[role] = await contextFor(role, locale, width);
			});

			for (const spec of PAGES) {
				it(spec.name, async () => {
					const { page, errors } = await open(ctx[spec.role], spec);
					expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
					const wcag = await withoutExclusions(page, await axe(page, { runOnly: { type: 'tag', values: WCAG } }));
					const serious = wcag.filter((v) => v.impact === 'serious' || v.impact === 'critical');
					const minor = wcag.filter((v) => !serious.includes(v));
					if (minor.length) console.warn(report(`${spec.name} ${locale} ${width}px (minor)`, minor));
					expect(serious, report(`${spec.name} ${locale} ${width}px`, serious)).toEqual([]);
					const structure = await withoutExclusions(page, await axe(page, { runOnly: { type: 'rule', values: STRUCTURE } }));
					expect(structure, report(`${spec.name} ${locale} ${width}px`, structure)).toEqual([]);
					expect(errors.filter((e) => !spec.expectedErrors?.test(e))).toEqual([]);
					await page.close();
				});
			}
		});
	}
}

// ---------------------------------------------------------------------------------------------
// The keyboard.

interface Stop { i: number; tag: string; text: string; ring: boolean; inSurvey: boolean }

/** Numbers every control a keyboard user should reach; radio groups count once. */
function markFocusables(page: Page) {
	return page.evaluate(() => {
		const sel = 'a[href], button, input, select, textarea, summary, [tabindex]';
		const groups = new Set<string>();
		const wanted: number[] = [];
		let i = 0;
		for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
			el.dataset.kb = String(i++);
			if ((el as HTMLInputElement).type === 'hidden' || (el as HTMLButtonElement).disabled || el.tabIndex < 0) continue;
			const box = el.getBoundingClientRect();
			const style = getComputedStyle(el);
			if (style.visibility === 'hidden' || (!box.width && !box.height && !el.closest('label'))) continue;
			if (el.closest('[inert], [aria-hidden="true"]')) continue;
			if ((el as HTMLInputElement).type === 'radio') {
				const name = (el as HTMLInputElement).name;
				if (groups.has(name)) continue;
				groups.add(name);
				wanted.push(-1 - groups.size); // any radio of the group will do
				el.dataset.kbGroup = name;
				for (const r of Array.from(document.querySelectorAll<HTMLElement>(`input[type=radio][name="${CSS.escape(name)}"]`))) r.dataset.kbGroup = name;
				continue;
			}
			wanted.push(Number(el.dataset.kb));
		}
		return { wanted, groups: [...groups] };
	});
}

function focused(page: Page): Promise<Stop & { group?: string; body: boolean }> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { i: -1, tag: 'body', text: '', ring: false, inSurvey: false, body: true };
		// A visible focus: something that looks different while the element has focus – its outline,
		// shadow, border or background, or (for SurveyJS's visually hidden inputs, whose own ring
		// cannot be seen) those of the label, decorator or parts that stand for it.
		const tiny = (x: Element) => {
			const r = x.getBoundingClientRect();
			return r.width < 4 || r.height < 4;
		};
		const label = el.closest('label');
		const parts = [el, el.parentElement, el.nextElementSibling, label, ...Array.from(el.querySelectorAll('*')).slice(0, 40), ...(label ? Array.from(label.querySelectorAll('*')).slice(0, 40) : [])]
			.filter((x): x is Element => !!x && !tiny(x));
		const look = () =>
			parts.map((x) => {
				const s = getComputedStyle(x);
				return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor, s.visibility].join('|');
			});
		const focusedLook = look();
		el.blur();
		const restingLook = look();
		el.focus();
		const ring = focusedLook.some((v, k) => v !== restingLook[k]);
		return {
			i: Number(el.dataset.kb ?? -2),
			group: el.dataset.kbGroup,
			tag: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''),
			text: (el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || '').trim().slice(0, 40),
			ring,
			inSurvey: !!el.closest('.survey'),
			body: false
		};
	});
}

const KEYBOARD_PAGES = PAGES.filter((p) => p.name !== 'not found' && !p.act);

describe('keyboard', () => {
	for (const width of WIDTHS) {
		it(`skip link, every control reachable by Tab with a visible focus, no trap (${width} px)`, { timeout: 300_000 }, async () => {
			await setLocale('en');
			const problems: string[] = [];
			const ctx = {} as Record<Role, BrowserContext>;
			for (const role of ['anon', 'client', 'counsellor', 'admin'] as const) ctx[role] = await contextFor(role, 'en', width);
			for (const spec of KEYBOARD_PAGES) {
				const { page } = await open(ctx[spec.role], spec);
				// SurveyJS eases its focus rings in over 150 ms: measured without transitions, the end state.
				await page.addStyleTag({ content: '*, ::before, ::after { transition: none !important; }' });
				// Tab from the top until focus comes back round: the skip link first and visible, then every
				// control, each with a visible focus, none trapping.
				const { wanted } = await markFocusables(page);
				const reached = new Set<number>();
				const groupsReached = new Set<string>();
				let last = '';
				let repeats = 0;
				let cycled = false;
				for (let n = 0; n < 400; n++) {
					await page.keyboard.press('Tab');
					const f = await focused(page);
					if (f.body) {
						if (n > 0) { cycled = true; break; }
						continue;
					}
					if (n === 0) {
						const skip = await page.evaluate(() => {
							const el = document.activeElement as HTMLElement;
							const r = el.getBoundingClientRect();
							return { isSkip: el.classList.contains('skip'), visible: r.left >= 0 && r.top >= 0 && r.width > 10 && r.right <= innerWidth };
						});
						if (!skip.isSkip || !skip.visible) problems.push(`${spec.name}: the first Tab stop is not a visible skip link`);
					} else if (f.tag.startsWith('a.skip')) { cycled = true; break; }
					reached.add(f.i);
					if (f.group) groupsReached.add(f.group);
					if (!f.ring) problems.push(`${spec.name}: no visible focus on ${f.tag} “${f.text}”`);
					const key = `${f.i}:${f.tag}:${f.text}`;
					repeats = key === last ? repeats + 1 : 0;
					last = key;
					if (repeats > 3) { problems.push(`${spec.name}: keyboard trap at ${f.tag} “${f.text}”`); break; }
				}
				if (!cycled) problems.push(`${spec.name}: Tab did not come back round (a trap, or over 400 stops)`);
				const missing = await page.evaluate(
					({ wanted, reached, groups }) =>
						wanted
							.filter((i) => (i >= 0 ? !reached.includes(i) : false))
							.map((i) => document.querySelector<HTMLElement>(`[data-kb="${i}"]`))
							.filter((el): el is HTMLElement => !!el)
							.map((el) => `${el.tagName.toLowerCase()} “${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || '').trim().slice(0, 40)}”`)
							.concat(
								Array.from(new Set(Array.from(document.querySelectorAll<HTMLElement>('[data-kb-group]')).map((r) => r.dataset.kbGroup!)))
									.filter((g) => !groups.includes(g))
									.map((g) => `radio group “${g}”`)
							),
					{ wanted, reached: [...reached], groups: [...groupsReached] }
				);
				for (const m of missing) problems.push(`${spec.name}: not reachable by Tab: ${m}`);

				// The skip link takes focus to the main content (and the next Tab goes on from there).
				await page.reload();
				if (spec.ready) await page.locator(spec.ready).first().waitFor({ state: 'attached' });
				await page.keyboard.press('Tab');
				await page.keyboard.press('Enter');
				if ((await page.evaluate(() => document.activeElement?.id)) !== 'main') problems.push(`${spec.name}: the skip link does not move focus to <main>`);
				await page.keyboard.press('Tab');
				if (!(await page.evaluate(() => !!document.activeElement?.closest('main'))))
					problems.push(`${spec.name}: Tab after the skip link does not go on inside <main>`);
				await page.close();
			}
			expect([...new Set(problems)]).toEqual([]);
		});
	}
});

describe('language and motion', () => {
	it('sets lang from the locale and switches it with the language button', async () => {
		const context = await contextFor('anon', 'en', 1280);
		const page = await context.newPage();
		const errors = watchErrors(page);
		await page.goto(`${base}/`);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		// The button naming the other language says so in that language, for the screen reader.
		const dansk = page.locator('form.lang button[value="da"]');
		expect(await dansk.getAttribute('lang')).toBe('da');
		await dansk.click();
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('da');
		await page.goto(`${base}/login`);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
		await page.locator('form.lang button[value="en"]').click();
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
		expect(errors).toEqual([]);
	});

	it('stops transitions and SurveyJS animations when reduced motion is asked for', async () => {
		await setLocale('en');
		const context = await contextFor('client', 'en', 1280, { reducedMotion: 'reduce' });
		const { page, errors } = await open(context, PAGES.find((p) => p.name === 'take riasec-48')!);
		const longest = await page.evaluate(() => {
			let max = 0;
			for (const el of Array.from(document.querySelectorAll('*'))) {
				const s = getComputedStyle(el);
				for (const d of [...s.transitionDuration.split(','), ...s.animationDuration.split(',')]) max = Math.max(max, parseFloat(d) || 0);
			}
			return max;
		});
		expect(longest).toBeLessThanOrEqual(0.01);
		expect(await page.locator('.sd-root-modern--animation-disabled').count()).toBe(1);
		expect(errors).toEqual([]);
	});
});
