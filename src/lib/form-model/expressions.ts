// SurveyJS's own expression engine (survey-core's ConditionRunner / ExpressionRunner), parsed once per
// form and run per request: conditions mean on the server exactly what they mean in the browser.
import { ConditionRunner, ExpressionRunner } from 'survey-core';

export type Values = Record<string, unknown>;

export interface Condition {
	/** The SurveyJS expression text, e.g. `{age} >= 18 and {q1} anyof ['a', 'b']`. */
	text: string;
	run(values: Values): boolean;
}

export interface Expression {
	text: string;
	run(values: Values): unknown;
}

/** Whether survey-core could parse the text (it then has an operand tree; a syntax error leaves none). */
function parsed(runner: ConditionRunner | ExpressionRunner): boolean {
	return runner.canRun();
}

/**
 * A SurveyJS boolean condition, parsed once. Returns a problem message instead when the text is not a
 * string or does not parse.
 * @example compileCondition('{a} > 1').run({ a: 2 }) // → true
 */
export function compileCondition(text: unknown): Condition | string {
	if (typeof text !== 'string') return 'must be a SurveyJS expression (a string)';
	if (text.trim() === '') return 'must not be empty';
	const runner = new ConditionRunner(text);
	if (!parsed(runner)) return `cannot be parsed as a SurveyJS expression: ${JSON.stringify(text)}`;
	return { text, run: (values) => runner.runValues(values) === true };
}

/**
 * A SurveyJS value expression (calculated values, expression questions), parsed once.
 * @example compileExpression('{a} + {b} * 2').run({ a: 1, b: 2 }) // → 5
 */
export function compileExpression(text: unknown): Expression | string {
	if (typeof text !== 'string') return 'must be a SurveyJS expression (a string)';
	if (text.trim() === '') return 'must not be empty';
	const runner = new ExpressionRunner(text);
	if (!parsed(runner)) return `cannot be parsed as a SurveyJS expression: ${JSON.stringify(text)}`;
	return { text, run: (values) => runner.runValues(values) };
}
