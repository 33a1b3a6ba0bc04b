// Author journey through the real UI: the workspace lists the shipped instruments, the playground
// shows a validation error with its JSON path, and after the fix the preview is scored on the server
// with the numbers worked out here by hand.
import { readdirSync } from 'node:fs';
import { openDb } from '../support/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { choose, completeSurvey, launchBrowser, registerClient, watchErrors } from '../support/browser';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

// Three 1–5 ratings, q2 reversed, mean; norm M = 3, SD = 0.5; reliability .84; bands by percentile.
const questionnaire = (reverse: string) =>
	JSON.stringify(
		{
			id: 'calm-mini',
			version: '1.0.0',
			kind: 'test',
			title: { default: 'Calm (mini)', da: 'Ro (mini)' },
			survey: {
				elements: ['q1', 'q2', 'q3'].map((name) => ({
					type: 'rating',
					name,
					title: { default: `Statement ${name}`, da: `Udsagn ${name}` },
					rateMin: 1,
					rateMax: 5
				}))
			},
			scoring: {
				scales: [
					{
						id: 'calm',
						title: { default: 'Calm', da: 'Ro' },
						items: ['q1', 'q2', 'q3'],
						reverse: [reverse],
						range: [1, 5],
						method: 'mean',
						norms: [{ id: 'demo', mean: 3, sd: 0.5 }],
						reliability: { alpha: 0.84 },
						bands: [
							{ upTo: 30, label: { default: 'Low', da: 'Lav' } },
							{ upTo: 70, label: { default: 'Middle', da: 'Middel' } },
							{ upTo: 100, label: { default: 'High', da: 'Høj' } }
						]
					}
				]
			}
		},
		null,
		2
	);

// Φ by Simpson integration of the normal density: independent of the app's erfc.
function phi(z: number) {
	const n = 2000;
	const h = z / n;
	const f = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
	let s = f(0) + f(z);
	for (let i = 1; i < n; i++) s += f(i * h) * (i % 2 ? 4 : 2);
	return 0.5 + (s * h) / 3;
}

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

