// The playground's checks and scoring, on the shipped questionnaire files and a small hand-made one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n';
import { checkQuestionnaireText } from '../questionnaires/questionnaires';
import { checkPlaygroundText, PLAYGROUND_MAX_BYTES, scorePlayground } from './author-playground';

const QUESTIONNAIRES = resolve(__dirname, '../../../../questionnaires');
const read = (file: string) => readFileSync(resolve(QUESTIONNAIRES, file), 'utf8');

// Three 1–5 ratings, q2 reversed, mean; norm M = 3, SD = 0.5; alpha .84; bands by percentile.
const mini = (reverse = ['q2']) => ({
	id: 'mini',
	version: '1.0.0',
	kind: 'test',
	title: { default: 'Mini', da: 'Mini på dansk' },
	survey: {
		elements: ['q1', 'q2', 'q3'].map((name) => ({ type: 'rating', name, title: { default: name, da: `${name} da` }, rateMin: 1, rateMax: 5 }))
	},
	scoring: {
		scales: [
			{
				id: 'calm',
				title: { default: 'Calm', da: 'Ro' },
				items: ['q1', 'q2', 'q3'],
				reverse,
				range: [1, 5],
				method: 'mean',
				norms: [{ id: 'n', mean: 3, sd: 0.5 }],
				reliability: { alpha: 0.84 },
				bands: [
					{ upTo: 30, label: { default: 'Low', da: 'Lav' } },
					{ upTo: 70, label: { default: 'Middle', da: 'Middel' } },
					{ upTo: 100, label: { default: 'High', da: 'Høj' } }
				]
			}
		]
	}
});

describe('checkPlaygroundText', () => {
	it('accepts every shipped questionnaire, with its languages', () => {
		for (const file of ['riasec-48.json', 'big-five-ipip-50.json', 'work-values.json']) {
			const r = checkPlaygroundText(read(file), file);
			expect(r.ok, file).toBe(true);
			if (r.ok) expect(r.locales).toEqual(['default', 'da']);
		}
	});

	it('gives exactly the problems the server gives at load', () => {
		const bad = { ...mini(['q9']), version: 'one' };
		const text = JSON.stringify(bad);
		const r = checkPlaygroundText(text);
		expect(r.ok).toBe(false);
		const server = checkQuestionnaireText('mini.json', text);
		expect('problems' in server && server.problems).toEqual(!r.ok && r.findings);
		const paths = !r.ok ? r.findings.map((p) => p.path) : [];
		expect(paths).toContain('$.scoring.scales[0].reverse[0]');
		expect(paths).toContain('$.version');
	});

	it('names the file from the id, or checks the id against the file name given', () => {
		const text = JSON.stringify(mini());
		expect(checkPlaygroundText(text)).toMatchObject({ ok: true, fileName: 'mini.json' });
		const r = checkPlaygroundText(text, 'other');
		expect(r).toMatchObject({ ok: false, fileName: 'other.json' });
		expect(!r.ok && r.findings).toEqual([{ path: '$.id', message: '"mini" must equal the file name "other" (without .json)' }]);
	});

	it('refuses broken JSON, empty text and text over the size cap with a clear message', () => {
		expect(checkPlaygroundText('{ "id": ')).toMatchObject({ ok: false, error: { code: 'author.playground.problems', params: { n: 1 } }, findings: [{ path: '$', message: expect.stringMatching(/^Not valid JSON at line 1, column 9: /) }] });
		expect(checkPlaygroundText('  ')).toMatchObject({ ok: false, error: { code: 'author.playground.error.empty', field: 'text' }, findings: [] });
		expect(translate('en', 'author.playground.error.empty')).toBe('The questionnaire is empty.');
		const huge = JSON.stringify({ ...mini(), description: 'x'.repeat(PLAYGROUND_MAX_BYTES) });
		const r = checkPlaygroundText(huge);
		expect(!r.ok && r.error).toEqual({ code: 'author.playground.tooLarge', params: { kb: Math.ceil(huge.length / 1024), max: 400 }, field: 'text' });
		if (!r.ok) expect(translate('en', r.error.code, r.error.params)).toBe(`The questionnaire is ${Math.ceil(huge.length / 1024)} KB; the playground accepts at most 400 KB.`);
	});
});

