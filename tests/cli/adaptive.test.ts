// npm run calibrate and npm run cat -- simulate as a person runs them (the bundled CLI), on respondents
// simulated here from the shipped big-five-ipip-50-cat parameters; the numbers are checked against the core.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, root, runCli, tempFile } from './run-cli.ts';
import { adaptiveTest } from '../../src/lib/core/irt/adaptive.ts';
import { scaleEstimate } from '../../src/lib/core/irt/cat.ts';
import { categoryProbabilities } from '../../src/lib/core/irt/grm.ts';
import { bankFromParameters } from '../../src/lib/core/irt/parameters.ts';
import { normalDraw, seededRandom } from '../../src/lib/core/irt/random.ts';
import { correlation } from '../../src/lib/core/irt/simulate.ts';
import type { Questionnaire } from '../../src/lib/core/questionnaire/types.ts';

const CAT = `${root}questionnaires/big-five-ipip-50-cat.json`;
const q = JSON.parse(readFileSync(CAT, 'utf8')) as Questionnaire;
const { bank, rule } = adaptiveTest(q)!;

/** `n` respondents answering from the bank's parameters (raw answers, reversed items turned back), 2 % missing. */
function respondents(n: number): { csv: string; answers: Map<string, number>[] } {
	const random = seededRandom(24);
	const items = bank.scales.flatMap((s) => s.items);
	const lines = [['id', ...items.map((i) => i.id)].join(',')];
	const all: Map<string, number>[] = [];
	const p: number[] = [];
	for (let r = 0; r < n; r++) {
		const given = new Map<string, number>();
		for (const scale of bank.scales) {
			const theta = normalDraw(random);
			for (const item of scale.items) {
				categoryProbabilities(item, theta, p);
				let u = random();
				let k = 0;
				while (k < p.length - 1 && u > p[k]) u -= p[k++];
				const value = item.reverse ? bank.max - k : bank.min + k;
				if (random() >= 0.02) given.set(item.id, value);
			}
		}
		all.push(given);
		lines.push([`p${r + 1}`, ...items.map((i) => String(given.get(i.id) ?? ''))].join(','));
	}
	return { csv: `${lines.join('\n')}\n`, answers: all };
}

describe.concurrent('npm run calibrate and npm run cat -- simulate', CLI, () => {
	const data = respondents(400);
	const file = tempFile('cat-respondents.csv', data.csv);

	it('simulate replays each respondent through the questionnaire’s own rule; thetaFull is the EAP of all answers', async () => {
		const r = await runCli('cat', ['simulate', CAT, file]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.respondents).toHaveLength(400);
		expect(out.summary.rule).toEqual({ se: 0.42, minItems: 3, maxItems: 6, randomesque: 3, perStep: 1 });
		for (const [i, person] of out.respondents.entries()) {
			for (const scale of bank.scales) {
				const s = person.scales[scale.id];
				expect(s.items.length).toBeLessThanOrEqual(6);
				expect(new Set(s.items).size).toBe(s.items.length);
				const full = scaleEstimate(bank, scale, data.answers[i]);
				expect(s.thetaFull).toBeCloseTo(full.theta, 12);
				expect(s.seFull).toBeCloseTo(full.se, 12);
				// θ is the EAP of the answers to the items used
				const used = new Map([...data.answers[i]].filter(([item]) => s.items.includes(item)));
				expect(s.theta).toBeCloseTo(scaleEstimate(bank, scale, used).theta, 12);
				// stopped by the rule: at the maximum, or SE at the target after the minimum, or out of answers
				const answered = s.items.filter((item: string) => data.answers[i].has(item)).length;
				expect(s.items.length === 6 || (answered >= 3 && s.se <= 0.42) || s.items.length === scale.items.length).toBe(true);
			}
		}
		for (const scale of bank.scales) {
			const theta = out.respondents.map((p: { scales: Record<string, { theta: number }> }) => p.scales[scale.id].theta);
			const full = out.respondents.map((p: { scales: Record<string, { thetaFull: number }> }) => p.scales[scale.id].thetaFull);
			expect(out.summary.scales[scale.id].r).toBeCloseTo(correlation(theta, full), 4);
			expect(out.summary.scales[scale.id].r).toBeGreaterThan(0.9);
		}
		const shown = out.respondents.reduce((s: number, p: { scales: Record<string, { items: string[] }> }) => s + Object.values(p.scales).reduce((t, x) => t + x.items.length, 0), 0);
		expect(out.summary.meanItems).toBeCloseTo(shown / 400, 3);
		expect(out.summary.maxExposure.share).toBeLessThanOrEqual(1);
		// other rules from the command line
		const short = JSON.parse((await runCli('cat', ['simulate', CAT, file, '--max-items', '3', '--summary-only'])).stdout);
		expect(short.summary.rule.maxItems).toBe(3);
		expect(short.summary.meanItems).toBeLessThanOrEqual(15);
		expect((await runCli('cat', ['simulate', CAT, file, '--se', 'x'])).code).toBe(2);
		expect((await runCli('cat', ['replay', CAT, file])).code).toBe(2);
	});

	it('calibrate prints a parameter document the bank accepts, close to the parameters the answers came from', async () => {
		const r = await runCli('calibrate', [CAT, file, '--source', 'simulated']);
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout);
		expect(doc).toMatchObject({ model: 'graded', questionnaire: 'big-five-ipip-50-cat', respondents: 400, source: 'simulated' });
		const built = bankFromParameters(doc, q.scoring!.scales!);
		expect(built.ok).toBe(true);
		for (const scale of bank.scales) {
			const s = doc.scales[scale.id];
			expect(s.converged).toBe(true);
			expect(s.n).toBe(400);
			for (const item of scale.items) {
				const got = s.items[item.id];
				expect(got.n).toBeGreaterThan(370);
				expect(Math.abs(got.a - item.a)).toBeLessThan(0.6);
				expect(got.observed.reduce((t: number, x: number) => t + x, 0)).toBeCloseTo(1, 3);
			}
		}
		const bad = await runCli('calibrate', [CAT, file, '--max-iterations', '0']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--max-iterations');
	});
});
