/**
 * The server's model of a SurveyJS form: compiled once per immutable instrument version, then used for
 * every request without building a survey-core Model (which costs ~50 ms). SurveyJS's own expression
 * engine (survey-core's ConditionRunner/ExpressionRunner) evaluates the conditions, so `visibleIf`,
 * `enableIf`, `requiredIf`, validators and calculated values mean exactly what they mean in the browser.
 * It lives outside `src/lib/core` because it imports survey-core; it has no other dependencies (no
 * database, no SvelteKit), so it runs in tests, scripts and the server alike.
 *
 * How to use it:
 * ```ts
 * import { formModelOf, visiblePages, validateForm, formErrorKey } from '$lib/form-model';
 * const model = formModelOf(questionnaire.survey);          // cached per survey object
 * const pages = visiblePages(model, answers);               // what to render: visible elements per page
 * //   pages[i].elements[j] = { node, visible, enabled, required, choices?, children }
 * //   node.json is the element's SurveyJS JSON (title, choices, rows, …), node.key its answer key
 * const saved = validateForm(model, answers, { partial: true });   // on each save: shapes only
 * const done = validateForm(model, answers);                        // at completion: everything
 * if (!done.ok) for (const e of done.errors) t(formErrorKey(e.code), e.params); // e.name = the question
 * ```
 * Errors carry `name` (the top-level question's answer key), `at` (where inside the answer, e.g.
 * `bfi.A1` or `jobs[1].title`), `code` + `params` for translated messages, and an English `message`.
 */
export { compileForm, formModelOf, type FormModel, type FormNode, type Choice, type CalculatedValue } from './compile';
export { validateForm, validateFully, type FormValidation, type ValidateFormOptions } from './validate';
export { visiblePages, rowStates, type VisiblePage, type VisibleElement } from './layout';
export { formState, type NodeState } from './state';
export { formError, formatFormError, type FormError, type FormErrorCode } from './errors';
export { MAX_FILE_BYTES, DEFAULT_FILE_TYPES } from './files';
export { MAX_ROWS } from './shape';

/** The i18n key of an error code's message (`form.error.<code>`, with `{placeholders}` as in `params`). */
export const formErrorKey = (code: import('./errors').FormErrorCode) => `form.error.${code}` as const;
