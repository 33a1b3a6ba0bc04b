// Real SurveyJS forms (tests/fixtures/surveyjs/real, sources in sources.json) and one hand-made form per
// question type and feature (tests/fixtures/surveyjs/hand-made): the questionnaire check accepts each
// (wrapped into a questionnaire file v1 here, the form itself unchanged), survey-core fills it in Node
// with two complete answer sets of every shape, and the server's validateForm accepts exactly what
// SurveyJS produced: while in progress the data as saved, and at completion exactly `survey.data` after
// `doComplete()` (what the server stores).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkQuestionnaireText } from '../../src/lib/server/questionnaires/questionnaires';
import { compileForm, validateForm } from '../../src/lib/form-model';
import { fillSurvey, type Variant } from '../support/surveyjs-fill';

const DIR = 'tests/fixtures/surveyjs';
interface Source {
	file: string;
	repository: string;
	path: string;
	commit: string;
	licence: string;
	refused?: string;
}
const sources = (JSON.parse(readFileSync(`${DIR}/sources.json`, 'utf8')) as { forms: Source[] }).forms;
const handMade = readdirSync(`${DIR}/hand-made`).filter((f) => f.endsWith('.json')).map((f) => `hand-made/${f}`);
const formOf = (file: string) => JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as Record<string, unknown>;

/** A questionnaire file v1 around a form, as an author would write it. */
function wrap(file: string, survey: unknown): { name: string; text: string } {
	const id = file.replace(/^.*\//, '').replace(/\.json$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return { name: `${id}.json`, text: JSON.stringify({ id, version: '1.0.0', kind: 'self-evaluation', title: id, survey }) };
}

describe('the corpus', () => {
	it('has at least 70 real forms, each with repository, path, commit and a licence that allows copying, and the files match the list', () => {
		const real = readdirSync(`${DIR}/real`).filter((f) => f.endsWith('.json')).map((f) => `real/${f}`).sort();
		expect(sources.map((s) => s.file).sort()).toEqual(real);
		expect(sources.filter((s) => !s.refused).length).toBeGreaterThanOrEqual(70);
		for (const s of sources) {
			expect(s.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
			expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
			expect(s.licence).toMatch(/^(MIT|Apache-2\.0) .*see (LICENSE-[\w.-]+\.txt)\)$/);
			expect(readdirSync(DIR)).toContain(/see (LICENSE-[\w.-]+\.txt)/.exec(s.licence)![1]);
			expect(s.path.length).toBeGreaterThan(0);
		}
	});
	it('takes at least 20 forms from repositories of other authors than SurveyJS', () => {
		expect(sources.filter((s) => !s.repository.startsWith('surveyjs/')).length).toBeGreaterThanOrEqual(20);
	});
});

const accepted = [...sources.filter((s) => !s.refused).map((s) => s.file), ...handMade];

describe.each(accepted)('%s', (file) => {
	const form = formOf(file);
	it('is accepted by the questionnaire check', () => {
		const { name, text } = wrap(file, form);
		const checked = checkQuestionnaireText(name, text);
		expect('problems' in checked ? checked.problems : []).toEqual([]);
	});
	it.each([0, 1] as Variant[])('answers filled in by survey-core (variant %i) are accepted exactly', (variant) => {
		const filled = fillSurvey(form, variant);
		expect(filled.errors).toEqual([]);
		const model = compileForm(form);
		const saved = validateForm(model, filled.saved, { partial: true });
		expect(saved).toEqual({ ok: true, answers: filled.saved });
		const done = validateForm(model, filled.saved);
		expect(done).toEqual({ ok: true, answers: filled.completed });
	});
});

describe.each(['real/ncmlab-stanford-sleepiness-fr.json', 'hand-made/duplicate-names.json'])('%s (questions sharing a name)', (file) => {
	it('is accepted with a warning naming the shared name, and survey-core fills one shared value (above)', () => {
		const { name, text } = wrap(file, formOf(file));
		const checked = checkQuestionnaireText(name, text);
		expect('problems' in checked).toBe(false);
		expect(checked.warnings?.some((w) => /^the name "[^"]+" is used before .*: SurveyJS gives both questions one shared value$/.test(w.message))).toBe(true);
	});
});

describe.each(sources.filter((s) => s.refused))('$file', ({ file, refused }) => {
	it(`is refused with one clear line per question (${refused})`, () => {
		const { name, text } = wrap(file, formOf(file));
		const checked = checkQuestionnaireText(name, text);
		expect('problems' in checked).toBe(true);
		const problems = 'problems' in checked ? checked.problems : [];
		expect(problems.length).toBeGreaterThan(0);
		for (const p of problems) expect(p.message).toMatch(/is not a built-in SurveyJS type|choicesByUrl/);
	});
});