describe('scorePlayground', () => {
	it('scores step by step: keyed values, score, norm, band, 90 % band', () => {
		// Answers 5, 2, 4: keyed 5, 1 + 5 − 2 = 4, 4 → mean 13/3 = 4.333…; z = (4.333 − 3)/0.5 = 2.667,
		// T = 76.67, sten = round(2·2.667 + 5.5) = round(10.83) → 10; percentile = 100·Φ(2.667) = 99.62 → "High".
		// SEM = 0.5·√(1 − .84) = 0.2; 90 % band = 4.333 ± 0.329.
		const r = scorePlayground(JSON.stringify(mini()), JSON.stringify({ q1: 5, q2: 2, q3: 4 }), 'da');
		if (!r.ok) throw new Error(r.error.code);
		const s = r.value.scales[0];
		expect(s.title).toBe('Ro');
		expect(s.items).toEqual([
			{ name: 'q1', reversed: false, answer: 5, keyed: 5 },
			{ name: 'q2', reversed: true, answer: 2, keyed: 4 },
			{ name: 'q3', reversed: false, answer: 4, keyed: 4 }
		]);
		expect(s.score).toBeCloseTo(13 / 3, 12);
		expect(s.answered).toBe(3);
		expect(s.z).toBeCloseTo(8 / 3, 12);
		expect(s.t).toBeCloseTo(50 + 80 / 3, 10);
		expect(s.sten).toBe(10);
		expect(s.percentile).toBeCloseTo(99.617, 3);
		expect(s.band).toEqual({ label: 'Høj', text: null });
		expect(s.ci90!.score.low).toBeCloseTo(13 / 3 - 1.645 * 0.2, 12);
		expect(s.ci90!.score.high).toBeCloseTo(13 / 3 + 1.645 * 0.2, 12);
		expect(s.norm).toEqual({ id: 'n', title: 'n', mean: 3, sd: 0.5 });
	});

	it('reports a missing scale score with its reason, never 0', () => {
		const r = scorePlayground(JSON.stringify(mini()), JSON.stringify({ q1: 5 }), 'default');
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.scales[0]).toMatchObject({ score: null, answered: 1, reason: '1 of 3 items answered; at least 3 needed' });
	});

	it('refuses answers the questionnaire does not allow, and an invalid questionnaire', () => {
		const r = scorePlayground(JSON.stringify(mini()), JSON.stringify({ q1: 7, nope: 1 }), 'default');
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors!.map((e) => e.name).sort()).toEqual(['nope', 'q1']);
		expect(scorePlayground(JSON.stringify(mini()), 'not json', 'default')).toEqual({ ok: false, error: { code: 'response.error.json', field: 'answers' } });
		const bad = scorePlayground(JSON.stringify(mini(['q9'])), '{}', 'default');
		expect(!bad.ok && bad.error.code).toBe('author.playground.error.questionnaire');
		expect(!bad.ok && bad.findings![0].path).toBe('$.scoring.scales[0].reverse[0]');
	});

	it('gives the ranking of work values with its labels', () => {
		// SurveyJS stores a ranking as the order of every choice; the score keeps the top 5.
		const values = JSON.parse(read('work-values.json')).survey.pages.flatMap((p: { elements: { name: string; choices?: { value: string }[] }[] }) => p.elements).find((e: { name: string }) => e.name === 'values_rank').choices.map((c: { value: string }) => c.value);
		const first = ['income', 'security', 'autonomy', 'learning', 'variety', 'creativity'];
		const answers = { values_rank: [...first, ...values.filter((v: string) => !first.includes(v))], SE1: 4, SE2: 4, SE3: 3, SE4: 5 };
		const r = scorePlayground(read('work-values.json'), JSON.stringify(answers), 'default', 'work-values.json');
		if (!r.ok) throw new Error(`${r.error.code} ${JSON.stringify(r.errors ?? r.findings)}`);
		expect(r.value.rankings[0].items).toHaveLength(5);
		expect(r.value.rankings[0].items[0]).toBe('Good pay – earning good money');
		expect(r.value.scales[0].score).toBe(4); // (4 + 4 + 3 + 5) / 4
	});
});
