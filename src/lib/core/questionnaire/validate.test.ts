import { describe, it, expect } from 'vitest';
import { validateQuestionnaire } from './validate.ts';
import { fixture } from '../test-fixture.ts';

type Q = ReturnType<typeof fixture> & Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutate = (q: any) => void;

function problemsAfter(mutate: Mutate, options = {}) {
	const q = fixture() as Q;
	mutate(q);
	const result = validateQuestionnaire(q, options);
	return result.ok ? [] : result.problems;
}

describe('validateQuestionnaire', () => {
	it('accepts the fixture (with $schema) and returns it typed', () => {
		const result = validateQuestionnaire(fixture(), { fileName: 'questionnaires/fixture-test.json' });
		expect(result).toEqual({ ok: true, questionnaire: fixture(), problems: [] });
	});

	it('refuses a non-object', () => {
		expect(validateQuestionnaire([1])).toEqual({ ok: false, problems: [{ path: '$', message: 'a questionnaire must be a JSON object' }] });
	});

	it.each<[string, Mutate, string, string]>([
		// description, change, expected path, part of the message
		['missing id', (q) => delete q.id, '$.id', 'is required'],
		['id not kebab-case', (q) => (q.id = 'Fixture_Test'), '$.id', 'kebab-case'],
		['bad version', (q) => (q.version = '1.0'), '$.version', 'semantic version'],
		['bad kind', (q) => (q.kind = 'quiz'), '$.kind', 'must be one of'],
		['missing title', (q) => delete q.title, '$.title', 'is required'],
		['title object without default', (q) => (q.title = { da: 'x' }), '$.title.default', 'is required'],
		['minutes not positive', (q) => (q.minutes = 0), '$.minutes', 'positive'],
		['no survey', (q) => delete q.survey, '$.survey', 'is required'],
		['survey without pages or elements', (q) => (q.survey = { title: 'x' }), '$.survey', '"pages", "elements" or "questions"'],
		['unknown top-level property', (q) => (q.scoringg = {}), '$.scoringg', 'unknown property'],
		['bad translations', (q) => (q.translations = { da: { validated: 'yes' } }), '$.translations.da', 'validated'],
		['source without licence', (q) => (q.source = { citation: 'x' }), '$.source.licence', 'is required'],
		['duplicate scale id', (q) => (q.scoring.scales[1].id = 'alpha'), '$.scoring.scales[1].id', 'duplicate scale id'],
		['unknown item', (q) => (q.scoring.scales[0].items[2] = 'R9'), '$.scoring.scales[0].items[2]', 'unknown item "R9"'],
		['text item', (q) => q.scoring.scales[0].items.push('why'), '$.scoring.scales[0].items[3]', 'not a single-value numeric question'],
		['checkbox item', (q) => q.scoring.scales[0].items.push('activities'), '$.scoring.scales[0].items[3]', 'not a single-value numeric'],
		['radiogroup with other', (q) => (q.survey.pages[0].elements[3].showOtherItem = true), '$.scoring.scales[0].items[2]', 'not a single-value numeric'],
		// R4 is rated 0..4, outside [1, 5] at 0
		['values outside range', (q) => q.scoring.scales[0].items.push('R4'), '$.scoring.scales[0].items[3]', 'can be answered 0, outside the range [1, 5]'],
		['range reversed', (q) => (q.scoring.scales[0].range = [5, 1]), '$.scoring.scales[0].range', 'lowest < highest'],
		['reverse not in items', (q) => (q.scoring.scales[0].reverse = ['R4']), '$.scoring.scales[0].reverse[0]', 'not one of this scale'],
		['minAnswered too high', (q) => (q.scoring.scales[0].minAnswered = 4), '$.scoring.scales[0].minAnswered', 'from 1 to 3'],
		['minAnswered not integer', (q) => (q.scoring.scales[0].minAnswered = 1.5), '$.scoring.scales[0].minAnswered', 'whole number'],
		['bad method', (q) => (q.scoring.scales[0].method = 'median'), '$.scoring.scales[0].method', '"mean" or "sum"'],
		['bands out of order', (q) => (q.scoring.scales[0].bands[2].upTo = 50), '$.scoring.scales[0].bands[2].upTo', 'greater than the previous'],
		['band with empty label', (q) => (q.scoring.scales[0].bands[0].label = { default: ' ' }), '$.scoring.scales[0].bands[0].label.default', 'must not be empty'],
		['norm sd 0', (q) => (q.scoring.scales[0].norms[0].sd = 0), '$.scoring.scales[0].norms[0].sd', '> 0'],
		['norm mean infinite', (q) => (q.scoring.scales[0].norms[0].mean = null), '$.scoring.scales[0].norms[0].mean', 'finite'],
		['duplicate norm id', (q) => (q.scoring.scales[0].norms[1].id = 'n1'), '$.scoring.scales[0].norms[1].id', 'duplicate norm id'],
		['alpha of 1', (q) => (q.scoring.scales[0].reliability.alpha = 1), '$.scoring.scales[0].reliability.alpha', 'between 0 and 1'],
		['typo in a scale property', (q) => (q.scoring.scales[0].reversed = ['R2']), '$.scoring.scales[0].reversed', 'unknown property'],
		['code with unknown scale', (q) => (q.scoring.codes[0].scales[1] = 'gamma'), '$.scoring.codes[0].scales[1]', 'unknown scale "gamma"'],
		['code letters length', (q) => (q.scoring.codes[0].letters = ['A']), '$.scoring.codes[0].letters', '1 letters but there are 2 scales'],
		['code length too long', (q) => (q.scoring.codes[0].length = 3), '$.scoring.codes[0].length', 'from 1 to 2'],
		['tally of unknown question', (q) => (q.scoring.tallies[1].question = 'nope'), '$.scoring.tallies[1].question', 'unknown question'],
		['tally of a text question', (q) => (q.scoring.tallies[1].question = 'why'), '$.scoring.tallies[1].question', 'a tally needs'],
		['tally of a dynamic without column', (q) => delete q.scoring.tallies[0].column, '$.scoring.tallies[0].column', 'is required'],
		['tally of a text column', (q) => (q.scoring.tallies[0].column = 'idea'), '$.scoring.tallies[0].column', 'not a choice question'],
		['tally column on a checkbox', (q) => (q.scoring.tallies[1].column = 'x'), '$.scoring.tallies[1].column', 'only applies'],
		['duplicate tally id', (q) => (q.scoring.tallies[1].id = 'themes'), '$.scoring.tallies[1].id', 'duplicate tally id'],
		['ranking of a checkbox', (q) => (q.scoring.rankings[0].question = 'activities'), '$.scoring.rankings[0].question', 'not a ranking question'],
		['ranking top 0', (q) => (q.scoring.rankings[0].top = 0), '$.scoring.rankings[0].top', 'at least 1'],
		['list of a rating', (q) => q.scoring.lists[0].questions.push('R1'), '$.scoring.lists[0].questions[3]', 'holds no free text'],
		['list of unknown question', (q) => q.scoring.lists[0].questions.push('zz'), '$.scoring.lists[0].questions[3]', 'unknown question'],
		['a scored item whose name two questions share', (q) => (q.survey.pages[1].elements[4].name = 'R1'), '$.scoring.scales[0].items[0]', '"R1" is scored, but 2 questions are named "R1" ($.survey.pages[0].elements[1], $.survey.pages[1].elements[4]): SurveyJS gives them one shared value']
	])('%s', (_, mutate, path, message) => {
		const problems = problemsAfter(mutate);
		expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
	});

	it('accepts two questions sharing a name that no scale scores (SurveyJS gives them one value)', () => {
		const q = fixture() as Q;
		const pages = (q.survey as { pages: { elements: Record<string, unknown>[] }[] }).pages;
		pages[1].elements.push({ ...pages[1].elements[4] });
		expect(validateQuestionnaire(q)).toMatchObject({ ok: true, problems: [] });
	});

	it('requires the id to match the file name', () => {
		expect(problemsAfter(() => {}, { fileName: '/x/other.json' })).toEqual([
			{ path: '$.id', message: '"fixture-test" must equal the file name "other" (without .json)' }
		]);
	});

	it('reports every problem, not just the first, and merges SurveyJS problems', () => {
		const surveyProblems = [{ path: '$.survey.pages[0].elements[1]', message: 'SurveyJS: unknown property "rateMaxx"' }];
		const problems = problemsAfter((q) => {
			q.version = 'one';
			q.scoring.scales[0].norms[0].sd = -1;
			q.scoring.rankings[0].top = 'all';
		}, { surveyProblems });
		expect(problems.map((p) => p.path)).toEqual([
			'$.version',
			'$.scoring.scales[0].norms[0].sd',
			'$.scoring.rankings[0].top',
			'$.survey.pages[0].elements[1]'
		]);
	});

	it('accepts an exercise without scoring and with top-level elements', () => {
		const result = validateQuestionnaire({
			id: 'brainstorm',
			version: '0.1.0-beta.1',
			kind: 'exercise',
			title: 'Brainstorm',
			survey: { elements: [{ type: 'comment', name: 'ideas' }] }
		});
		expect(result.ok).toBe(true);
	});
});
