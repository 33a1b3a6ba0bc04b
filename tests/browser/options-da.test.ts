// From results to options in Danish, against the built app: a Danish client answers the preparation
// question, stars two occupations with Danish titles and finds them on the profile (with a Danish
// summary naming the top interest letters and values) and in the export (validated against the
// schema); a Danish counsellor reads the report in neutral Danish wording with the shortlist at the
// client's level, comments, writes a note, and prints the report to PDF (read with pdftotext: the
// shortlist, the comment, the note, and the client's name and the Danish date on every page). The
// note's time on both sides and the client's access log show the same moment the same Danish way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'devalue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { answerRiasec, launchBrowser, watchErrors, passRecoveryCode } from '../support/browser';
import { openDb } from '../support/db';
import { datesSince } from '../support/timing';

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
// Work values, most important first: helping others, learning, creativity (Danish labels in work-values.json).
const VALUES = ['helping-others', 'learning', 'creativity', 'security', 'teamwork', 'variety', 'autonomy', 'income', 'work-life-balance', 'recognition', 'achievement', 'working-conditions', 'leadership', 'prestige', 'physical-activity'];
const schema = JSON.parse(readFileSync(resolve(__dirname, '../../static/schema/profile-v1.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const daTime = (iso: string) => new Date(iso).toLocaleString('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

let browser: Browser;
const contexts: BrowserContext[] = [];
let dir: string;
beforeAll(async () => {
	browser = await launchBrowser();
	dir = mkdtempSync(join(tmpdir(), 'spejl-pdf-da-'));
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

const db = () => openDb(dbPath);
const idOf = async (email: string) => (await db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

/** A new browser in Danish: registered through the form, then the language button pressed. */
async function danishUser(email: string, name: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'da-DK' });
	contexts.push(context);
	const page = await context.newPage();
	await page.goto(`${base}/register`);
	await page.locator('#name').fill(name);
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(PASSWORD);
	await page.locator('#privacy').check();
	await page.getByRole('button', { name: /^(Opret konto|Create account)$/ }).click();
	await passRecoveryCode(page, base);
	if ((await page.evaluate(() => document.documentElement.lang)) !== 'da') {
		await page.locator('form.lang button[value="da"]').click();
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('da');
	}
	return page;
}

/** A form action posted with the page's own session, as its forms do (for a questionnaire the test does not click through). */
async function action(page: Page, path: string, form: Record<string, string>) {
	const res = await page.request.post(`${base}${path}`, { headers: { origin: base, 'x-sveltekit-action': 'true', accept: 'application/json' }, form });
	const json = (await res.json()) as { type: string; data?: string };
	expect(json.type, `${path}: ${JSON.stringify(json)}`).toMatch(/^(success|redirect)$/);
	return json;
}

describe('from results to options, in Danish', () => {
	it('preparation, Danish titles, two stars on the profile, export, report, PDF and agreeing timestamps', async () => {
		const begun = new Date();
		const stamp = Date.now();
		const clientEmail = `klient-da-${stamp}@example.org`;
		const counsellorEmail = `vejleder-da-${stamp}@example.org`;
		const client = await danishUser(clientEmail, 'Sofie Klient');
		const clientErrors = watchErrors(client);
		const clientId = await idOf(clientEmail);

		await client.goto(`${base}/q/riasec-48`);
		await answerRiasec(client, ANSWERS);
		await client.waitForURL(`${base}/profile#riasec-48`);
		const saved = await action(client, '/q/work-values?/save', { answers: '{}', page: '0' });
		const { responseId } = parse(saved.data!) as { responseId: string };
		await action(client, '/q/work-values?/complete', { answers: JSON.stringify({ values_rank: VALUES, SE1: 4, SE2: 3, SE3: 5, SE4: 2 }), responseId });

		// Matches at once; one click on a preparation level, then matches at that level with Danish titles.
		await client.goto(`${base}/matches`);
		await client.locator('ol.matches > li').first().waitFor();
		await client.getByRole('button', { name: 'Middel forberedelse' }).click();
		await expect.poll(() => client.getByRole('button', { name: 'Middel forberedelse' }).getAttribute('aria-pressed')).toBe('true');
		await client.locator('ol.matches > li').first().waitFor();
		expect(new Set(await client.getByTestId('level').allTextContents())).toEqual(new Set(['Middel forberedelse']));
		// Two that have a Danish title (the English ones are marked "(engelsk titel)").
		const items = client.locator('ol.matches > li');
		const kept: { id: string; title: string }[] = [];
		for (let i = 0; kept.length < 2; i++) {
			const li = items.nth(i);
			const title = (await li.getByTestId('match-title').textContent())!.trim();
			if (title.includes('(engelsk titel)')) continue;
			kept.push({ id: (await li.getAttribute('data-id'))!, title });
			await li.getByTestId('star').click();
			await expect.poll(() => li.getByTestId('star').getAttribute('aria-pressed')).toBe('true');
			expect((await li.getByTestId('star').textContent())!.replace(/\s+/g, ' ').trim()).toBe(`★ Gemt – ${title}`);
		}
		// They are the CSV's Danish titles, not the English ones.
		const csv = readFileSync(resolve(__dirname, '../../opportunities/onet-29-3.csv'), 'utf8');
		for (const k of kept) {
			const row = csv.split('\n').find((l) => l.startsWith(`${k.id},`))!;
			expect(row.toLowerCase()).toContain(`,${k.title.toLowerCase()},`);
			expect(row.startsWith(`${k.id},${k.title},`)).toBe(false);
		}

		// The profile: the summary names the top letters and values in Danish; the shortlist has both.
		await client.goto(`${base}/profile`);
		expect(await client.getByTestId('summary-interests').textContent()).toBe(
			'Dine stærkeste interesser er at organisere, praktisk arbejde med hænderne og at hjælpe andre (Holland-kode CRS).'
		);
		expect(await client.getByTestId('summary-values').textContent()).toBe('Det vigtigste for dig i et arbejde: at hjælpe andre, læring og kreativitet.');
		const shortlist = client.getByTestId('shortlist');
		expect(await shortlist.getByTestId('shortlist-title').allTextContents()).toEqual(kept.map((k) => k.title));
		// Saved today (or yesterday, when the test ran over midnight in Copenhagen).
		const savedText = await shortlist.textContent();
		const savedDays = datesSince(begun, 'da-DK');
		expect(savedDays.some((d) => savedText!.includes(`Middel forberedelse · Gemt ${d}`)), `${savedText} names one of ${savedDays.join(', ')}`).toBe(true);

		// The export: valid against the schema, the two in the order starred, with the Danish titles.
		const doc = await (await client.request.get(`${base}/profile/export.json`)).json();
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		expect(doc.shortlist.map((s: { set: string; id: string; title: string }) => [s.set, s.id, s.title])).toEqual(kept.map((k) => ['onet-29-3', k.id, k.title]));

		// A Danish counsellor; the client shares.
		const couns = await danishUser(counsellorEmail, 'Dana Vejleder');
		const counsErrors = watchErrors(couns);
		await db().updateTable('user').set({ role: 'counsellor' }).where('email', '=', counsellorEmail).execute();
		await couns.goto(`${base}/counsellor`);
		const code = (await couns.getByTestId('share-code').textContent())!.trim();
		await client.goto(`${base}/share/${code}`);
		await client.getByRole('button', { name: 'Ja, del min profil' }).click();
		await client.getByText('Du deler nu din profil med Dana Vejleder.').waitFor();

		// The report in neutral Danish wording, with the shortlist and the matches at the client's level.
		await couns.goto(`${base}/counsellor/clients/${clientId}`);
		expect(await couns.getByRole('heading', { level: 1 }).textContent()).toBe('Profilrapport: Sofie Klient');
		expect(await couns.getByTestId('summary-interests').textContent()).toBe('Stærkeste interesser: at organisere, praktisk arbejde med hænderne og at hjælpe andre (Holland-kode CRS).');
		expect(await couns.getByTestId('summary-values').textContent()).toBe('Vigtigst i et arbejde: at hjælpe andre, læring og kreativitet.');
		// The results, the summary and the matches speak about the client (the comment boxes are the counsellor's own).
		for (const part of await couns.locator('section.report article.result, section.report .summary, section.matches').all()) {
			expect(await part.textContent()).not.toMatch(/(^|[^\p{L}])(du|din|dine|dit)([^\p{L}]|$)/iu);
		}
		expect(await couns.getByTestId('matches-level').textContent()).toContain('På det forberedelsesniveau, klienten har valgt: Middel forberedelse.');
		const list = couns.getByTestId('shortlist');
		expect(await list.getByTestId('shortlist-title').allTextContents()).toEqual(kept.map((k) => k.title));
		await list.getByLabel(`Din kommentar til ${kept[1].title}`).fill('Spørg efter en praktikplads.');
		await list.locator(`li[data-id="${kept[1].id}"]`).getByRole('button', { name: 'Gem kommentar' }).click();
		await couns.getByText('Kommentaren er gemt.').waitFor();
		await couns.getByLabel('Ny note').fill('Vi ser på listen sammen næste gang.');
		await couns.getByRole('button', { name: 'Tilføj note' }).click();
		await couns.getByText('Noten er tilføjet.').waitFor();

		// The note's time, on the counsellor's page and the client's, as the client's access log shows the report views.
		const noteAt = (await db().selectFrom('note').select('created_at').where('client_id', '=', clientId).orderBy('id', 'desc').executeTakeFirstOrThrow()).created_at;
		expect(await couns.getByTestId('note').last().textContent()).toContain(daTime(noteAt));
		await client.goto(`${base}/profile`);
		expect(await client.getByTestId('thread').getByTestId('note').last().textContent()).toContain(daTime(noteAt));
		expect(await client.getByTestId('shortlist-comment').textContent()).toContain('Spørg efter en praktikplads.');
		const viewedAt = (
			await db().selectFrom('audit_event').select('at').where('action', '=', 'client.report.viewed').where('subject_id', '=', clientId).orderBy('id', 'desc').executeTakeFirstOrThrow()
		).at;
		await client.goto(`${base}/account`);
		expect(await client.locator('body').textContent()).toContain(daTime(viewedAt));

		// The printed report (PDF): Danish headings, the shortlist with the comment, the note, and the
		// client's name and the Danish date on every page; no forms.
		await couns.reload();
		await couns.emulateMedia({ media: 'print' });
		const pdfPath = join(dir, 'rapport.pdf');
		writeFileSync(pdfPath, await couns.pdf({ format: 'A4', printBackground: true }));
		await couns.emulateMedia({ media: 'screen' });
		const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
		const flat = text.replace(/\s+/g, ' ');
		for (const k of kept) expect(flat).toContain(k.title);
		expect(flat).toContain('Spørg efter en praktikplads.');
		expect(flat).toContain('Vi ser på listen sammen næste gang.');
		expect(flat).toContain('Fortroligt');
		expect(flat).not.toContain('Gem kommentar');
		expect(flat).not.toContain('Tilføj note');
		const pages = text.split('\f').filter((p) => p.trim() !== '');
		expect(pages.length).toBeGreaterThan(1);
		const printedDays = datesSince(begun, 'da-DK');
		for (const p of pages) {
			expect(p).toContain('Profilrapport: Sofie Klient');
			expect(printedDays.some((d) => p.includes(d)), `a page shows one of ${printedDays.join(', ')}`).toBe(true);
		}

		expect(clientErrors).toEqual([]);
		expect(counsErrors).toEqual([]);
	}, 240_000);
});