async function signUpAs(role: 'author' | 'client') {
	const page = await browser.newPage();
	const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`;
	await registerClient(page, base, email);
	if (role !== 'client') {
		await openDb(dbPath).updateTable('user').set({ role }).where('email', '=', email).execute();
	}
	return page;
}

describe('author journey', () => {
	it('lists every instrument with its version, languages and completed responses', async () => {
		const page = await signUpAs('author');
		const errors = watchErrors(page);
		await page.goto(`${base}/author`);
		expect(await page.locator('h1').textContent()).toBe('Questionnaires');
		// Other journeys share this server: count what is in the database now.
		const n = (
			await openDb(dbPath)
				.selectFrom('response')
				.select('id')
				.where('instrument_id', '=', 'brainstorm-dream-jobs')
				.where('status', '=', 'completed')
				.execute()
		).length;
		expect(n).toBeLessThan(5);
		const dreams = page.locator('[data-instrument="brainstorm-dream-jobs"]');
		await expect(dreams.textContent()).resolves.toContain('1.0.0');
		await expect(dreams.textContent()).resolves.toContain('default (English), Dansk');
		expect(await dreams.getByTestId('completed-1.0.0').textContent()).toBe(String(n));
		const files = readdirSync('questionnaires').filter((f) => f.endsWith('.json') && f !== 'schema.json');
		expect(await page.locator('[data-instrument]').count()).toBe(files.length);
		// Fewer than 5 completed: the analysis says how many more are needed, and the export is refused.
		await page.goto(`${base}/author/brainstorm-dream-jobs`);
		expect(await page.getByTestId('not-enough').textContent()).toContain(`${5 - n} more needed`);
		const exported = await page.request.get(`${base}/author/brainstorm-dream-jobs/analysis.json?version=1.0.0`);
		expect(exported.status()).toBe(403);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('shows a validation error with its JSON path, then previews and scores the fixed questionnaire', async () => {
		const page = await signUpAs('author');
		const errors = watchErrors(page);
		await page.goto(`${base}/author/playground`);
		// A reverse item that is not one of the scale's items.
		await page.getByLabel('Questionnaire JSON').fill(questionnaire('q9'));
		const problems = page.getByTestId('problems');
		await problems.waitFor();
		expect(await problems.locator('li').count()).toBe(1);
		expect(await problems.locator('.path').textContent()).toBe('$.scoring.scales[0].reverse[0]');
		expect(await problems.textContent()).toContain('q9');
		expect(await page.locator('[data-testid="validation"][aria-live="polite"]').count()).toBe(1);

		await page.getByLabel('Questionnaire JSON').fill(questionnaire('q2'));
		await page.getByTestId('valid').waitFor();
		expect(await page.getByTestId('problems').count()).toBe(0);

		// Preview in Danish.
		await page.getByLabel('Language').selectOption('da');
		await page.locator('[data-name="q1"]').waitFor();
		expect(await page.locator('[data-name="q1"] .sd-question__title').textContent()).toContain('Udsagn q1');
		await choose(page, 'q1', 5);
		await choose(page, 'q2', 2);
		await choose(page, 'q3', 4);
		await completeSurvey(page);
		const scale = page.locator('[data-testid="score-report"] [data-scale="calm"]');
		await scale.waitFor();

		// By hand: keyed 5, 1 + 5 − 2 = 4, 4 → mean 13/3; z = (13/3 − 3)/0.5; T = 50 + 10z;
		// sten = round(2z + 5.5) capped at 10; percentile = 100·Φ(z) → band "Høj" (> 70).
		const score = 13 / 3;
		const z = (score - 3) / 0.5;
		const pct = 100 * phi(z);
		expect(await scale.locator('h3').textContent()).toContain('Ro');
		expect(await scale.getByTestId('score').textContent()).toBe(score.toFixed(3));
		expect(await scale.getByTestId('keyed').allTextContents()).toEqual(['5', '4', '4']);
		expect(await scale.locator('[data-item="q2"]').textContent()).toContain('reversed');
		expect(await scale.getByTestId('z').textContent()).toBe(z.toFixed(2));
		expect(await scale.getByTestId('t').textContent()).toBe((50 + 10 * z).toFixed(1));
		expect(await scale.getByTestId('percentile').textContent()).toBe(pct.toFixed(1));
		expect(await scale.getByTestId('sten').textContent()).toBe(String(Math.min(10, Math.round(2 * z + 5.5))));
		expect(await scale.getByTestId('band').textContent()).toBe('Høj');
		// 90 % band: SEM = 0.5·√(1 − .84) = 0.2; score ± 1.645·0.2.
		expect(await scale.getByTestId('ci90').textContent()).toContain(`${(score - 0.329).toFixed(3)} – ${(score + 0.329).toFixed(3)}`);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('exports the item analysis once 5 people completed a version, without identities', async () => {
		const page = await signUpAs('author');
		const db = openDb(dbPath);
		// A stored version of its own, so that responses from other journeys on this server do not mix in.
		const { definition } = await db
			.selectFrom('instrument_version')
			.select('definition')
			.where('instrument_id', '=', 'work-values')
			.executeTakeFirstOrThrow();
		const { id: versionId } = await db
			.insertInto('instrument_version')
			.values({
				instrument_id: 'work-values',
				version: '1.0.1',
				sha256: 'e'.repeat(64),
				definition: JSON.stringify({ ...JSON.parse(definition), version: '1.0.1' }),
				first_loaded_at: '2026-01-01T00:00:00.000Z'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const seeded: string[] = [];
		for (const [i, r] of [[1, 2, 1, 2], [2, 2, 3, 3], [3, 3, 3, 4], [4, 5, 4, 4], [5, 4, 5, 5]].entries()) {
			const user = `wv-${Date.now()}-${i}`;
			seeded.push(user, `${user}@example.org`, `resp-${user}`);
			await db
				.insertInto('user')
				.values({ id: user, email: `${user}@example.org`, password_hash: 'x', role: 'client', display_name: null, locale: null, created_at: '2026-01-01T00:00:00.000Z' })
				.execute();
			await db
				.insertInto('response')
				.values({
					id: `resp-${user}`,
					user_id: user,
					instrument_id: 'work-values',
					instrument_version_id: versionId,
					status: 'completed',
					answers: JSON.stringify({ SE1: r[0], SE2: r[1], SE3: r[2], SE4: r[3] }),
					current_page: 0,
					result: null,
					started_at: '2026-01-01T10:00:00.000Z',
					updated_at: '2026-01-01T10:01:00.000Z',
					completed_at: '2026-01-01T10:01:00.000Z'
				})
				.execute();
		}
		const json = await page.request.get(`${base}/author/work-values/analysis.json?version=1.0.1`);
		expect(json.status()).toBe(200);
		const stats = await json.json();
		// Hand-worked in src/lib/server/author/author-analysis.test.ts: alpha = 4/3 · (1 − 7.7/27.5) = 0.96.
		expect(stats.respondents).toBe(5);
		expect(stats.scales[0].alpha).toBeCloseTo(0.96, 10);
		const csv = await (await page.request.get(`${base}/author/work-values/analysis.csv?version=1.0.1`)).text();
		expect(csv.split('\n')[1]).toMatch(/^work-values,1\.0\.1,5,certainty,5,/);
		for (const secret of seeded) {
			expect(JSON.stringify(stats)).not.toContain(secret);
			expect(csv).not.toContain(secret);
		}
		await page.goto(`${base}/author/work-values`);
		// Five complete cases are below ALPHA_MIN_N: the page says so instead of printing alpha as a finding,
		// and each item stands with its text.
		const scale = page.locator('[data-version="1.0.1"] [data-scale="certainty"]');
		expect(await scale.getByTestId('alpha-too-few').textContent()).toContain('Too few responses for α: at least 30 are needed, there are 5.');
		expect(await scale.locator('[data-testid="alpha"]').count()).toBe(0);
		expect(await scale.locator('tr[data-item="SE1"] [data-testid="item-text"]').textContent()).toBe('How sure are you of what matters most to you at work?');
		await page.close();
	});

	it('refuses the author pages to a client', async () => {
		const page = await signUpAs('client');
		const res = await page.goto(`${base}/author/playground`);
		expect(res?.status()).toBe(403);
		await page.close();
	});
});
