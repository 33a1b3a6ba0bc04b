// The completion shortcut for plain single-choice forms against the full validation it stands in for:
// for the forms it covers, and for every answer set tried (valid ones, and ones broken in each way the
// shortcut must not accept), `validateForm` gives exactly what `validateFully` gives, errors included.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileForm, formModelOf, validateForm } from './index';
import { validateFully } from './validate';
import { simpleCompletion } from './fast-path';

const root = new URL('../../../', import.meta.url);
const shipped = readdirSync(new URL('questionnaires/', root))
	.filter((f) => f.endsWith('.json') && f !== 'schema.json')
	.map((f) => JSON.parse(readFileSync(new URL(`questionnaires/${f}`, root), 'utf8')) as { id: string; survey: Record<string, unknown> });
const survey = (id: string) => shipped.find((q) => q.id === id)!.survey;

/** Park–Miller, so every run tries the same answer sets. */
function seeded(seed: number) {
	let s = seed;
	return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

type Question = { name: string; isRequired?: boolean; choices: ({ value: unknown } | unknown)[] };
const questionsOf = (s: Record<string, unknown>) =>
	(s.pages as { elements: ({ type: string } & Question)[] }[]).flatMap((p) => p.elements.filter((e) => e.type === 'radiogroup'));
const valueOf = (c: unknown) => (typeof c === 'object' && c !== null ? (c as { value: unknown }).value : c);

const BROKEN: unknown[] = [0, 6, '3', null, '', 2.5, [], {}, true, 'Enjoy'];

/** A valid answer set with some optional answers left out, then (for most) one thing broken. */
function answerSet(s: Record<string, unknown>, random: () => number, n: number): Record<string, unknown> {
	const answers: Record<string, unknown> = {};
	for (const q of questionsOf(s)) {
		if (!q.isRequired && random() < 0.1) continue;
		answers[q.name] = valueOf(q.choices[Math.floor(random() * q.choices.length)]);
	}
	const names = questionsOf(s).map((q) => q.name);
	const target = names[Math.floor(random() * names.length)];
	switch (n % 5) {
		case 0:
			break; // valid
		case 1:
			answers[target] = BROKEN[Math.floor(random() * BROKEN.length)];
			break;
		case 2:
			answers[random() < 0.5 ? 'unknown' : 'intro'] = 3;
			break;
		case 3:
			delete answers[target];
			break;
		default:
			answers[target] = String(answers[target] ?? 1);
	}
	return answers;
}

describe('simpleCompletion', () => {
	it('covers the plain single-choice forms among the shipped questionnaires, and no other', () => {
		const covered = shipped.map((q) => {
			const first = questionsOf(q.survey)[0];
			const answers = Object.fromEntries(questionsOf(q.survey).map((x) => [x.name, valueOf(x.choices[0])]));
			return [q.id, first !== undefined && simpleCompletion(formModelOf(q.survey), answers) !== undefined];
		});
		expect(covered).toEqual([
			['big-five-ipip-50-cat', true],
			['big-five-ipip-50', true],
			['brainstorm-dream-jobs', false],
			['brainstorm-strengths', false],
			['others-view', false],
			['riasec-48', true],
			['study-habits', false],
			['work-values', false]
		]);
	});

	it.each(['riasec-48', 'big-five-ipip-50'])('%s: validateForm gives what validateFully gives for 3,000 answer sets', (id) => {
		const s = survey(id);
		const model = formModelOf(s);
		const random = seeded(id.length * 104729);
		const seen = { shortcut: 0, refused: 0 };
		for (let n = 0; n < 3000; n++) {
			const answers = answerSet(s, random, n);
			const full = validateFully(model, JSON.parse(JSON.stringify(answers)) as object);
			expect(validateForm(model, answers)).toEqual(full);
			if (simpleCompletion(model, answers) !== undefined) seen.shortcut++;
			if (!full.ok) seen.refused++;
		}
		// Both kinds were tried: answers the shortcut took, and answers the full validation refused.
		expect(seen.shortcut).toBeGreaterThan(500);
		expect(seen.refused).toBeGreaterThan(100);
	});

	it('takes nothing it is not sure of: a broken value, an unknown key, a missing required answer', () => {
		const s = { pages: [{ elements: [{ type: 'radiogroup', name: 'a', isRequired: true, choices: [1, 2] }, { type: 'radiogroup', name: 'b', choices: ['x', 'y'] }] }] };
		const model = compileForm(s);
		expect(simpleCompletion(model, { a: 1, b: 'y' })).toEqual({ a: 1, b: 'y' });
		expect(simpleCompletion(model, { a: 2 })).toEqual({ a: 2 });
		for (const answers of [{ a: '1' }, { a: 3 }, { b: 'x' }, { a: 1, c: 1 }, { a: 1, b: null }]) {
			expect(simpleCompletion(model, answers)).toBeUndefined();
			expect(validateForm(model, answers)).toEqual(validateFully(model, answers));
		}
		expect(validateForm(model, { b: 'x' })).toMatchObject({ ok: false, errors: [{ name: 'a', code: 'required' }] });
	});

	it.each([
		['a condition on a question', { type: 'radiogroup', name: 'b', choices: [1, 2], visibleIf: '{a} = 1' }],
		['a condition on a choice', { type: 'radiogroup', name: 'b', choices: [1, { value: 2, visibleIf: '{a} = 1' }] }],
		['a validator', { type: 'radiogroup', name: 'b', choices: [1, 2], validators: [{ type: 'expression', expression: '{b} > 1' }] }],
		['an other item', { type: 'radiogroup', name: 'b', choices: [1, 2], showOtherItem: true }],
		['another question type', { type: 'text', name: 'b' }]
	])('leaves a form with %s to the full validation', (_, second) => {
		const model = compileForm({ elements: [{ type: 'radiogroup', name: 'a', choices: [1, 2] }, second] });
		expect(simpleCompletion(model, { a: 1 })).toBeUndefined();
		expect(validateForm(model, { a: 1, b: 1 })).toEqual(validateFully(model, { a: 1, b: 1 }));
	});
});
